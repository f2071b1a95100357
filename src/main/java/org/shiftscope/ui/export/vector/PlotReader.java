// What an XYChart draws on its plot canvas, as vector items: the grid (GridRenderer's snapped lines at the tick
// values) and each data set of its ErrorDataSetRenderers as bars, a line broken at NaN and markers, in ChartFX
// 11.3's order and DataSetNode styles, through the points left by the renderer's own point reduction.
package org.shiftscope.ui.export.vector;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.marker.DefaultMarker;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.dataset.DataSet;
import javafx.geometry.Orientation;
import org.shiftscope.ui.export.vector.VectorScene.Role;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class PlotReader {
    private PlotReader() {
    }

    static void read(XYChart chart, Drawing d) {
        var grid = chart.getGridRenderer();
        if (!grid.isDrawOnTop()) {
            grid(chart, d);
        }
        for (var renderer : chart.getRenderers()) {
            if (renderer instanceof ErrorDataSetRenderer lines) {
                Axis x = lines.getFirstAxis(Orientation.HORIZONTAL);
                Axis y = lines.getFirstAxis(Orientation.VERTICAL);
                var nodes = lines.getDatasetNodes();
                for (int i = nodes.size() - 1; i >= 0; i--) {    // the first data set is drawn on top
                    if (nodes.get(i).isVisible()) {
                        dataSet(lines, nodes.get(i), x != null ? x : chart.getXAxis(), y != null ? y : chart.getYAxis(), d);
                    }
                }
            }
        }
        if (grid.isDrawOnTop()) {
            grid(chart, d);
        }
    }

    private static void grid(XYChart chart, Drawing d) {
        var grid = chart.getGridRenderer();
        double width = chart.getCanvas().getWidth();
        double height = chart.getCanvas().getHeight();
        Axis x = chart.getXAxis();
        Axis y = chart.getYAxis();
        var vMajor = grid.getVerticalMajorGrid();
        var vMinor = grid.getVerticalMinorGrid();
        var hMajor = grid.getHorizontalMajorGrid();
        var hMinor = grid.getHorizontalMinorGrid();
        if (vMajor.isVisible() || vMinor.isVisible()) {
            gridLines(x, x.getTickMarks(), vMajor, true, width, height, d);
        }
        if (x.isLogAxis() || vMinor.isVisible()) {
            gridLines(x, x.getMinorTickMarks(), vMinor, true, width, height, d);
        }
        if (hMajor.isVisible() || hMinor.isVisible()) {
            gridLines(y, y.getTickMarks(), hMajor, false, width, height, d);
        }
        if (y.isLogAxis() || hMinor.isVisible()) {
            gridLines(y, y.getMinorTickMarks(), hMinor, false, width, height, d);
        }
    }

    private static void gridLines(Axis axis, List<TickMark> ticks, io.fair_acc.chartfx.ui.css.LineStyle style,
                                  boolean vertical, double width, double height, Drawing d) {
        double[] dashes = style.getStrokeDashArray().stream().mapToDouble(Double::doubleValue).toArray();
        for (TickMark tick : ticks) {
            double at = AxisReader.snap(axis.getDisplayPosition(tick.getValue()));
            if (vertical && at > 0 && at <= width) {
                d.line(Role.GRID, at, AxisReader.snap(0), at, AxisReader.snap(height), style.getStroke(),
                        style.getStrokeWidth(), dashes);
            } else if (!vertical && at >= 0 && at < height) {
                d.line(Role.GRID, AxisReader.snap(0), at, AxisReader.snap(width), at, style.getStroke(),
                        style.getStrokeWidth(), dashes);
            }
        }
    }

    /** Bars, then the line, then the markers, as ErrorDataSetRenderer.drawDefaultNoErrors draws them. */
    private static void dataSet(ErrorDataSetRenderer renderer, DataSetNode style, Axis xAxis, Axis yAxis, Drawing d) {
        DataSet data = style.getDataSet();
        int all = data.getDataCount();
        double[] xs = new double[all];
        double[] ys = new double[all];
        for (int i = 0; i < all; i++) {
            xs[i] = xAxis.getDisplayPosition(data.get(DataSet.DIM_X, i));
            ys[i] = yAxis.getDisplayPosition(data.get(DataSet.DIM_Y, i));
        }
        int n = all;
        if (renderer.isReducePoints() && all >= renderer.getMinRequiredReductionSize()) {   // as CachedDataPoints.reduce
            n = renderer.getRendererDataReducer().reducePoints(xs, ys, null, null, new double[all], new double[all],
                    new String[all], new boolean[all], 0, all);
            xs = Arrays.copyOf(xs, n);
            ys = Arrays.copyOf(ys, n);
        }
        if (renderer.isDrawBars()) {
            bars(renderer, style, xs, ys, yAxis.getDisplayPosition(yAxis.isLogAxis() ? yAxis.getMin() : 0), d);
        }
        if (style.getLineWidth() > 0 && renderer.getPolyLineStyle() != LineStyle.NONE) {
            d.polylines(Role.SERIES, runs(xs, ys), false, null,
                    d.stroke(style.getLineColor(), style.getLineWidth(), style.getLineDashes()));
        }
        double size = style.getMarkerSize();
        if (renderer.isDrawMarker() && size > 0) {
            var markers = new ArrayList<double[]>();
            boolean round = style.getMarkerType() == DefaultMarker.CIRCLE || style.getMarkerType() == DefaultMarker.CIRCLE1;
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                    markers.add(round ? circle(xs[i], ys[i], size)
                            : new double[]{xs[i] - size, ys[i] - size, xs[i] + size, ys[i] - size,
                                    xs[i] + size, ys[i] + size, xs[i] - size, ys[i] + size});
                }
            }
            d.polylines(Role.MARKER, markers, true, style.getMarkerColor(), null);
        }
    }

    /** The line's runs between NaN points (ChartFX with allowNaNs moves past them). */
    private static List<double[]> runs(double[] xs, double[] ys) {
        var runs = new ArrayList<double[]>();
        var run = new ArrayList<Double>();
        for (int i = 0; i <= xs.length; i++) {
            if (i < xs.length && Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                run.add(xs[i]);
                run.add(ys[i]);
            } else {
                if (run.size() >= 4) {
                    runs.add(run.stream().mapToDouble(Double::doubleValue).toArray());
                }
                run.clear();
            }
        }
        return runs;
    }

    /** Bars from the zero line, as wide as ErrorDataSetRenderer.drawBars makes them. */
    private static void bars(ErrorDataSetRenderer renderer, DataSetNode style, double[] xs, double[] ys, double zero,
                             Drawing d) {
        int minDistance = Integer.MAX_VALUE;
        for (int i = 1; i < xs.length; i++) {
            minDistance = Math.min(minDistance, (int) Math.abs(xs[i] - xs[i - 1]));
        }
        double required = Math.max(renderer.getDashSize(), minDistance);
        double width = renderer.isDynamicBarWidth() ? required * renderer.getBarWidthPercentage() / 100 : renderer.getBarWidth();
        double half = width / 2 - (renderer.isShiftBar() ? Math.max(style.getGlobalIndex(), 0) * renderer.getShiftBarOffset() : 0);
        var bars = new ArrayList<double[]>();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                double top = Math.min(ys[i], zero);
                double bottom = Math.max(ys[i], zero);
                double left = xs[i] - half;
                bars.add(new double[]{left, top, left + width, top, left + width, bottom, left, bottom});
            }
        }
        d.polylines(Role.SERIES, bars, true, style.getMarkerColor(), null);
    }

    /** A filled circle of radius {@code r} as a 16-sided polygon: indistinguishable at marker size. */
    private static double[] circle(double x, double y, double r) {
        int sides = 16;
        double[] xy = new double[2 * sides];
        for (int i = 0; i < sides; i++) {
            xy[2 * i] = x + r * Math.cos(2 * Math.PI * i / sides);
            xy[2 * i + 1] = y + r * Math.sin(2 * Math.PI * i / sides);
        }
        return xy;
    }
}
