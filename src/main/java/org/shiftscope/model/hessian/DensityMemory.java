// Whether a spectral-density computation fits in the Java heap, checked before it starts: each of the P probes
// keeps its whole Lanczos basis for full reorthogonalisation (Ghorbani, Krishnan & Xiao 2019, Appendix), so
// P·m float64 vectors of the parameter dimension; refusing up front beats an OutOfMemoryError part-way.
package org.shiftscope.model.hessian;

public final class DensityMemory {
    /** Vectors per probe besides its basis: the probe itself and its product. */
    private static final int VECTORS_PER_PROBE = 2;
    /** Vectors alive besides the probes': the weights and the products' temporaries. */
    private static final int WORK_VECTORS = 4;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private DensityMemory() {
    }

    /** Bytes of the float64 vectors alive at the computation's peak, an upper estimate. */
    public static long estimateBytes(long parameters, int probes, int steps) {
        long vectors = (long) probes * (steps + VECTORS_PER_PROBE) + WORK_VECTORS;
        return vectors * parameters * Double.BYTES;
    }

    /** @throws HessianMemory.TooLargeException when the estimate exceeds what the heap can still allocate */
    public static void requireFits(long parameters, int probes, int steps) {
        var runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long needed = estimateBytes(parameters, probes, steps);
        if (needed > available) {
            throw new HessianMemory.TooLargeException(String.format(
                    "the spectral density of this network (%,d parameters, %d probes × %d Lanczos steps) needs about"
                            + " %.1f GB of memory and %.1f GB is free: use fewer probes or steps, a smaller network,"
                            + " or give Java more memory (-Xmx)", parameters, probes, steps, needed / GIB, available / GIB));
        }
    }
}
