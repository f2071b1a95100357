// One spectral-density computation end to end (SLQ, Ghorbani, Krishnan & Xiao 2019): a float32 copy of the
// weights, the loss over the fixed evaluation set in the requested BN mode (as HessianAnalysis builds it),
// P seeded Rademacher probes advanced in lockstep on exact Hessian-vector products, and the smoothed curve.
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.config.Limits;

import java.util.function.BooleanSupplier;

/** float32 weights suffice for the density's nodes: the smoothing is far wider than float32 rounding. */
public final class DensityAnalysis {
    public static final int DEFAULT_PROBES = 1;
    public static final int DEFAULT_STEPS = 80;
    public static final int DEFAULT_GRID = 400;
    public static final int MAX_PROBES = 1000;
    /** As for the top-k: more would be a basis of over 1000 vectors of the dimension per probe. */
    public static final int MAX_STEPS = HessianAnalysis.MAX_ITERATIONS;
    /** The grid must reach 5σ beyond the extreme nodes with σ at least one spacing (DensitySmoothing). */
    public static final int MIN_GRID = 20;
    public static final int MAX_GRID = 100_000;
    private static final long PROBE_SEED = 0x51_0D5EL;

    /** What to compute: probes, Lanczos steps per probe, grid points of the curve. */
    public record Request(int probes, int steps, int grid) {
        public Request {
            Limits.requireRange("density-probes", probes, 1, MAX_PROBES);
            Limits.requireRange("density-steps", steps, 1, MAX_STEPS);
            Limits.requireRange("density-grid", grid, MIN_GRID, MAX_GRID);
        }

        public static Request defaults() {
            return new Request(DEFAULT_PROBES, DEFAULT_STEPS, DEFAULT_GRID);
        }
    }

    private DensityAnalysis() {
    }

    /** @throws HessianMemory.TooLargeException when {@code request} on this network would not fit in the heap */
    public static void requireFits(Network network, Request request) {
        long parameters = network.parameters().stream().mapToLong(Parameter::size).sum();
        DensityMemory.requireFits(parameters, request.probes(), request.steps());
    }

    /**
     * @param network    the trained network (not modified; a float32 copy is taken)
     * @param mode       BN mode of the loss
     * @param set        the fixed evaluation set, preprocessed as for training
     * @param chunkSize  batch-statistics chunk (the training batch size)
     * @param generation the run generation the weights belong to (so a reader can drop a stale density)
     * @param threads    threads the products may use
     * @param cancelled  polled before every block of Hessian-vector products
     * @throws ExactHessian.CancelledException if cancelled
     */
    public static DensityReport run(Network network, BnMode mode, Examples set, int chunkSize, double weightDecay,
                                    Request request, long step, long generation, int threads, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        requireFits(network, request);
        var loss = new EvaluationSetLoss(network, mode, set, chunkSize, weightDecay, DataType.FLOAT, threads);
        var operator = new ExactHessian(loss, cancelled);
        var estimate = SpectralDensity.estimate(operator, request.probes(), request.steps(), request.grid(), PROBE_SEED);
        return new DensityReport(step, generation, mode, estimate, operator.products(), (System.nanoTime() - start) / 1e9);
    }
}
