// How often and how thoroughly a run measures the top of the Hessian spectrum.
package org.shiftscope.model.config;

/**
 * @param every      steps between Hessian computations; 0 = never during training
 * @param topK       eigenvalues wanted (1–30)
 * @param samples    size of the fixed evaluation set drawn from the training split at the start of the run
 * @param iterations Lanczos iterations; 0 = 4·topK
 */
public record HessianSettings(int every, int topK, int samples, int iterations) {
    public static final int MAX_SAMPLES = 20_000;

    public HessianSettings {
        Limits.requireRange("hessian-every", every, 0, Integer.MAX_VALUE);
        Limits.requireRange("top-k", topK, 1, Limits.MAX_TOP_K);
        Limits.requireRange("hessian-samples", samples, 1, MAX_SAMPLES);
        Limits.requireRange("lanczos-iters", iterations, 0, Limits.MAX_LANCZOS_ITERATIONS);
    }

    public static HessianSettings defaults() {
        return new HessianSettings(0, 10, 1024, 0);
    }

    /**
     * The window's refresh: due every 25 steps on 512 examples (half the CLI default). A due report still waits
     * for the Hessian's turn (the trainer's Hessian time share), so reports come as often as the speed
     * allows and at most every 25 steps.
     */
    public static HessianSettings classroom() {
        return new HessianSettings(25, 10, 512, 0);
    }
}
