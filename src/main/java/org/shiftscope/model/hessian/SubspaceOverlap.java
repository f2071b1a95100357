// How much of a unit vector lies in the span of a few given vectors: ‖P·v‖² with P the orthogonal projector
// onto the span (Page's covariate-shift overlap of Hessian eigenvectors with the gradients of output statistics).
package org.shiftscope.model.hessian;

import java.util.ArrayList;
import java.util.List;

public final class SubspaceOverlap {
    /** A spanning vector whose remainder after orthogonalisation is this small (relative) adds no direction. */
    private static final double DEPENDENT = 1e-10;

    private final List<double[]> orthonormalBasis = new ArrayList<>();

    public SubspaceOverlap(double[][] spanning) {
        for (double[] vector : spanning) {
            double[] q = vector.clone();
            double before = Vectors.norm(q);
            Vectors.orthogonalize(q, orthonormalBasis);
            double after = Vectors.norm(q);
            if (before > 0 && after > DEPENDENT * before) {
                Vectors.scale(1 / after, q);
                orthonormalBasis.add(q);
            }
        }
    }

    /** Fraction in [0, 1] of the unit vector {@code v} lying in the span. */
    public double fraction(double[] v) {
        double sum = 0;
        for (double[] q : orthonormalBasis) {
            double c = Vectors.dot(q, v);
            sum += c * c;
        }
        return Math.min(1.0, sum / Vectors.dot(v, v));
    }

    public int rank() {
        return orthonormalBasis.size();
    }
}
