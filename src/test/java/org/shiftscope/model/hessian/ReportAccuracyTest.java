// The accuracy every report promises: whenever it says converged, each of its top-10 eigenvalues is within 1e-3
// (relative) of a from-scratch float64 Lanczos run of 120 products on the same weights and examples. Checked on
// trained networks in every BN mode (frozen: a BN net trained with batch statistics, then frozen on the same
// weights), at initialisation and after training, ReLU and tanh (float32 Lanczos plus the float64 Rayleigh–Ritz
// step without batch statistics, float64 Lanczos with them). An eigenvalue that is zero to rounding (a Hessian of
// low rank) is compared as the reports' convergence test treats it: against a thousandth of λ1.
package org.shiftscope.model.hessian;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.TrainingSession;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportAccuracyTest {
    /** The bar: each eigenvalue within this (relative) of the float64 reference. */
    static final double RELATIVE_ACCURACY = 1e-3;
    static final int REFERENCE_PRODUCTS = 120;
    static final int TOP_K = 10;
    static final int SAMPLES = 256;

    @ParameterizedTest
    @CsvSource({"relu, off, 0", "relu, off, 150", "relu, on, 0", "relu, on, 150", "relu, frozen, 150",
            "tanh, on, 150", "tanh, frozen, 150"})
    void aConvergedReportIsWithinATenthOfAPercentOfFloat64Lanczos(String activation, String mode, int steps) {
        var bn = BnMode.parse(mode);
        var trained = bn == BnMode.FROZEN ? BnMode.ON : bn;
        var config = new TrainingConfig(SyntheticData.NAME, 4, 32, ActivationFunction.parse(activation), Initialization.HE,
                false, 64, steps, 3, 50, 0, new LiveSettings(0.05, 0.9, false, 0, trained),
                new HessianSettings(0, TOP_K, SAMPLES, 0));
        var session = new TrainingSession(config, SyntheticData.generate(5));
        for (int i = 0; i < steps; i++) {
            session.step();
        }
        session.setLiveSettings(config.optimizer().withBnMode(bn), RunEvent.Cause.USER);
        var report = session.analyseHessian(0, () -> false);
        var reference = new EvaluationSetLoss(session.network(), bn, session.hessianSet(), config.batchSize(), 0,
                DataType.DOUBLE, 1);
        var exact = Lanczos.largest(new ExactHessian(reference, () -> false), TOP_K, REFERENCE_PRODUCTS, 0,
                Lanczos.randomStart(reference.dimension(), 1, 99));
        assertTrue(report.converged(), "the report converged within its budget (" + report.iterations() + " products)");
        double zero = Convergence.ZERO_EIGENVALUE * Math.abs(exact.eigenvalues()[0]);
        for (int i = 0; i < TOP_K; i++) {
            double error = Math.abs(report.eigenvalues()[i] - exact.eigenvalues()[i])
                    / Math.max(Math.abs(exact.eigenvalues()[i]), zero);
            assertTrue(error < RELATIVE_ACCURACY, "λ" + (i + 1) + ": " + report.eigenvalues()[i] + " vs " + exact.eigenvalues()[i]);
        }
    }
}
