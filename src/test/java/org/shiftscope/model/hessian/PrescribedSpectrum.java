// Test operators with a known spectrum: A = U·diag(λ)·Uᵀ with U a seeded random orthogonal basis (QR of a
// Gaussian matrix), so eigenvalues and eigenvectors are known exactly.
package org.shiftscope.model.hessian;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.RandomMatrices_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

import java.util.Random;

final class PrescribedSpectrum implements SymmetricOperator {
    final DMatrixRMaj basis;     // (n, n) orthogonal, columns are eigenvectors
    final double[] spectrum;
    private final DMatrixRMaj matrix;

    PrescribedSpectrum(double[] spectrum, long seed) {
        int n = spectrum.length;
        this.spectrum = spectrum.clone();
        var gaussian = RandomMatrices_DDRM.rectangleGaussian(n, n, 0, 1, new Random(seed));
        var qr = DecompositionFactory_DDRM.qr(n, n);
        qr.decompose(gaussian);
        basis = qr.getQ(null, false);
        var scaled = basis.copy();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                scaled.set(i, j, scaled.get(i, j) * spectrum[j]);
            }
        }
        matrix = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(scaled, basis, matrix);
    }

    @Override
    public int dimension() {
        return spectrum.length;
    }

    @Override
    public double[] apply(double[] v) {
        var out = new DMatrixRMaj(v.length, 1);
        CommonOps_DDRM.mult(matrix, DMatrixRMaj.wrap(v.length, 1, v.clone()), out);
        return out.getData();
    }

    double[] eigenvector(int j) {
        var v = new double[spectrum.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = basis.get(i, j);
        }
        return v;
    }
}
