// Which ND4J backend this JVM runs on, in words a user can read ("CPU (OpenBLAS, 2 threads)").
package org.shiftscope.model;

import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

public final class Backend {
    private Backend() {
    }

    public static String describe() {
        NativeRuntime.configure();
        var blas = Nd4j.factory().blas();
        String backend = Nd4j.getBackend().getClass().getSimpleName();
        if (Nd4j.getEnvironment().isCPU()) {
            String vendor = blas.getBlasVendor().name();
            vendor = vendor.charAt(0) + vendor.substring(1).toLowerCase(Locale.ROOT);
            int threads = blas.getMaxThreads();
            return String.format("CPU (%s, %d thread%s)", vendor.equals("Openblas") ? "OpenBLAS" : vendor, threads, threads == 1 ? "" : "s");
        }
        return "GPU (" + backend + ")";
    }
}
