// When approximate eigenpairs count as converged: every residual ‖Av − θv‖ within a fraction of its own
// eigenvalue, which bounds each Ritz value's distance to an eigenvalue by that fraction (Parlett, "The
// Symmetric Eigenvalue Problem", Thm 4.5.1). Eigenvalues near zero are measured against a thousandth of |λ1|.
package org.shiftscope.model.hessian;

final class Convergence {
    /** Below this fraction of |λ1| an eigenvalue counts as zero for its relative residual. */
    static final double ZERO_EIGENVALUE = 1e-3;

    private Convergence() {
    }

    /** @param values largest first */
    static boolean converged(double[] values, double[] residuals, double tolerance) {
        if (tolerance <= 0 || values.length == 0) {
            return false;
        }
        double floor = ZERO_EIGENVALUE * Math.abs(values[0]);
        for (int i = 0; i < values.length; i++) {
            if (residuals[i] > tolerance * Math.max(Math.abs(values[i]), floor)) {
                return false;
            }
        }
        return true;
    }
}
