// The host platform from system properties: the OS family, ND4J's platform name for each of the five targets,
// and glibc looked for on Linux only (JNA is never touched elsewhere).
package org.shiftscope.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class HostPlatformTest {
    private static boolean neverAsked() {
        fail("glibc (and so JNA) must not be looked for off Linux");
        return false;
    }

    @Test
    void namesEachTargetAsNd4jDoes() {
        assertEquals("linux-x86_64", HostPlatform.detect("Linux", "amd64", () -> true).nd4jName());
        assertEquals("linux-arm64", HostPlatform.detect("Linux", "aarch64", () -> true).nd4jName());
        assertEquals("windows-x86_64", HostPlatform.detect("Windows 11", "amd64", HostPlatformTest::neverAsked).nd4jName());
        assertEquals("macosx-x86_64", HostPlatform.detect("Mac OS X", "x86_64", HostPlatformTest::neverAsked).nd4jName());
        assertEquals("macosx-arm64", HostPlatform.detect("Mac OS X", "aarch64", HostPlatformTest::neverAsked).nd4jName());
    }

    @Test
    void glibcOnlyOnLinuxWhereTheProbeFindsIt() {
        var glibc = HostPlatform.detect("Linux", "amd64", () -> true);
        assertTrue(glibc.isLinux() && glibc.glibc());
        assertFalse(HostPlatform.detect("Linux", "amd64", () -> false).glibc(), "musl");
        var mac = HostPlatform.detect("Mac OS X", "aarch64", HostPlatformTest::neverAsked);
        assertTrue(mac.isMac());
        assertFalse(mac.glibc());
        var windows = HostPlatform.detect("Windows 10", "amd64", HostPlatformTest::neverAsked);
        assertTrue(windows.isWindows());
        assertFalse(windows.glibc());
    }

    @Test
    void thisMachineIsLinuxWithGlibc() {
        var here = HostPlatform.current();
        assertTrue(here.isLinux() && here.glibc(), here.toString());
        assertTrue(here.nd4jName().startsWith("linux-"), here.nd4jName());
    }
}
