// The keyboard shortcuts: which key each one is, how it is written in tooltips and the shortcut sheet, and
// its description (shortcuts.properties, so a teacher can translate it).
package org.shiftscope.ui.classroom;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.Locale;
import java.util.ResourceBundle;

public enum Shortcut {
    START_PAUSE("Space", KeyCode.SPACE),
    STEP("S", KeyCode.S),
    RESET("R", KeyCode.R),
    TOGGLE_BN("B", KeyCode.B),
    FREEZE_BN("Shift+B", KeyCode.B, true),
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

    /** The key as written for people: "Space", "S", "Shift+B", "←", "F11", "?". */
    public String key() {
        return key;
    }

    public String description() {
        return TEXT.getString(name().toLowerCase(Locale.ROOT));
    }

    /** True for the key with Shift exactly as written; "?" is Shift+/ (or whatever key types "?" on the user's keyboard). */
    public boolean matches(KeyEvent e) {
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
