// Presentation mode's layout: every node its view marked OPTIONAL (DemoRole) is taken out of the layout while
// presenting and put back after, so what is left (the controls a demo needs, enlarged) fits a projector's
// 1280×720 at 1.5× or 2× fonts.
package org.shiftscope.ui.look;

import javafx.scene.Node;
import javafx.scene.Parent;

public final class DemoLayout {
    /** Marks a node this class hid, so leaving presentation mode shows exactly those again. */
    private static final String HIDDEN_KEY = "shiftscope.hiddenForPresentation";

    private DemoLayout() {
    }

    public static void apply(Parent root, boolean presenting) {
        for (Node node : root.lookupAll("*")) {
            if (DemoRole.of(node) == DemoRole.OPTIONAL) {
                show(node, !presenting);
            }
        }
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
