// What ND4J backend a JVM runs on, read from ND4J's environment properties (keys as in ND4J's
// Nd4jEnvironment: backend, blas.vendor, blas.threads, cuda.devicesInformation with cuda.deviceName,
// cuda.totalMemory, cuda.deviceMajor, cuda.deviceMinor) and the platform, plus whether its GPU is one it can run on.
package org.shiftscope.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * @param gpu         whether the CUDA backend is in use
 * @param description one line for the status bar and --version, ending in the platform ("· linux-x86_64")
 * @param major       compute capability major version of the first GPU, 0 on the CPU
 * @param minor       compute capability minor version of the first GPU
 * @param deviceName  name of the first GPU, or null
 */
public record BackendInfo(boolean gpu, String description, int major, int minor, String deviceName) {
    /** nd4j-cuda-11.6 1.0.0-M2.1 ships SASS for sm_37 … sm_86 and no PTX, so newer GPUs cannot run its kernels. */
    public static final int NEWEST_SUPPORTED_MAJOR = 8;
    public static final int NEWEST_SUPPORTED_MINOR = 6;

    /** @param platform ND4J's name for this OS and processor ({@link HostPlatform#nd4jName()}) */
    public static BackendInfo from(Properties environment, int cpuThreads, String platform) {
        Object devices = environment.get("cuda.devicesInformation");
        boolean cuda = "CUDA".equalsIgnoreCase(String.valueOf(environment.get("backend")))
                || devices instanceof List<?> list && !list.isEmpty();
        if (!cuda) {
            String vendor = String.valueOf(environment.getOrDefault("blas.vendor", "BLAS"));
            vendor = vendor.equalsIgnoreCase("OPENBLAS") ? "OpenBLAS" : vendor;
            return new BackendInfo(false, String.format(Locale.ROOT, "CPU (%s, %d thread%s) · %s", vendor, cpuThreads,
                    cpuThreads == 1 ? "" : "s", platform), 0, 0, null);
        }
        Map<?, ?> first = devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> m ? m : Map.of();
        Object deviceName = first.get("cuda.deviceName");
        String name = deviceName == null ? "unknown GPU" : deviceName.toString();
        long memory = first.get("cuda.totalMemory") instanceof Number n ? n.longValue() : 0;
        int major = first.get("cuda.deviceMajor") instanceof Number n ? n.intValue() : 0;
        int minor = first.get("cuda.deviceMinor") instanceof Number n ? n.intValue() : 0;
        return new BackendInfo(true, String.format(Locale.ROOT, "CUDA: %s, %.1f GB · %s", name, memory / 1e9, platform),
                major, minor, name);
    }

    /** Whether the CUDA kernels of this ND4J build can run on the GPU (always true on the CPU). */
    public boolean supported() {
        return !gpu || major < NEWEST_SUPPORTED_MAJOR
                || (major == NEWEST_SUPPORTED_MAJOR && minor <= NEWEST_SUPPORTED_MINOR);
    }

    /** One sentence for the user when {@link #supported()} is false. */
    public String unsupportedMessage() {
        return String.format(Locale.ROOT, "This GPU (%s, compute capability %d.%d) is newer than ND4J 1.0.0-M2.1's "
                        + "CUDA 11.6 kernels support (3.7 to %d.%d, Pascal to Ampere/Ada), so ShiftScope runs on the CPU.",
                deviceName, major, minor, NEWEST_SUPPORTED_MAJOR, NEWEST_SUPPORTED_MINOR);
    }
}
