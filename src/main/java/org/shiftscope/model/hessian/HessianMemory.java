// Whether a top-k Hessian computation fits in the Java heap, checked before it starts, so that the user gets a
// clear message instead of an OutOfMemoryError part-way through: Lanczos with full reorthogonalisation keeps
// its whole Krylov basis (Golub & Van Loan §10.3.1), one float64 vector of the parameter dimension per iteration.
package org.shiftscope.model.hessian;

public final class HessianMemory {
    /** Vectors alive besides the basis and the eigenvectors: the weights, the product's output and temporaries. */
    private static final int WORK_VECTORS = 4;
    /** Per class: its mean and variance gradients and their two orthonormalised spans (HessianAnalysis). */
    private static final int OVERLAP_VECTORS_PER_CLASS = 5;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private HessianMemory() {
    }

    /** Bytes of the float64 vectors alive at the computation's peak, an upper estimate. */
    public static long estimateBytes(long parameters, int iterations, int topK, int classes) {
        long vectors = (long) iterations + topK + (long) OVERLAP_VECTORS_PER_CLASS * classes + WORK_VECTORS;
        return vectors * parameters * Double.BYTES;
    }

    /** @throws TooLargeException when the estimate exceeds what the heap can still allocate */
    public static void requireFits(long parameters, int iterations, int topK, int classes) {
        var runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long needed = estimateBytes(parameters, iterations, topK, classes);
        if (needed > available) {
            throw new TooLargeException(String.format(
                    "the top-%d Hessian of this network (%,d parameters, %d Lanczos iterations) needs about %.1f GB"
                            + " of memory and %.1f GB is free: use a smaller depth, width, top-k or number of Lanczos"
                            + " iterations, or give Java more memory (-Xmx)", topK, parameters, iterations, needed / GIB, available / GIB));
        }
    }

    /**
     * Float64 arrays of the widest row's size that one pass of Hessian-vector products keeps alive, measured: the
     * 32/64/128-channel convnet's top-4 on 256 examples peaked at 9.7 GB resident, two threads of 128-row
     * passes of 225,792 values (its first stage's patches): 9.7 GB / (2 × 128 × 225,792 × 8 B) ≈ 21.
     */
    static final int PASS_ARRAYS = 21;

    /** Native bytes the passes of {@code threads} threads keep alive, each of {@code passRows} rows. */
    public static long passBytes(long rowValues, int passRows, int threads) {
        return (long) PASS_ARRAYS * threads * passRows * rowValues * Double.BYTES;
    }

    /**
     * @param available native bytes that may still be allocated
     * @throws TooLargeException when the passes' arrays would not fit: a convnet's passes are whole batches of
     *                           images and their patches
     */
    public static void requirePassesFit(long rowValues, int passRows, int threads, long available) {
        long needed = passBytes(rowValues, passRows, threads);
        if (needed > available) {
            throw new TooLargeException(String.format("the Hessian-vector products of this network need about %.1f GB of"
                    + " native memory (%d thread(s), passes of %d examples) and %.1f GB is free: use a smaller batch or"
                    + " ghost batch (BatchNorm's statistics groups are never split), fewer channels, or give Java more"
                    + " memory (-Xmx)", needed / GIB, threads, passRows, available / GIB));
        }
    }

    /** A Hessian computation refused because it would not fit in memory. */
    public static final class TooLargeException extends IllegalStateException {
        TooLargeException(String message) {
            super(message);
        }
    }
}
