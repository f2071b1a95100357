// Backend reporting and the start-up guard, with ND4J's environment simulated (no GPU can be had here).
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.Backend;
import org.shiftscope.model.BackendInfo;
import org.shiftscope.model.HostPlatform;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendGuardTest {
    static Properties cuda(String name, long memory, int major, int minor) {
        var p = new Properties();
        p.put("backend", "CUDA");
        p.put("cuda.devicesInformation", List.of(Map.of("cuda.deviceName", name, "cuda.totalMemory", memory,
                "cuda.deviceMajor", major, "cuda.deviceMinor", minor)));
        return p;
    }

    @Test
    void describesTheCpuAndGpuBackends() {
        var cpu = new Properties();
        cpu.put("backend", "CPU");
        cpu.put("blas.vendor", "OPENBLAS");
        assertEquals("CPU (OpenBLAS, 1 thread) · linux-x86_64", BackendInfo.from(cpu, 1, "linux-x86_64").description());
        assertEquals("CPU (OpenBLAS, 2 threads) · macosx-arm64", BackendInfo.from(cpu, 2, "macosx-arm64").description());
        var a100 = BackendInfo.from(cuda("NVIDIA A100-SXM4-40GB", 42_500_000_000L, 8, 0), 1, "windows-x86_64");
        assertEquals("CUDA: NVIDIA A100-SXM4-40GB, 42.5 GB · windows-x86_64", a100.description());
        assertTrue(a100.supported());
        assertTrue(BackendInfo.from(cuda("RTX 4090", 24_000_000_000L, 8, 9), 1, "linux-x86_64").gpu());
    }

    @Test
    void theRealBackendHereIsTheCpu() {
        var info = Backend.info();
        assertFalse(info.gpu());
        assertTrue(info.description().startsWith("CPU (OpenBLAS, "), info.description());
        assertTrue(info.description().endsWith(" · " + HostPlatform.current().nd4jName()), info.description());
        assertEquals(BackendGuard.Verdict.USABLE, BackendGuard.check(Backend::info).verdict());
    }

    @Test
    void aGpuNewerThanTheKernelsIsNamedInOneSentence() {
        var h100 = BackendInfo.from(cuda("NVIDIA H100 80GB HBM3", 85_000_000_000L, 9, 0), 1, "linux-x86_64");
        assertFalse(h100.supported());
        var outcome = BackendGuard.check(() -> h100);
        assertEquals(BackendGuard.Verdict.UNSUPPORTED_GPU, outcome.verdict());
        assertTrue(outcome.message().contains("NVIDIA H100 80GB HBM3") && outcome.message().contains("9.0")
                && outcome.message().contains("runs on the CPU"), outcome.message());
        assertEquals(1, outcome.message().lines().count());
    }

    @Test
    void noBackendAtAllGivesTheInstallSentence() {
        var outcome = BackendGuard.check(() -> {
            throw new RuntimeException("ND4J is probably missing dependencies",
                    new UnsatisfiedLinkError("libcublas.so.11: cannot open shared object file"));
        });
        assertEquals(BackendGuard.Verdict.NO_BACKEND, outcome.verdict());
        assertTrue(outcome.message().contains("libcublas.so.11: cannot open shared object file"), outcome.message());
        assertTrue(outcome.message().contains("CUDA 11.6 runtime"), outcome.message());
        assertEquals(1, outcome.message().lines().count());
    }
}
