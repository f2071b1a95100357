// The per-class statistics of the output logits over a batch whose parameter gradients span Page's covariate-
// shift directions ("How to train your ResNet 7"): the batch mean, variance and skewness of one class's logit.
package org.shiftscope.model.hessian;

/**
 * Over a group of n logits z of one class, with μ = Σz/n, m2 = Σ(z − μ)²/n and m3 = Σ(z − μ)³/n:
 * mean μ, variance m2 (biased, as BN's), skewness m3 / m2^{3/2} (the standardised third central moment).
 */
public enum LogitStatistic {
    MEAN, VARIANCE, SKEW;

    /** The statistic of {@code z[from, to)}. */
    public double of(double[] z, int from, int to) {
        double[] m = moments(z, from, to);
        return switch (this) {
            case MEAN -> m[0];
            case VARIANCE -> m[1];
            case SKEW -> m[2] / Math.pow(m[1], 1.5);
        };
    }

    /**
     * ∂statistic/∂z_i for each i of the group, into {@code out[from, to)} scaled by {@code weight}:
     * mean 1/n; variance 2(z_i − μ)/n; skewness 3((z_i − μ)² − m2)/(n·m2^{3/2}) − 3·m3·(z_i − μ)/(n·m2^{5/2})
     * (the quotient rule on m3/m2^{3/2} with ∂m3/∂z_i = 3((z_i − μ)² − m2)/n and ∂m2/∂z_i = 2(z_i − μ)/n).
     */
    void gradient(double[] z, int from, int to, double weight, double[] out) {
        double[] m = moments(z, from, to);
        int n = to - from;
        for (int i = from; i < to; i++) {
            double d = z[i] - m[0];
            out[i] = weight * switch (this) {
                case MEAN -> 1.0 / n;
                case VARIANCE -> 2.0 * d / n;
                case SKEW -> m[1] > 0 ? 3.0 * (d * d - m[1]) / (n * Math.pow(m[1], 1.5))
                        - 3.0 * m[2] * d / (n * Math.pow(m[1], 2.5)) : 0.0;
            };
        }
    }

    /** {μ, m2, m3} of z[from, to). */
    private static double[] moments(double[] z, int from, int to) {
        int n = to - from;
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += z[i];
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        for (int i = from; i < to; i++) {
            double d = z[i] - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        return new double[]{mean, m2 / n, m3 / n};
    }
}
