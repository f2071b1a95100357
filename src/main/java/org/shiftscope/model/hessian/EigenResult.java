// The outcome of a top-k eigenvalue computation, with the evidence a careful reader needs to trust it.
package org.shiftscope.model.hessian;

/**
 * @param eigenvalues  the k largest Ritz values, largest first
 * @param eigenvectors the matching unit Ritz vectors, [k][dimension]
 * @param residuals    ‖A·v − λ·v‖ of each Ritz pair (Lanczos estimate |β_m·s_mi|, exact in exact arithmetic
 *                     with full reorthogonalisation)
 * @param iterations   Lanczos iterations (operator applications) used
 * @param converged    whether every residual fell below tolerance·max(|λ1|, 1e-12)
 */
public record EigenResult(double[] eigenvalues, double[][] eigenvectors, double[] residuals, int iterations,
                          boolean converged) {
}
