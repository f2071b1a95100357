// Puts the keyboard shortcuts on a scene: one key filter runs the action of the matching Shortcut, unless
// the focused control needs the key itself (typing in a text field or spinner, arrows on a slider), and
// Enter presses a focused button or opens a focused choice box, so Space can stay start/pause everywhere. Also writes each shortcut into the tooltip of the control it stands for.
package org.shiftscope.ui.classroom;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

public final class Shortcuts {
    /** The controls each shortcut stands for, by id: their tooltips name the key. */
    private static final Map<String, List<Shortcut>> CONTROLS = Map.ofEntries(
            Map.entry("start", List.of(Shortcut.START_PAUSE)),
            Map.entry("pause", List.of(Shortcut.START_PAUSE)),
            Map.entry("step", List.of(Shortcut.STEP)),
            Map.entry("reset", List.of(Shortcut.RESET)),
            Map.entry("bn-on", List.of(Shortcut.TOGGLE_BN, Shortcut.FREEZE_BN)),
            Map.entry("lr-slider", List.of(Shortcut.LEARNING_RATE_DOWN, Shortcut.LEARNING_RATE_UP)),
            Map.entry("lr-field", List.of(Shortcut.LEARNING_RATE_DOWN, Shortcut.LEARNING_RATE_UP)),
            Map.entry("depth", List.of(Shortcut.DEPTH_UP, Shortcut.DEPTH_DOWN)),
            Map.entry("perturb", List.of(Shortcut.PERTURB)),
            Map.entry("keep-perturbation", List.of(Shortcut.KEEP_PERTURBATION)),
            Map.entry("export-png", List.of(Shortcut.EXPORT)));
    private static final String ANNOTATED_KEY = "shiftscope.shortcutInTooltip";

    private final Map<Shortcut, Runnable> actions = new EnumMap<>(Shortcut.class);

    /** @param actions what each shortcut does; shortcuts without an action are ignored */
    public Shortcuts(Map<Shortcut, Runnable> actions) {
        this.actions.putAll(actions);
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> handle(e, scene.getFocusOwner()));
    }

    private void handle(KeyEvent e, Node focus) {
        if (e.getCode() == KeyCode.ENTER && focus instanceof ButtonBase button && !button.isDisabled()) {
            button.fire();
            e.consume();
            return;
        }
        if (e.getCode() == KeyCode.ENTER && focus instanceof ChoiceBox<?> choice && !choice.isShowing()) {
            choice.show();             // its list then takes the arrows and Enter itself
            e.consume();
            return;
        }
        for (Shortcut shortcut : Shortcut.values()) {
            if (shortcut.matches(e) && actions.containsKey(shortcut) && !focusNeeds(focus, shortcut)) {
                actions.get(shortcut).run();
                e.consume();
                return;
            }
        }
    }

    /** Keys a focused control uses itself: text input takes every typing key, a slider its arrows. */
    static boolean focusNeeds(Node focus, Shortcut shortcut) {
        if (focus instanceof TextInputControl) {
            return shortcut.typesText();
        }
        return focus instanceof Slider && shortcut.isArrow();
    }

    /** Adds "Shortcut: …" to the tooltips of the controls under {@code root} that have a shortcut. */
    public static void annotateTooltips(Parent root) {
        root.applyCss();
        CONTROLS.forEach((id, shortcuts) -> {
            Control control = tooltipOwner(root.lookup("#" + id));
            if (control == null || control.getTooltip() == null || control.getProperties().containsKey(ANNOTATED_KEY)) {
                return;
            }
            control.getProperties().put(ANNOTATED_KEY, Boolean.TRUE);
            Tooltip tip = control.getTooltip();
            tip.setText(tip.getText() + "\nShortcut: " + String.join(" / ", shortcuts.stream().map(Shortcut::key).toList())
                    + " (" + shortcuts.get(0).description() + (shortcuts.size() > 1 ? "; " + shortcuts.get(1).description() : "")
                    + ")");
        });
    }

    /** The node, or its nearest ancestor control carrying a tooltip (a segmented button's group). */
    private static Control tooltipOwner(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Control c && c.getTooltip() != null) {
                return c;
            }
        }
        return null;
    }
}
