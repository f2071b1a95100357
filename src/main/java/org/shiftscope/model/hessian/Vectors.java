// The few dense-vector operations Lanczos and the overlap need, on plain double arrays.
package org.shiftscope.model.hessian;

final class Vectors {
    private Vectors() {
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
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
}
