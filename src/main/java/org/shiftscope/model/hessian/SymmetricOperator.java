// A symmetric linear operator seen only through its action on vectors (EJML/Hipparchus style matrix-free
// operator): what the eigensolvers need, and exactly what a Hessian-vector product is.
package org.shiftscope.model.hessian;

public interface SymmetricOperator {
    int dimension();

    /** A·v, a new array; {@code v} is not modified. */
    double[] apply(double[] v);

    /**
     * A·v_i for every vector of a block, new arrays; the vectors are not modified. Operators that share work
     * across a block (the Hessian: one forward and backward pass for all of them) override this.
     */
    default double[][] apply(double[][] block) {
        var out = new double[block.length][];
        for (int i = 0; i < block.length; i++) {
            out[i] = apply(block[i]);
        }
        return out;
    }
}
