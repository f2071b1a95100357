// The heatmaps' titles on the board: the full one where it fits the heatmap's width in its CSS font
// (.heatmap-text), else a brief one, with the run's name when two runs are shown.
package org.shiftscope.ui.charts;

import javafx.scene.text.Text;

import java.util.List;

final class HeatmapTitles {
    static final String FULL = "Between-channel share of variance (layers × steps)";
    /** Ever shorter titles for ever narrower cells (2× presentation on 1280×720: the last). */
    private static final List<String> ALL = List.of(FULL, "Between-channel share", "Offset share");
    /** Room the title keeps free on either side, in pixels. */
    private static final double MARGIN = 4;

    private HeatmapTitles() {
    }

    /** Titles the heatmap of the first run and, when {@code runLabels} names two runs, that of the second. */
    static void apply(HeatmapView first, HeatmapView second, List<String> runLabels) {
        if (runLabels.isEmpty()) {
            return;
        }
        boolean two = runLabels.size() > 1;
        first.setTitle(fitted(first, two ? " · " + runLabels.get(0) : ""));
        if (two) {
            second.setTitle(fitted(second, " · " + runLabels.get(1)));
        }
    }

    private static String fitted(HeatmapView view, String suffix) {
        if (!(view.lookup(".heatmap-text") instanceof Text style)) {
            return FULL + suffix;
        }
        return TextFit.firstFitting(ALL, suffix, style.getFont(), view.getWidth(), MARGIN);
    }
}
