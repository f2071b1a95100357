// Which ND4J backend this JVM runs on, in words a user can read ("CPU (OpenBLAS, 1 thread) · linux-x86_64",
// "CUDA: <device>, <memory> · linux-x86_64"), and the one-sentence explanation when no backend can start.
package org.shiftscope.model;

import org.nd4j.linalg.factory.Nd4j;

public final class Backend {
    /** Shown when ND4J cannot load any backend (e.g. the CUDA build without a CUDA 11.x runtime). */
    public static final String NO_BACKEND_HELP = "For the GPU build install the NVIDIA driver and the CUDA 11.6 runtime "
            + "(libcublas.so.11 and libcusolver.so.11 on Linux, cublas64_11.dll and cusolver64_11.dll on Windows); "
            + "otherwise use the CPU build (mvn package without -Pcuda).";

    private Backend() {
    }

    public static BackendInfo info() {
        NativeRuntime.configure();
        return BackendInfo.from(Nd4j.getExecutioner().getEnvironmentInformation(), Nd4j.factory().blas().getMaxThreads(),
                HostPlatform.current().nd4jName());
    }

    public static String describe() {
        return info().description();
    }
}
