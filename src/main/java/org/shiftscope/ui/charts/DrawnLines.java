// The data sets one ChartFX renderer draws, kept in step with a chart's lines: a line keeps its data set while
// its key and name stay at its place (only its points and style are replaced), so a frame makes no new objects.
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;

import java.util.ArrayList;
import java.util.List;

final class DrawnLines {
    /** Marker size of point series (pixels at 1×). */
    private static final double POINT_MARKER_SIZE = 4;
    /** Bar width as a share of the spacing of a line's points: two lines' bars fit side by side at one x. */
    private static final double BAR_WIDTH_PERCENT = 36;
    private final ErrorDataSetRenderer renderer;
    private final List<DoubleDataSet> dataSets = new ArrayList<>();
    private final List<LineKey> keys = new ArrayList<>();
    private boolean pointSeries;

    DrawnLines(ErrorDataSetRenderer renderer) {
        this.renderer = renderer;
    }

    /** A renderer of lines, with a marker on each point if {@code markers}; a NaN point ends a line. */
    static ErrorDataSetRenderer renderer(boolean markers) {
        var renderer = new ErrorDataSetRenderer();
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(markers);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setAllowNaNs(true);                 // no line joins two BN modes
        return renderer;
    }

    /** Makes {@code renderer} draw bars, each {@link #BAR_WIDTH_PERCENT} of the x spacing of its points wide. */
    static void drawBars(ErrorDataSetRenderer renderer) {
        renderer.setDrawBars(true);
        renderer.setDynamicBarWidth(true);
        renderer.setBarWidthPercentage(BAR_WIDTH_PERCENT);
        renderer.setDrawMarker(false);
        renderer.setPolyLineStyle(LineStyle.NONE);
    }

    /** The renderer draws point series, so its plain lines must keep no markers. */
    void setPointSeries(boolean drawn) {
        pointSeries = drawn;
    }

    /** Replaces the drawn lines with these, in this order (the order sets each unstyled line's theme colour). */
    void show(List<ChartSeries> series) {
        while (dataSets.size() > series.size()) {
            keys.remove(keys.size() - 1);
            renderer.getDatasets().remove(dataSets.remove(dataSets.size() - 1));
        }
        for (int i = 0; i < series.size(); i++) {
            ChartSeries s = series.get(i);
            if (i == dataSets.size() || !keys.get(i).equals(s.key()) || !dataSets.get(i).getName().equals(s.name())) {
                var dataSet = new DoubleDataSet(s.name());
                if (i == dataSets.size()) {
                    dataSets.add(dataSet);
                    keys.add(s.key());
                    renderer.getDatasets().add(dataSet);
                } else {
                    renderer.getDatasets().set(i, dataSet);
                    dataSets.set(i, dataSet);
                    keys.set(i, s.key());
                }
            }
            dataSets.get(i).set(s.xs(), s.ys(), true);
            dataSets.get(i).setStyle(style(s));
        }
    }

    private String style(ChartSeries s) {
        if (s.color() == null && !s.dashed() && !s.points() && !pointSeries) {
            return "";
        }
        var builder = DataSetStyleBuilder.newInstance();
        if (s.color() != null) {
            builder.setDatasetColor(s.color());
        }
        if (s.dashed()) {
            builder.setLineDashes(8, 5);
        }
        if (s.points()) {
            builder.setLineWidth(0).setMarkerSize(POINT_MARKER_SIZE);
        } else if (pointSeries) {
            builder.setMarkerSize(0);
        }
        return builder.build();
    }

    /** Points drawn now over all lines. */
    int pointCount() {
        return dataSets.stream().mapToInt(DoubleDataSet::getDataCount).sum();
    }
}
