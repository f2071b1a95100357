// A run's event drawn on a time chart: a dashed vertical line at the step of a BN switch, a new learning rate or
// momentum, or the divergence, with a short label ("BN on → frozen"). A ChartFX value indicator that cannot be
// dragged, styled by the kind of event (dark and light themes alike: the colours are the theme's own).
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import javafx.scene.Node;
import javafx.scene.layout.Region;

public final class EventMarker extends XValueIndicator {
    /** Label heights (fractions of the plot from its bottom: near the top), taken in turn so neighbouring labels do not cover each other. */
    private static final double[] LABEL_POSITIONS = {0.94, 0.8, 0.66};

    /** Marks the label node (ChartFX resets its style classes). */
    private static final String LABEL_KEY = "shiftscope.event-marker-label";

    /** Whether a node is a marker's label: ChartFX places and sizes it on a pulse of its own. */
    public static boolean isLabel(Node node) {
        return node.getProperties().containsKey(LABEL_KEY);
    }

    /** What the marker shows; {@code alert} draws it in the theme's alert colour (a divergence, a clipped value). */
    record Spec(double x, String text, boolean alert) {
    }

    EventMarker(Axis axis, Spec spec, int order) {
        super(axis, spec.x(), spec.text());
        setEditable(false);
        setLabelPosition(LABEL_POSITIONS[order % LABEL_POSITIONS.length]);
        String colour = spec.alert() ? Palette.ALERT : Palette.INK;
        // Inline: ChartFX's own stylesheet (yellow labels) sits above the scene's in the cascade.
        label.setStyle("-fx-background-color: " + Palette.READOUT + "; -fx-text-fill: " + colour + "; -fx-border-color: " + colour
                + "; -fx-border-width: 0.5; -fx-font-size: 0.8em; -fx-font-weight: normal; -fx-padding: 0 0.25em 0 0.25em;");
        line.setStyle("-fx-stroke: " + colour + "; -fx-stroke-width: 1; -fx-stroke-dash-array: 5 4;");
        triangle.setStyle("-fx-fill: transparent; -fx-stroke: transparent;");   // its visibility is bound
        label.getProperties().put(LABEL_KEY, Boolean.TRUE);
        label.setMinWidth(Region.USE_PREF_SIZE);          // a marker's text is never cut short
    }

    String text() {
        return getText();
    }
}
