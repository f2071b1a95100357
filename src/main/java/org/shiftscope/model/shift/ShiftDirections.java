// The parameter-space directions of Page's shift experiments ("How to train your ResNet 7"), on a network copy in
// one BN mode: the gradient of a class's batch-mean logit over the evaluation set, the top Hessian eigenvector
// (Lanczos, as the λ chart), or a seeded random direction; and the class whose mean-logit gradient is largest.
package org.shiftscope.model.shift;

import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.hessian.HessianAnalysis;
import org.shiftscope.model.hessian.LogitStatistic;
import org.shiftscope.model.net.Network;

import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;

/** Every method reads the network in its own BN mode and leaves its weights as they were. */
public final class ShiftDirections {
    /** Threads the passes use: the experiments run beside training, so they take one core. */
    private static final int THREADS = 1;

    private ShiftDirections() {
    }

    /**
     * The direction {@code request} names, over {@code network.parameters()} in their order.
     * @param set       the fixed evaluation set
     * @param groupRows examples per batch-statistics group (the training batch)
     * @param lanczosIterations products for v1 (0: HessianAnalysis's default for one eigenvalue)
     * @param cancelled polled between the Hessian's products (v1 only)
     */
    public static double[] of(Network network, Examples set, int groupRows, PerturbationRequest request,
                              int lanczosIterations, BooleanSupplier cancelled) {
        return switch (request.direction()) {
            case CLASS_MEAN -> classMeanGradients(network, set, groupRows)[checkedClass(network, request.classIndex())];
            case TOP_EIGENVECTOR -> HessianAnalysis.topK(network, network.bnMode(), set, groupRows, 0,
                    new HessianAnalysis.Request(1, lanczosIterations, HessianAnalysis.TOLERANCE, DataType.FLOAT, THREADS),
                    cancelled).eigenvectors()[0];
            case RANDOM -> random(network.parameters().stream().mapToInt(p -> (int) p.size()).sum(), request.seed());
        };
    }

    /** The class whose batch-mean logit has the largest gradient over the stage weights, and its split by layer. */
    public static LayerShiftReport largestShift(Network network, Examples set, int groupRows, long step, long generation) {
        double[][] gradients = classMeanGradients(network, set, groupRows);
        LayerShiftShare largest = null;
        int largestClass = 0;
        for (int c = 0; c < gradients.length; c++) {
            var share = LayerShiftShare.of(network, gradients[c]);
            if (largest == null || share.total() > largest.total()) {
                largest = share;
                largestClass = c;
            }
        }
        return new LayerShiftReport(step, generation, network.bnMode(), largestClass, largest);
    }

    /** ∂(mean logit c)/∂w for every class c, over the evaluation set in batch-statistics groups. */
    static double[][] classMeanGradients(Network network, Examples set, int groupRows) {
        requireGradientsFit(network);
        var loss = new EvaluationSetLoss(network, network.bnMode(), set, groupRows, 0, DataType.FLOAT, THREADS);
        return loss.logitStatisticGradients(loss.initialParameters(), LogitStatistic.MEAN);
    }

    /**
     * @throws IllegalStateException when the classes' float64 gradients (twice: the pass's and the sum) would not fit
     * in the free Java heap, in one line
     */
    public static void requireGradientsFit(Network network) {
        long parameters = network.parameters().stream().mapToLong(p -> p.size()).sum();
        long bytes = 2L * Double.BYTES * network.spec().classes() * parameters;
        var runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > free) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the %d classes' mean-logit gradients need "
                    + "%.1f GB of Java heap and %.1f GB is free: use a smaller network, or give Java more with -Xmx",
                    network.spec().classes(), bytes / 1e9, free / 1e9));
        }
    }

    private static int checkedClass(Network network, int c) {
        int classes = network.spec().classes();
        if (c >= classes) {
            throw new IllegalArgumentException("class " + c + " does not exist: the network has " + classes + " classes");
        }
        return c;
    }

    /** A standard normal vector of that dimension, the same for the same seed. */
    static double[] random(int dimension, long seed) {
        var random = new Random(seed);
        var v = new double[dimension];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }
}
