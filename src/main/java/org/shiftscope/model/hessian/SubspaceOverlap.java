// How much of a unit vector lies in the span of a few given vectors: ‖P·v‖² with P the orthogonal projector
// onto the span (Page's covariate-shift overlap of Hessian eigenvectors with the gradients of output statistics).
package org.shiftscope.model.hessian;

import java.util.ArrayList;
import java.util.List;

public final class SubspaceOverlap {
    /** A spanning vector whose remainder after orthogonalisation is this small (relative) adds no direction. */
    private static final double DEPENDENT = 1e-10;

    private final List<double[]> orthonormalBasis;

    private SubspaceOverlap(List<double[]> basis, double[][] owned) {
        this.orthonormalBasis = basis;
        for (double[] q : owned) {
            double before = Vectors.norm(q);
            Vectors.orthogonalize(q, orthonormalBasis);
            double after = Vectors.norm(q);
            if (before > 0 && after > DEPENDENT * before) {
                Vectors.scale(1 / after, q);
                orthonormalBasis.add(q);
            }
        }
    }

    /**
     * The span of {@code spanning}, orthonormalised in place: the arrays become this overlap's basis (or are
     * left orthogonalised when they add no direction), so parameter-sized vectors are not copied.
     */
    public static SubspaceOverlap consuming(double[][] spanning) {
        return new SubspaceOverlap(new ArrayList<>(), spanning);
    }

    /** The span of this one's vectors and {@code more}, which are consumed as by {@link #consuming}. */
    public SubspaceOverlap extendedConsuming(double[][] more) {
        return new SubspaceOverlap(new ArrayList<>(orthonormalBasis), more);
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

    /** v − P·v: {@code v} with its part in the span removed, a new array. */
    public double[] complement(double[] v) {
        double[] out = v.clone();
        Vectors.orthogonalize(out, orthonormalBasis);
        return out;
    }

    public int rank() {
        return orthonormalBasis.size();
    }
}
