// The keyboard shortcuts: which key each one is, how it is written in tooltips and the shortcut sheet (as each
// system writes keys: ⇧B and ⌃⌘F for full screen on macOS), and its description (shortcuts.properties).
package org.shiftscope.ui.classroom;

import org.shiftscope.model.HostPlatform;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Locale;
import java.util.ResourceBundle;

public enum Shortcut {
    START_PAUSE("Space", KeyCode.SPACE),
    STEP("S", KeyCode.S),
    RESET("R", KeyCode.R),
    TOGGLE_BN("B", KeyCode.B),
    FREEZE_BN("B", KeyCode.B, true),
    LEARNING_RATE_DOWN("←", KeyCode.LEFT),
    LEARNING_RATE_UP("→", KeyCode.RIGHT),
    DEPTH_UP("↑", KeyCode.UP),
    DEPTH_DOWN("↓", KeyCode.DOWN),
    PERTURB("X", KeyCode.X),
    KEEP_PERTURBATION("K", KeyCode.K),
    EXPORT("E", KeyCode.E),
    FULL_SCREEN("F11", KeyCode.F11),
    PRESENTATION("P", KeyCode.P),
    THEME("T", KeyCode.T),
    EXPLAIN("I", KeyCode.I),
    SHEET("?", KeyCode.SLASH);

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.shiftscope.ui.classroom.shortcuts");

    /** macOS's own full-screen keys, ⌃⌘F (F11 shows the desktop there); F11 works on macOS too, unadvertised. */
    private static final KeyCode MAC_FULL_SCREEN = KeyCode.F;

    private final String key;
    private final KeyCode code;
    private final boolean shift;

    Shortcut(String key, KeyCode code) {
        this(key, code, false);
    }

    Shortcut(String key, KeyCode code, boolean shift) {
        this.key = key;
        this.code = code;
        this.shift = shift;
    }

    /** The key as written for people on this system. */
    public String key() {
        return key(HostPlatform.current());
    }

    /** "Space", "S", "Shift+B", "←", "F11", "?"; on macOS "⇧B" and "⌃⌘F", as its menus write them. */
    public String key(HostPlatform platform) {
        if (platform.isMac() && this == FULL_SCREEN) {
            return "⌃⌘" + MAC_FULL_SCREEN.getName();
        }
        return shift ? (platform.isMac() ? "⇧" : "Shift+") + key : key;
    }

    public String description() {
        return TEXT.getString(name().toLowerCase(Locale.ROOT));
    }

    public boolean matches(KeyEvent e) {
        return matches(e, HostPlatform.current());
    }

    /**
     * True for the key with Shift exactly as written, without Ctrl, Alt or ⌘ (those stay the system's and the
     * focused control's); "?" is Shift+/ (or whatever key types "?" on the user's keyboard); on macOS ⌃⌘F too.
     */
    public boolean matches(KeyEvent e, HostPlatform platform) {
        if (this == FULL_SCREEN && platform.isMac() && e.getCode() == MAC_FULL_SCREEN && e.isControlDown() && e.isMetaDown()
                && !e.isAltDown() && !e.isShiftDown()) {
            return true;
        }
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return false;
        }
        if (this == SHEET) {
            return "?".equals(e.getText()) || e.getCode() == KeyCode.SLASH && e.isShiftDown();
        }
        return e.getCode() == code && e.isShiftDown() == shift;
    }

    /** Arrows and letters that text fields or sliders need for themselves when they have the focus. */
    boolean isArrow() {
        return code.isArrowKey();
    }

    boolean typesText() {
        return this != FULL_SCREEN;
    }
}
