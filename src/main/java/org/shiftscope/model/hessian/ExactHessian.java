// Exact Hessian-vector products of the mean loss over the evaluation set by the R-operator
// (Pearlmutter 1994), the same quantity double backprop gives in PyTorch: ReLU's second derivative is 0.
// A block of b products shares one forward and backward pass and costs about 0.75·b single products.
package org.shiftscope.model.hessian;

import java.util.function.BooleanSupplier;

public final class ExactHessian implements SymmetricOperator {
    private final EvaluationSetLoss loss;
    private final BooleanSupplier cancelled;
    private final int dimension;
    private long products;

    public ExactHessian(EvaluationSetLoss loss, BooleanSupplier cancelled) {
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
        return apply(new double[][]{v})[0];
    }

    /** @throws CancelledException if the computation was cancelled before this block */
    @Override
    public double[][] apply(double[][] block) {
        if (cancelled.getAsBoolean()) {
            throw new CancelledException();
        }
        products += block.length;
        return loss.hessianVectors(block);
    }

    /** Hessian-vector products computed so far (a block of b counts b). */
    public long products() {
        return products;
    }

    /** Thrown out of apply when the computation has been cancelled (settings changed, reset, shutdown). */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("Hessian computation cancelled", null, false, false);
        }
    }
}
