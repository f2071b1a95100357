// One top-k Hessian computation end to end: a float64 copy of the weights, the loss over the fixed
// evaluation set in the requested BN mode, Lanczos on exact (R-operator) Hessian-vector products, and the
// covariate-shift overlaps of the eigenvectors (SCIENCE.md steps 4–5).
package org.shiftscope.model.hessian;

import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.train.OptimizerSettings;

import java.util.function.BooleanSupplier;

public final class HessianAnalysis {
    public static final int DEFAULT_TOP_K = 10;
    public static final int MAX_TOP_K = 30;
    public static final int DEFAULT_SAMPLES = 1024;
    /** More Lanczos iterations than this are refused: the basis alone would be 1000 vectors of the dimension. */
    public static final int MAX_ITERATIONS = 1000;
    /** Lanczos iterations per wanted eigenvalue (SCIENCE.md: about 2k–4k in all). */
    public static final int ITERATIONS_PER_EIGENVALUE = 4;
    /** Early stop when every residual is below this fraction of λ1. */
    public static final double TOLERANCE = 1e-4;
    private static final long START_VECTOR_SEED = 0x1A_2C05L;

    /** What to compute. @param iterations Lanczos iterations; 0 = {@link #ITERATIONS_PER_EIGENVALUE}·k */
    public record Request(int topK, int iterations, double tolerance) {
        public Request {
            if (topK < 1 || topK > MAX_TOP_K) {
                throw new IllegalArgumentException("top-k must be between 1 and " + MAX_TOP_K + " (got " + topK + ")");
            }
            if (iterations < 0 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("lanczos-iters must be between 0 and " + MAX_ITERATIONS
                        + " (got " + iterations + ")");
            }
        }

        public int lanczosIterations() {
            return iterations == 0 ? ITERATIONS_PER_EIGENVALUE * topK : Math.max(iterations, topK);
        }

        public static Request defaults() {
            return new Request(DEFAULT_TOP_K, 0, TOLERANCE);
        }
    }

    private HessianAnalysis() {
    }

    /** @throws HessianMemory.TooLargeException when {@code request} on this network would not fit in the heap */
    public static void requireFits(Network network, Request request) {
        long parameters = network.parameters().stream().mapToLong(Parameter::size).sum();
        HessianMemory.requireFits(parameters, request.lanczosIterations(), request.topK(), network.spec().classes());
    }

    /**
     * @param network   the trained network (not modified; a float64 copy is taken)
     * @param mode      BN mode of the loss
     * @param set       the fixed evaluation set, preprocessed as for training
     * @param chunkSize batch-statistics chunk (the training batch size)
     * @param cancelled polled before every Hessian-vector product
     * @throws ExactHessian.CancelledException if cancelled
     */
    public static HessianReport run(Network network, BnMode mode, Examples set, int chunkSize,
                                    OptimizerSettings settings, Request request, long step, long generation,
                                    BooleanSupplier cancelled) {
        long start = System.nanoTime();
        int classes = network.spec().classes();
        requireFits(network, request);
        var loss = new LossFunction(network, mode, set, chunkSize, settings.weightDecay());
        var operator = new ExactHessian(loss, cancelled);
        int k = Math.min(request.topK(), operator.dimension());
        var eigen = Lanczos.largest(operator, k, request.lanczosIterations(), request.tolerance(),
                Lanczos.randomStart(operator.dimension(), 1, START_VECTOR_SEED));

        double[] w = loss.initialParameters();
        double[][] meanGradients = loss.logitStatisticGradients(w, false);
        double[][] varianceGradients = loss.logitStatisticGradients(w, true);
        var meansSpan = new SubspaceOverlap(meanGradients);
        var both = new double[meanGradients.length + varianceGradients.length][];
        System.arraycopy(meanGradients, 0, both, 0, meanGradients.length);
        System.arraycopy(varianceGradients, 0, both, meanGradients.length, varianceGradients.length);
        var meansAndVariancesSpan = new SubspaceOverlap(both);
        int found = eigen.eigenvalues().length;  // fewer than k when Lanczos finds an invariant subspace early
        var meanOverlap = new double[found];
        var bothOverlap = new double[found];
        for (int i = 0; i < found; i++) {
            meanOverlap[i] = meansSpan.fraction(eigen.eigenvectors()[i]);
            bothOverlap[i] = meansAndVariancesSpan.fraction(eigen.eigenvectors()[i]);
        }
        return new HessianReport(step, generation, mode, settings, eigen.eigenvalues(), eigen.residuals(),
                meanOverlap, bothOverlap, eigen.iterations(), eigen.converged(), set.count(), classes, (System.nanoTime() - start) / 1e9);
    }
}
