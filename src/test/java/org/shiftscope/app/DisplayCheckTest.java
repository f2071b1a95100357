// Whether the window may open, per system: Windows and macOS always have a desktop (they set no DISPLAY), Linux
// needs DISPLAY or WAYLAND_DISPLAY, and Monocle (headless tests and renders) needs neither.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.HostPlatform;
import org.shiftscope.model.HostPlatform.Family;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DisplayCheckTest {
    static final HostPlatform LINUX = new HostPlatform(Family.LINUX, "arm64", true);

    @Test
    void windowsAndMacOsNeedNoDisplayVariable() {
        assertTrue(Main.hasDisplay(new HostPlatform(Family.WINDOWS, "x86_64", false), Map.of(), null));
        assertTrue(Main.hasDisplay(new HostPlatform(Family.MACOS, "arm64", false), Map.of(), null));
    }

    @Test
    void linuxNeedsADisplayServerUnlessMonocleDraws() {
        assertFalse(Main.hasDisplay(LINUX, Map.of(), null));
        assertFalse(Main.hasDisplay(LINUX, Map.of("DISPLAY", " "), null));
        assertTrue(Main.hasDisplay(LINUX, Map.of("DISPLAY", ":0"), null));
        assertTrue(Main.hasDisplay(LINUX, Map.of("WAYLAND_DISPLAY", "wayland-0"), null));
        assertTrue(Main.hasDisplay(LINUX, Map.of(), "Monocle"));
    }
}
