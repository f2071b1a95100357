// Central finite differences, the independent oracle for every analytic gradient in the model.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.DoubleSupplier;

final class FiniteDifferences {
    /** Step for central differences in float64: truncation error ~h², rounding ~1e-16/h. */
    static final double STEP = 1e-6;

    private FiniteDifferences() {
    }

    /** dF/dA by perturbing each element of {@code a} in place and restoring it. */
    static double[] gradient(INDArray a, DoubleSupplier f) {
        var flat = a.reshape(a.length());
        var result = new double[(int) a.length()];
        for (int i = 0; i < result.length; i++) {
            double original = flat.getDouble(i);
            flat.putScalar(i, original + STEP);
            double plus = f.getAsDouble();
            flat.putScalar(i, original - STEP);
            double minus = f.getAsDouble();
            flat.putScalar(i, original);
            result[i] = (plus - minus) / (2 * STEP);
        }
        return result;
    }

    /** max |a − b| / max(1, |b|): an error relative to the gradient's size, absolute near zero. */
    static double maxRelativeError(double[] analytic, double[] numeric) {
        double worst = 0;
        for (int i = 0; i < analytic.length; i++) {
            worst = Math.max(worst, Math.abs(analytic[i] - numeric[i]) / Math.max(1.0, Math.abs(numeric[i])));
        }
        return worst;
    }
}
