// Thread settings for ND4J's native code, applied once before the first array operation. ND4J's OpenMP
// pool and OpenBLAS's pool spin-wait against each other on a 2-core machine (measured stalls of 4–12 ms per
// op pair); bounding the pools is worth more than the second core for these small matrices (issue note).
package org.shiftscope.model;

import org.nd4j.linalg.factory.Nd4j;

public final class NativeRuntime {
    /** System property: OpenMP threads of ND4J's element-wise ops (default 1). */
    public static final String OMP_THREADS = "shiftscope.ompThreads";
    /** System property: OpenBLAS threads for matrix products (default 1). */
    public static final String BLAS_THREADS = "shiftscope.blasThreads";

    private static boolean configured;

    private NativeRuntime() {
    }

    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        if (!Nd4j.getEnvironment().isCPU()) {
            return;                         // the pools below are the CPU backend's; CUDA schedules its own work
        }
        int omp = Integer.getInteger(OMP_THREADS, 1);
        int blas = Integer.getInteger(BLAS_THREADS, 1);
        Nd4j.getEnvironment().setMaxMasterThreads(omp);
        Nd4j.getEnvironment().setMaxThreads(omp);
        Nd4j.factory().blas().setMaxThreads(blas);
    }
}
