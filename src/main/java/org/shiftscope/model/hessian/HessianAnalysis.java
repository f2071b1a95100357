// One top-k Hessian computation end to end: the loss over the fixed evaluation set in the requested BN mode;
// Lanczos on exact (R-operator) Hessian-vector products, one float64 Rayleigh–Ritz step, the covariate-shift
// overlaps of the eigenvectors (Page) and the gradient's share in their span (Ghorbani, Krishnan & Xiao 2019, §4).
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.LiveSettings;

import java.util.function.BooleanSupplier;

/**
 * Lanczos runs on float32 products by default; the Rayleigh–Ritz step on float64 products moves the eigenvalues
 * to the float64 Hessian's and certifies them with exact float64 residuals. The gradient's share is
 * ‖P_k g‖²/‖g‖². With batch statistics (BN on) the products are float64 throughout: float32 rounding of the
 * pre-BN values of nearly constant units, which BN then divides by their tiny spread, moves the products by more
 * than the report's tolerance.
 */
public final class HessianAnalysis {
    public static final int DEFAULT_TOP_K = 10;
    public static final int MAX_TOP_K = Limits.MAX_TOP_K;
    public static final int DEFAULT_SAMPLES = 1024;
    public static final int MAX_ITERATIONS = Limits.MAX_LANCZOS_ITERATIONS;
    /** Lanczos products per wanted eigenvalue at most, by default. */
    public static final int ITERATIONS_PER_EIGENVALUE = 8;
    /**
     * Early stop once every residual is below this fraction of its eigenvalue: each eigenvalue is then within
     * that fraction of the Hessian's (Convergence), and in practice far closer (the error goes as the square).
     */
    public static final double TOLERANCE = 1e-3;
    private static final long START_VECTOR_SEED = 0x1A_2C05L;

    /**
     * What to compute, and how.
     * @param iterations Lanczos products at most; 0 = {@link #ITERATIONS_PER_EIGENVALUE}·k
     * @param precision  data type of the Lanczos products (float32 or float64; float64 with batch statistics
     *                   whatever this says); the final Rayleigh–Ritz step is always float64
     * @param threads    threads the products may use
     */
    public record Request(int topK, int iterations, double tolerance, DataType precision, int threads) {
        public Request {
            if (topK < 1 || topK > MAX_TOP_K) {
                throw new IllegalArgumentException("top-k must be between 1 and " + MAX_TOP_K + " (got " + topK + ")");
            }
            if (iterations < 0 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("lanczos-iters must be between 0 and " + MAX_ITERATIONS
                        + " (got " + iterations + ")");
            }
            if (precision != DataType.FLOAT && precision != DataType.DOUBLE) {
                throw new IllegalArgumentException("Hessian products are float32 or float64 (got " + precision + ")");
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1 (got " + threads + ")");
            }
        }

        /** float32 Lanczos products on every core, the defaults of the CLI. */
        public Request(int topK, int iterations, double tolerance) {
            this(topK, iterations, tolerance, DataType.FLOAT, HessianWorkers.MAX_THREADS);
        }

        public int lanczosIterations() {
            return iterations == 0 ? ITERATIONS_PER_EIGENVALUE * topK : Math.max(iterations, topK);
        }

        /** The request a run's Hessian settings make. */
        public static Request of(HessianSettings settings) {
            return new Request(settings.topK(), settings.iterations(), TOLERANCE);
        }

        public static Request defaults() {
            return new Request(DEFAULT_TOP_K, 0, TOLERANCE);
        }
    }

    private HessianAnalysis() {
    }

    /** Threads a computation may use on this machine (its cores). */
    public static int availableThreads() {
        return HessianWorkers.MAX_THREADS;
    }

    /**
     * As below, and the native memory of the passes over {@code set} in BN mode {@code mode} with statistics
     * groups of {@code chunkSize}.
     * @throws HessianMemory.TooLargeException when it would not fit
     */
    public static void requireFits(Network network, Request request, BnMode mode, Examples set, int chunkSize) {
        requireFits(network, request);
        EvaluationSetLoss.requirePassesFit(network.spec(), mode, set.count(), chunkSize, request.threads());
    }

    /** @throws HessianMemory.TooLargeException when {@code request} on this network would not fit in the heap */
    public static void requireFits(Network network, Request request) {
        long parameters = network.parameters().stream().mapToLong(Parameter::size).sum();
        HessianMemory.requireFits(parameters, request.lanczosIterations(), request.topK(), network.spec().classes());
    }

