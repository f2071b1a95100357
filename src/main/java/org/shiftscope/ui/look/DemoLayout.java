// Presentation mode's layout: the controls that matter in a demo (scenario picker, BN mode, learning rate,
// depth, the stress test, the run commands) are marked for enlargement, and every other row of the settings column and the export bar is
// taken out of the layout, so what is left fits a projector's 1280×720 at 1.5× or 2× fonts.
package org.shiftscope.ui.look;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;

import java.util.List;
import java.util.Set;

public final class DemoLayout {
    /** Ids of the controls a demo needs. */
    static final Set<String> DEMO_IDS = Set.of("bn-off", "bn-on", "bn-frozen", "lr-slider", "lr-field", "depth",
            "start", "pause", "step", "reset", "scenario", "stress-test");
    /** Ids of controls whose whole bar is secondary (the export bar). */
    static final Set<String> SECONDARY_BARS = Set.of("export-png");
    /** Ids of single nodes a projector can do without: the scenario's reference (in the README), the backend and heap. */
    static final Set<String> SECONDARY_NODES = Set.of("scenario-reference", "status-resources");
    static final String DEMO_CLASS = "demo-control";
    /** Marks a node this class hid, so leaving presentation mode shows exactly those again. */
    private static final String HIDDEN_KEY = "shiftscope.hiddenForPresentation";

    private DemoLayout() {
    }

    public static void apply(Parent root, boolean presenting) {
        for (Node node : root.lookupAll("*")) {
            if (node.getId() != null && DEMO_IDS.contains(node.getId()) && !node.getStyleClass().contains(DEMO_CLASS)) {
                node.getStyleClass().add(DEMO_CLASS);
            }
        }
        for (Node panel : root.lookupAll("ControlPanel")) {
            List<Node> rows = ((Parent) panel).getChildrenUnmodifiable();
            for (int i = 0; i < rows.size(); i++) {
                Node next = i + 1 < rows.size() ? rows.get(i + 1) : null;
                boolean needed = holdsDemoControl(rows.get(i))
                        || rows.get(i) instanceof Label && next != null && holdsDemoControl(next);
                show(rows.get(i), !presenting || needed);
            }
        }
        for (String id : SECONDARY_NODES) {
            Node node = root.lookup("#" + id);
            if (node != null) {
                show(node, !presenting);
            }
        }
        for (String id : SECONDARY_BARS) {
            Node control = root.lookup("#" + id);
            if (control != null && control.getParent() != null) {
                show(control.getParent(), !presenting);
            }
        }
    }

    private static boolean holdsDemoControl(Node node) {
        return DEMO_IDS.stream().anyMatch(id -> node.lookup("#" + id) != null);
    }

    private static void show(Node node, boolean visible) {
        if (!visible) {
            if (node.isVisible()) {
                node.getProperties().put(HIDDEN_KEY, Boolean.TRUE);
                node.setVisible(false);
                node.setManaged(false);
            }
        } else if (node.getProperties().remove(HIDDEN_KEY) != null) {
            node.setVisible(true);
            node.setManaged(true);
        }
    }
}
