// The Gauss quadrature rule one Lanczos run gives for the spectral measure seen from its start vector v:
// vᵀf(A)v ≈ Σ_j τ_j·f(θ_j), with θ_j the eigenvalues of the tridiagonal T_m and τ_j the squared first
// components of its unit eigenvectors (Golub & Meurant 1994; Lin, Saad & Yang 2016, §3.2).
package org.shiftscope.model.hessian;

/**
 * @param nodes   θ_j, ascending, one per Lanczos step taken (fewer than asked after a breakdown)
 * @param weights τ_j ≥ 0, summing to 1 (the start vector is a unit vector)
 */
public record GaussQuadrature(double[] nodes, double[] weights) {
    public int size() {
        return nodes.length;
    }
}
