// The few dense-vector operations the eigensolvers and the overlaps need, on plain double arrays. Dot products
// keep four partial sums: one running sum waits on every addition's latency (about four cycles), which made
// reorthogonalisation against a Lanczos basis of a few hundred thousand parameters cost more than a product.
package org.shiftscope.model.hessian;

import java.util.List;

final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        int n = a.length;
        int blocked = n & ~3;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int i = 0; i < blocked; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (int i = blocked; i < n; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y += alpha·x */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /** Removes from {@code v} its components along the orthonormal {@code basis} vectors (twice, for stability). */
    static void orthogonalize(double[] v, Iterable<double[]> basis) {
        for (int pass = 0; pass < 2; pass++) {
            for (double[] q : basis) {
                axpy(-dot(v, q), q, v);
            }
        }
    }

    /**
     * Classical Gram–Schmidt applied twice ("twice is enough", Giraud, Langou & Rozložník 2005) against the
     * orthonormal {@code basis}: returns the first pass's coefficients qᵢ·v, which for v = A·q_j are the column
     * of the projection QᵀAQ, and leaves v orthogonal to the basis.
     */
    static double[] orthogonalizeReturningCoefficients(double[] v, List<double[]> basis) {
        var first = new double[basis.size()];
        for (int pass = 0; pass < 2; pass++) {
            var coefficients = new double[basis.size()];
            for (int i = 0; i < coefficients.length; i++) {
                coefficients[i] = dot(basis.get(i), v);
            }
            for (int i = 0; i < coefficients.length; i++) {
                axpy(-coefficients[i], basis.get(i), v);
            }
            if (pass == 0) {
                first = coefficients;
            }
        }
        return first;
    }
}
