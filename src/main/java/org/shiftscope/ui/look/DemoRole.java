// What a node is to a classroom demo, set by the view that builds it: ESSENTIAL controls are enlarged in
// presentation mode; OPTIONAL rows and bars are taken out of the layout there, so the rest fits a projector.
package org.shiftscope.ui.look;

import javafx.scene.Node;

public enum DemoRole {
    ESSENTIAL,
    OPTIONAL;

    /** The style class presentation mode's CSS enlarges. */
    public static final String ESSENTIAL_CLASS = "demo-control";
    private static final String KEY = "shiftscope.demoRole";

    /** Marks {@code node} with this role; returns it, for use inside a layout's construction. */
    public <N extends Node> N mark(N node) {
        node.getProperties().put(KEY, this);
        if (this == ESSENTIAL && !node.getStyleClass().contains(ESSENTIAL_CLASS)) {
            node.getStyleClass().add(ESSENTIAL_CLASS);
        }
        return node;
    }

    /** The role {@code node} was marked with, or null. */
    public static DemoRole of(Node node) {
        return node.getProperties().get(KEY) instanceof DemoRole role ? role : null;
    }
}
