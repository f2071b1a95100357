// An operator restricted to the orthogonal complement of a subspace, (I − P)·A·(I − P): its largest eigenvalue is
// Page's "λ1 with the covariate-shift span projected out" ("How to train your ResNet 7").
package org.shiftscope.model.hessian;

/** On the span itself it is zero, so its top eigenvalues are A's curvature in directions outside the span. */
public final class ComplementOperator implements SymmetricOperator {
    private final SymmetricOperator operator;
    private final SubspaceOverlap span;

    public ComplementOperator(SymmetricOperator operator, SubspaceOverlap span) {
        this.operator = operator;
        this.span = span;
    }

    @Override
    public int dimension() {
        return operator.dimension();
    }

    @Override
    public double[] apply(double[] v) {
        return apply(new double[][]{v})[0];
    }

    @Override
    public double[][] apply(double[][] block) {
        var inside = new double[block.length][];
        for (int i = 0; i < block.length; i++) {
            inside[i] = span.complement(block[i]);
        }
        double[][] products = operator.apply(inside);
        for (int i = 0; i < products.length; i++) {
            products[i] = span.complement(products[i]);
        }
        return products;
    }
}
