// A symmetric linear operator seen only through its action on vectors (EJML/Hipparchus style matrix-free
// operator): what Lanczos needs, and exactly what a Hessian-vector product is.
package org.shiftscope.model.hessian;

public interface SymmetricOperator {
    int dimension();

    /** A·v, a new array; {@code v} is not modified. */
    double[] apply(double[] v);
}
