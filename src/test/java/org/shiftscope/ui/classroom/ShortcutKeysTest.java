// How each system writes and reads the shortcuts' keys, with the platform injected: macOS writes ⇧B and enters
// full screen with ⌃⌘F; Linux and Windows write Shift+B and F11; a Ctrl, Alt or ⌘ chord is never a shortcut.
package org.shiftscope.ui.classroom;

import org.shiftscope.model.HostPlatform;
import org.shiftscope.model.HostPlatform.Family;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortcutKeysTest {
    static final HostPlatform MAC = new HostPlatform(Family.MACOS, "arm64", false);
    static final HostPlatform LINUX = new HostPlatform(Family.LINUX, "x86_64", true);
    static final HostPlatform WINDOWS = new HostPlatform(Family.WINDOWS, "x86_64", false);

    private static KeyEvent press(KeyCode code, boolean shift, boolean control, boolean alt, boolean meta) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, control, alt, meta);
    }

    @Test
    void macOsWritesModifiersAsItsMenusDo() {
        assertEquals("⇧B", Shortcut.FREEZE_BN.key(MAC));
        assertEquals("⌃⌘F", Shortcut.FULL_SCREEN.key(MAC));
        assertEquals("B", Shortcut.TOGGLE_BN.key(MAC));
        assertEquals("Space", Shortcut.START_PAUSE.key(MAC));
    }

    @Test
    void linuxAndWindowsWriteShiftAndF11() {
        for (HostPlatform platform : new HostPlatform[]{LINUX, WINDOWS}) {
            assertEquals("Shift+B", Shortcut.FREEZE_BN.key(platform));
            assertEquals("F11", Shortcut.FULL_SCREEN.key(platform));
            assertEquals("?", Shortcut.SHEET.key(platform));
        }
    }

    @Test
    void noKeyTextNamesCtrlOnMacOsOrTheCommandKeyElsewhere() {
        for (Shortcut shortcut : Shortcut.values()) {
            assertFalse(shortcut.key(MAC).contains("Ctrl") || shortcut.key(MAC).contains("Shift"), shortcut.key(MAC));
            assertFalse(shortcut.key(LINUX).matches(".*[⌘⌃⇧].*"), shortcut.key(LINUX));
            assertFalse(shortcut.key(WINDOWS).matches(".*[⌘⌃⇧].*"), shortcut.key(WINDOWS));
        }
    }

    @Test
    void controlCommandFIsFullScreenOnMacOsOnly() {
        var controlCommandF = press(KeyCode.F, false, true, false, true);
        assertTrue(Shortcut.FULL_SCREEN.matches(controlCommandF, MAC));
        assertFalse(Shortcut.FULL_SCREEN.matches(controlCommandF, LINUX));
        assertFalse(Shortcut.FULL_SCREEN.matches(press(KeyCode.F, false, false, false, true), MAC), "⌘F alone is not");
        assertTrue(Shortcut.FULL_SCREEN.matches(press(KeyCode.F11, false, false, false, false), MAC), "F11 still works");
        assertTrue(Shortcut.FULL_SCREEN.matches(press(KeyCode.F11, false, false, false, false), WINDOWS));
    }

    @Test
    void chordsWithCtrlAltOrCommandAreLeftToTheSystem() {
        for (HostPlatform platform : new HostPlatform[]{MAC, LINUX, WINDOWS}) {
            assertTrue(Shortcut.FREEZE_BN.matches(press(KeyCode.B, true, false, false, false), platform));
            assertFalse(Shortcut.TOGGLE_BN.matches(press(KeyCode.B, false, true, false, false), platform), "Ctrl+B");
            assertFalse(Shortcut.TOGGLE_BN.matches(press(KeyCode.B, false, false, true, false), platform), "Alt+B");
            assertFalse(Shortcut.TOGGLE_BN.matches(press(KeyCode.B, false, false, false, true), platform), "⌘B");
        }
    }
}
