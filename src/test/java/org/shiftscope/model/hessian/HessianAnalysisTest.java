// HessianAnalysis end to end at its edges: a Hessian of low rank, where Lanczos finds an invariant subspace
// before k iterations and returns fewer eigenvalues than asked for, and a network too large for the heap,
// refused by HessianMemory before any vector is allocated.
package org.shiftscope.model.hessian;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.Architectures;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Normalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.config.LiveSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HessianAnalysisTest {
    static final int INPUTS = 3;
    static final int CLASSES = 3;
    static final int WIDTH = 4;
    /** 3·4 + 4 + 4·3 + 3 = 31 parameters, so k = MAX_TOP_K is allowed by the dimension. */
    static final int PARAMETERS = 31;
    /** The depth 50 × width 1024 network the controls allow, on 784 inputs and 10 classes: about 52.5 M. */
    static final long LARGEST_NETWORK_PARAMETERS = 784L * 1024 + 49L * 1024 * 1024 + 1024L * 10 + 50L * 3 * 1024 + 10;
    static final double GIB = 1024.0 * 1024 * 1024;

    @Test
    void aLowRankHessianGivesFewerEigenvaluesWithMatchingOverlaps() {
        var spec = new NetworkSpec(INPUTS, CLASSES, 1, WIDTH, ActivationFunction.TANH, Initialization.HE, 3);
        var network = new Network(spec, BnMode.OFF, DataType.DOUBLE);
        var oneExample = new Examples(new float[]{0.5f, -1f, 2f}, new int[]{1}, 1, INPUTS);
        var settings = new LiveSettings(0.1, 0, false, 0, BnMode.OFF);
        var request = new HessianAnalysis.Request(HessianAnalysis.MAX_TOP_K, 0, HessianAnalysis.TOLERANCE);

        var report = HessianAnalysis.run(network, BnMode.OFF, oneExample, 1, settings, request, 0, 0, () -> false);

        int found = report.eigenvalues().length;
        assertTrue(found >= 1 && found < HessianAnalysis.MAX_TOP_K,
                "one example's Hessian has few distinct eigenvalues, got " + found + " of " + PARAMETERS);
        assertEquals(found, report.meanOverlap().length);
        assertEquals(found, report.meanVarianceOverlap().length);
        assertEquals(found, report.residuals().length);
    }

    @Test
    void theLargestNetworkIsRefusedWithTheMemoryItNeeds() {
        long needed = HessianMemory.estimateBytes(LARGEST_NETWORK_PARAMETERS, 40, 10, 10);
        assertTrue(needed / GIB > 16, "40 basis vectors of 52 M doubles alone are 15.6 GiB, got " + needed / GIB);

        var e = assertThrows(HessianMemory.TooLargeException.class,
                () -> HessianMemory.requireFits(Runtime.getRuntime().maxMemory(), 40, 10, 10));
        assertTrue(e.getMessage().contains("smaller depth, width, top-k or number of Lanczos iterations"), e.getMessage());
    }

    @Test
    void aConvnetsPassesAreMeasuredAgainstNativeMemoryAndABatchTooLargeIsRefusedWithWhatToChange() {
        var convnet = new NetworkSpec(Architectures.build(Architecture.CONVNET, Normalization.BATCH, 1, 784, 10, 3, 32,
                ActivationFunction.RELU), Initialization.HE, 1);
        assertEquals(32L * 9 * 784, convnet.rowValues(), "the widest row: the second stage's patches");
        long needed = HessianMemory.passBytes(convnet.rowValues(), 128, 2);

        var e = assertThrows(HessianMemory.TooLargeException.class,
                () -> HessianMemory.requirePassesFit(convnet.rowValues(), 128, 2, needed - 1));
        assertTrue(e.getMessage().contains("passes of 128 examples") && e.getMessage().contains("use a smaller batch"),
                e.getMessage());
        HessianMemory.requirePassesFit(convnet.rowValues(), 128, 2, needed);
    }

    @Test
    void aSmallNetworkFits() {
        HessianMemory.requireFits(PARAMETERS, 40, 10, CLASSES);
    }
}
