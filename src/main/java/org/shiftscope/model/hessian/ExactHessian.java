// Exact Hessian-vector products of the mean loss over the evaluation set by the R-operator
// (Pearlmutter 1994), the same quantity double backprop gives in PyTorch: ReLU's second derivative is 0.
// Costs about two gradient evaluations per product.
package org.shiftscope.model.hessian;

import java.util.function.BooleanSupplier;

public final class ExactHessian implements SymmetricOperator {
    private final LossFunction loss;
    private final BooleanSupplier cancelled;
    private final int dimension;

    public ExactHessian(LossFunction loss, BooleanSupplier cancelled) {
        this.loss = loss;
        this.cancelled = cancelled;
        this.dimension = loss.dimension();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** @throws CancelledException if the computation was cancelled before this product */
    @Override
    public double[] apply(double[] v) {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException();
        }
        return loss.hessianVector(v);
    }

    /** Thrown out of apply when the computation has been cancelled (settings changed, reset, shutdown). */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("Hessian computation cancelled", null, false, false);
        }
    }
}
