// ChartFX slides a tool bar (the Zoomer's zoom and pan buttons) over a chart's title while the mouse is near
// it. An exported figure must not show it, so snapshots are taken with every chart's tool bar hidden.
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.Chart;
import javafx.scene.Node;
import javafx.scene.Parent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

public final class ChartToolBars {
    private ChartToolBars() {
    }

    /** Runs {@code snapshot} with the tool bar of every chart under {@code root} hidden, then shows them as before. */
    public static <T> T hiddenDuring(Node root, Supplier<T> snapshot) {
        var shown = new ArrayList<Node>();
        for (Chart chart : chartsUnder(root)) {
            Node bar = chart.getToolBar();
            if (bar.isVisible()) {
                bar.setVisible(false);
                shown.add(bar);
            }
        }
        try {
            return snapshot.get();
        } finally {
            shown.forEach(bar -> bar.setVisible(true));
        }
    }

    /** Every ChartFX chart in the tree under {@code root}, {@code root} included. */
    public static List<Chart> chartsUnder(Node root) {
        var charts = new ArrayList<Chart>();
        collect(root, charts);
        return charts;
    }

    private static void collect(Node node, List<Chart> charts) {
        if (node instanceof Chart chart) {
            charts.add(chart);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, charts));
        }
    }
}