    /**
     * @param network   the trained network (not modified; copies are taken)
     * @param mode      BN mode of the loss
     * @param set       the fixed evaluation set, preprocessed as for training
     * @param chunkSize batch-statistics chunk (the training batch size)
     * @param cancelled polled before every block of Hessian-vector products
     * @throws ExactHessian.CancelledException if cancelled
     */
    public static HessianReport run(Network network, BnMode mode, Examples set, int chunkSize,
                                    LiveSettings settings, Request request, long step, long generation,
                                    BooleanSupplier cancelled) {
        long start = System.nanoTime();
        int classes = network.spec().classes();
        var fast = new EvaluationSetLoss(network, mode, set, chunkSize, settings.weightDecay(), lanczosPrecision(request, mode),
                request.threads());
        var refined = topK(network, mode, set, chunkSize, settings.weightDecay(), request, fast, cancelled);

        double[] w = fast.initialParameters();
        double[][] meanGradients = fast.logitStatisticGradients(w, LogitStatistic.MEAN);
        double[][] varianceGradients = fast.logitStatisticGradients(w, LogitStatistic.VARIANCE);
        var meansSpan = SubspaceOverlap.consuming(meanGradients);
        var meansAndVariancesSpan = meansSpan.extendedConsuming(varianceGradients);
        double[] gradient = fast.gradient(w);
        double gradientSquared = Vectors.dot(gradient, gradient);
        int found = refined.eigenvalues().length;  // fewer than k when Lanczos finds an invariant subspace early
        var meanOverlap = new double[found];
        var bothOverlap = new double[found];
        var gradientShares = new double[found];
        for (int i = 0; i < found; i++) {
            double[] v = refined.eigenvectors()[i];
            meanOverlap[i] = meansSpan.fraction(v);
            bothOverlap[i] = meansAndVariancesSpan.fraction(v);
            double along = Vectors.dot(gradient, v);
            gradientShares[i] = gradientSquared > 0 ? along * along / gradientSquared : 0;
        }
        return new HessianReport(step, generation, mode, settings, refined.eigenvalues(), refined.residuals(),
                meanOverlap, bothOverlap, gradientShares, refined.iterations(), refined.converged(),
                set.count(), classes, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The top-k eigenpairs alone, as every report computes them: Lanczos on the request's products, then (after
     * float32 products) the float64 Rayleigh–Ritz step. Iterations count the products of both.
     */
    public static EigenResult topK(Network network, BnMode mode, Examples set, int chunkSize, double weightDecay,
                                   Request request, BooleanSupplier cancelled) {
        var fast = new EvaluationSetLoss(network, mode, set, chunkSize, weightDecay, lanczosPrecision(request, mode),
                request.threads());
        return topK(network, mode, set, chunkSize, weightDecay, request, fast, cancelled);
    }

    /** The data type of the Lanczos products for this BN mode (see the header). */
    static DataType lanczosPrecision(Request request, BnMode mode) {
        return mode == BnMode.ON ? DataType.DOUBLE : request.precision();
    }

    private static EigenResult topK(Network network, BnMode mode, Examples set, int chunkSize, double weightDecay,
                                    Request request, EvaluationSetLoss fast, BooleanSupplier cancelled) {
        requireFits(network, request);
        var fastOperator = new ExactHessian(fast, cancelled);
        int k = Math.min(request.topK(), fastOperator.dimension());
        var eigen = Lanczos.largest(fastOperator, k, request.lanczosIterations(), request.tolerance(),
                Lanczos.randomStart(fastOperator.dimension(), 1, START_VECTOR_SEED));
        if (lanczosPrecision(request, mode) == DataType.DOUBLE) {
            return eigen;                                  // its residuals are the float64 Hessian's already
        }
        var exact = new EvaluationSetLoss(network, mode, set, chunkSize, weightDecay, DataType.DOUBLE, request.threads());
        var refined = RayleighRitz.refine(new ExactHessian(exact, cancelled), eigen.eigenvectors(), request.tolerance());
        return new EigenResult(refined.eigenvalues(), refined.eigenvectors(), refined.residuals(),
                eigen.iterations() + refined.iterations(), refined.converged());
    }
}
