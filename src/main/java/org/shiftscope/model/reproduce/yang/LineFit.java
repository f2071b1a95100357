// An ordinary least-squares line y ≈ a + b·x with the standard error of b and R²: the one regression the
// growth fits of `reproduce yang` need (any statistics text, e.g. Draper & Smith, "Applied Regression Analysis").
package org.shiftscope.model.reproduce.yang;

/**
 * @param slope      b
 * @param slopeError standard error of b from the residuals (0 with two points)
 * @param intercept  a
 * @param rSquared   share of the variance of y the line explains (1 when every y is equal)
 */
public record LineFit(double slope, double slopeError, double intercept, double rSquared) {

    /** @param x, y at least two points, x not all equal */
    public static LineFit of(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("a line needs two or more (x, y) pairs (got " + n + " x, " + y.length + " y)");
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i] / n;
            meanY += y[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a line needs x values that are not all equal");
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double residual = 0;                                  // summed directly: syy − b·sxy cancels badly
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            residual += r * r;
        }
        double slopeError = n > 2 ? Math.sqrt(residual / (n - 2) / sxx) : 0;
        double rSquared = syy == 0 ? 1 : 1 - residual / syy;
        return new LineFit(slope, slopeError, intercept, rSquared);
    }

    public double valueAt(double x) {
        return intercept + slope * x;
    }
}
