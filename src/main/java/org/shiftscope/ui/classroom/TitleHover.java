// Hovering a chart's title shows that chart's explanation: one mouse filter on the window finds the title
// under the pointer (ChartFX's ".chart-title" label, or the title band of the heatmap) and the chart it
// belongs to, so charts added later (comparison mode) are covered too.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.charts.HeatmapView;
import org.shiftscope.ui.charts.LiveChart;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.MouseEvent;

final class TitleHover {
    private TitleHover() {
    }

    static void install(Parent root, ExplanationPanel panel) {
        root.addEventFilter(MouseEvent.MOUSE_MOVED, e -> {
            String id = chartUnderTitle(e);
            if (id != null && !id.equals(panel.shownIdProperty().get())) {
                panel.showChart(id);
            }
        });
    }

    /** The id of the chart whose title is under the pointer, or null. */
    static String chartUnderTitle(MouseEvent e) {
        boolean onTitle = false;
        for (Node n = e.getPickResult().getIntersectedNode(); n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("chart-title")) {
                onTitle = true;
            }
            if (n instanceof HeatmapView heatmap) {
                onTitle = heatmap.sceneToLocal(e.getSceneX(), e.getSceneY()).getY() < heatmap.titleHeight();
            }
            if (onTitle && (n instanceof LiveChart || n instanceof HeatmapView)) {
                return n.getId();
            }
        }
        return null;
    }
}
