// A chart's vertical markers: the run's events and the clipped extremes of a blow-up, as ChartFX plugins
// (EventMarker), rebuilt only when they change, each label on the side of its line that keeps it in view.
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import javafx.geometry.HPos;

import java.util.ArrayList;
import java.util.List;

final class MarkerLayer {
    /** Markers further right than this fraction of the x range put their label left of their line. */
    private static final double LABEL_FLIP_FRACTION = 0.6;
    private final XYChart chart;
    private final Axis xAxis;
    private List<EventMarker.Spec> events = List.of();
    private List<EventMarker.Spec> clips = List.of();
    private List<EventMarker.Spec> drawn = List.of();
    private final List<EventMarker> markers = new ArrayList<>();

    MarkerLayer(XYChart chart, Axis xAxis) {
        this.chart = chart;
        this.xAxis = xAxis;
    }

    /** The run's events (an empty list removes them); @param xRange the data's x range, null without data */
    void showEvents(List<EventMarker.Spec> specs, double[] xRange) {
        events = specs;
        draw(xRange);
    }

    /** The clipped extremes' markers (AxisClip). */
    void showClips(List<EventMarker.Spec> specs, double[] xRange) {
        clips = specs;
        draw(xRange);
    }

    private void draw(double[] xRange) {
        var wanted = new ArrayList<>(events);
        wanted.addAll(clips);
        if (wanted.equals(drawn)) {
            placeLabels(xRange);
            return;
        }
        drawn = wanted;
        chart.getPlugins().removeAll(markers);
        markers.clear();
        for (int i = 0; i < wanted.size(); i++) {
            markers.add(new EventMarker(xAxis, wanted.get(i), i));
        }
        chart.getPlugins().addAll(markers);
        placeLabels(xRange);
    }

    /** A label runs right of its line in the chart's left part and left of it near the right edge, so it stays in view. */
    void placeLabels(double[] xRange) {
        for (EventMarker marker : markers) {
            double fraction = xRange == null || xRange[1] <= xRange[0] ? 0
                    : (marker.getValue() - xRange[0]) / (xRange[1] - xRange[0]);
            marker.setLabelHorizontalAnchor(fraction > LABEL_FLIP_FRACTION ? HPos.RIGHT : HPos.LEFT);
        }
    }

    List<String> texts() {
        return drawn.stream().map(EventMarker.Spec::text).toList();
    }

    List<Double> steps() {
        return drawn.stream().map(EventMarker.Spec::x).toList();
    }
}
