// A live line chart on ChartFX (measured near the 16.7 ms pulse floor up to 100k points under software
// rendering, where JavaFX's LineChart took 54–164 ms per frame). No animation; the series are
// replaced wholesale from decimated histories each time new data arrives. A NaN point breaks a line (at a
// BN switch); the run's events are labelled vertical markers (EventMarker); blow-ups are clipped (AxisClip).
// On a small screen it keeps its words whole: a shorter title when the full one does not fit, no y label
// longer than the plot is tall, and a compact key inside the plot (ChartKey) in place of ChartFX's legend.
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import javafx.geometry.BoundingBox;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

public final class LiveChart extends StackPane {
    /** Shared ranges are widened by 5% of their span (× 1.05 on a log axis). */
    private static final double RANGE_PADDING_FACTOR = 1.05;
    /** Smallest height a chart is squeezed to (a title, an axis and a strip of plot). */
    private static final double MIN_HEIGHT = 60;
    /** Marker size of point series (pixels at 1×). */
    private static final double POINT_MARKER_SIZE = 4;
    /** Markers further right than this fraction of the x range put their label left of their line. */
    private static final double LABEL_FLIP_FRACTION = 0.6;
    /** The x label of the time charts, which their axes do not repeat (the hover readout names it). */
    private static final String STEP_LABEL = "step";
    /** Room kept free on either side of the title, in pixels. */
    private static final double TITLE_MARGIN = 8;
    /** Gap between the key and the plot's frame, in pixels. */
    private static final double KEY_INSET = 4;
    /** Points a key's corner must cover fewer than the corner it is in before the key moves there. */
    private static final int KEY_MOVE_MARGIN = 3;
    /** The largest share of the plot's area a key may cover; a larger one is left out. */
    private static final double MAX_KEY_SHARE = 0.2;
    private final XYChart chart;
    private final String baseTitle;
    /** Ever shorter titles for ever narrower charts, the full one first. */
    private List<String> titles;
    private String runLabel = "";
    private final String yLabel;
    private final ChartKey key = new ChartKey();
    private Pos keyCorner = Pos.TOP_RIGHT;
    private Pos keyAt = Pos.TOP_RIGHT;
    private List<ChartSeries> shownSecondary = List.of();
    private final DefaultNumericAxis yAxis;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final List<DoubleDataSet> dataSets = new ArrayList<>();
    private final CountAxis xAxis;
    private ErrorDataSetRenderer secondaryRenderer;
    private final List<DoubleDataSet> secondaryDataSets = new ArrayList<>();
    private final Label readout = new Label();
    private final Label badge = new Label();
    /** The badge's whole text; a small plot shows only its first parts ("stale (…)", then "latest: step …"). */
    private String badgeText = "";
    private boolean badgeWarning;
    private boolean pointSeries;
    private List<ChartSeries> shown = List.of();
    private boolean logY;
    private boolean clipping;
    private List<EventMarker.Spec> eventSpecs = List.of();
    private List<EventMarker.Spec> clipSpecs = List.of();
    private double[] clippedRange;
    private boolean wasClipped;
    private List<EventMarker.Spec> drawnMarkers = List.of();
    private final List<EventMarker> markers = new ArrayList<>();
    private Consumer<LiveChart> onExport = chart -> { };
    private Runnable redrawRequest = () -> { };

    public LiveChart(String id, String title, String xLabel, String yLabel, boolean logY) {
        xAxis = new CountAxis(xLabel);
        yAxis = new DefaultNumericAxis(yLabel);
        for (var axis : List.of(xAxis, yAxis)) {
            axis.setAnimated(false);
            axis.setAutoRanging(true);
            axis.setForceZeroInRange(false);
            axis.setUnit(null);
        }
        if (xLabel.equals(STEP_LABEL)) {
            xAxis.getStyleClass().add("step-axis");  // not written under every plot: every time chart counts steps
        }
        chart = new XYChart(xAxis, yAxis);
        chart.setTitle(title);
        this.baseTitle = title;
        this.titles = List.of(title);
        this.yLabel = yLabel;
        chart.setLegendVisible(false);
        Pane plot = chart.getPlotForeground();
        plot.getChildren().addAll(key, badge);
        plot.widthProperty().addListener(o -> placeOverlays());
        plot.heightProperty().addListener(o -> placeOverlays());
        chart.setAnimated(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        renderer.setAllowNaNs(true);                 // a NaN point ends a line: no line joins two BN modes
        chart.getRenderers().setAll(renderer);
        chart.getPlugins().addAll(new Zoomer(), new DataPointTooltip());
        setLogY(logY);
        setId(id);
        getStyleClass().add("live-chart");
        readout.getStyleClass().add("chart-readout");
        readout.setMouseTransparent(true);
        readout.setVisible(false);
        StackPane.setAlignment(readout, Pos.TOP_RIGHT);
        StackPane.setMargin(readout, new Insets(26, 12, 0, 0));
        badge.setMouseTransparent(true);
        badge.setVisible(false);
        badge.setManaged(false);                     // placed in the plot's top left corner, wrapped to its width
        badge.setWrapText(true);
        getChildren().addAll(chart, readout);
        chart.setMinHeight(MIN_HEIGHT);              // many charts on a small screen shrink rather than overflow
        setMinHeight(MIN_HEIGHT);
        chart.getCanvas().setOnMouseMoved(e -> showValuesAt(xAxis.getValueForDisplay(e.getX())));
        chart.getCanvas().setOnMouseExited(e -> readout.setVisible(false));
        var log = new CheckMenuItem("Logarithmic y axis");
        log.setSelected(logY);
        log.setOnAction(e -> setLogY(log.isSelected()));
        var export = new MenuItem("Export this chart as PNG…");
        export.setOnAction(e -> onExport.accept(this));
        var menu = new ContextMenu(log, export);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    /** Called with this chart when the user asks to export it (the window decides where and at what scale). */
    public void setOnExport(Consumer<LiveChart> action) {
        this.onExport = action;
    }

    /** A second y axis on the right, for lines of another unit (shown with {@link #showSecondary}). */
    public LiveChart withSecondaryAxis(String label, double min, double max) {
        var axis = new DefaultNumericAxis(label, min, max, (max - min) / 5);
        axis.setSide(Side.RIGHT);
        axis.setAnimated(false);
        axis.setAutoRanging(false);
        axis.setUnit(null);
        secondaryRenderer = new ErrorDataSetRenderer();
        secondaryRenderer.setErrorStyle(ErrorStyle.NONE);
        secondaryRenderer.setDrawMarker(true);
        secondaryRenderer.setPolyLineStyle(LineStyle.NORMAL);
        secondaryRenderer.setAllowNaNs(true);
        secondaryRenderer.getAxes().addAll(xAxis, axis);
        chart.getAxes().add(axis);
        chart.getRenderers().add(secondaryRenderer);
        return this;
    }

    /** Replaces the lines drawn against the secondary axis. */
    public void showSecondary(List<ChartSeries> all) {
        shownSecondary = all.stream().filter(s -> s.size() > 0).toList();
        replace(secondaryRenderer, secondaryDataSets, shownSecondary);
        updateKey();
    }

    /** A logarithmic x axis (the stress test's learning rate). */
    public LiveChart withLogX() {
        xAxis.useLogScale();
        return this;
    }

    /**
     * The range [min, max] of the drawn data along x ({@code x} true) or y, over every line; null without
     * data. Side-by-side charts take the union of their ranges so that they share their axes.
     */
    public double[] dataRange(boolean x) {
        if (!x && clippedRange != null) {
            return clippedRange.clone();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : shown) {
            for (double v : x ? s.xs() : s.ys()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min <= max ? new double[]{min, max} : null;
    }

    /** Fixes both axes to these ranges (null = automatic again), padded a little so no point sits on the frame. */
    public void fixRanges(double[] xRange, double[] yRange) {
        fix(xAxis, xRange);
        fix(yAxis, yRange);
    }

    private static void fix(DefaultNumericAxis axis, double[] range) {
        if (range == null) {
            axis.setAutoRanging(true);
            return;
        }
        double min = range[0];
        double max = range[1];
        if (axis.isLogAxis()) {
            min /= RANGE_PADDING_FACTOR;
            max *= RANGE_PADDING_FACTOR;
        } else {
            double pad = max > min ? (max - min) * (RANGE_PADDING_FACTOR - 1) : Math.max(Math.abs(max) * 0.1, 1e-9);
            min -= pad;
            max += pad;
        }
        axis.setAutoRanging(false);
        axis.set(min, max);
    }

    /** Marks every point: for sparse series such as periodic Hessian results. */
    public LiveChart withMarkers() {
        renderer.setDrawMarker(true);
        return this;
    }

    /** Draws series marked as points as markers alone, and the others as plain lines. */
    public LiveChart withPointSeries() {
        renderer.setDrawMarker(true);
        pointSeries = true;
        return this;
    }

    /**
     * A short note at the plot's top left, e.g. how old the shown data are; {@code warning} draws it in the
     * alert colour. An empty text hides it.
     */
    public void setBadge(String text, boolean warning) {
        badgeText = text;
        badgeWarning = warning;
        badge.setText(text);
        badge.getStyleClass().setAll("label", warning ? "chart-badge-warning" : "chart-badge");
        placeOverlays();
    }

    /** The badge's whole text ("" for none), however much of it the plot has room for. */
    public String badgeText() {
        return badgeText;
    }

    /** Takes effect with the next data update (non-positive values are left out on a log axis). */
    public void setLogY(boolean log) {
        this.logY = log;
        yAxis.setLogAxis(log);
        redrawRequest.run();
    }

    /** What to run when the chart needs its data again (after a scale change). */
    public void setOnRedrawRequest(Runnable action) {
        this.redrawRequest = action;
    }

    /**
     * Replaces the chart's lines; on a log axis non-positive values are left out. Lines without points are
     * not added: an empty data set leaves ChartFX's auto-range without limits and the whole chart blank.
     */
    public void show(List<ChartSeries> all) {
        var series = all.stream().map(s -> logY ? positiveOnly(s) : s).filter(s -> s.size() > 0).toList();
        shown = series;
        replace(renderer, dataSets, series);
        if (clipping) {
            clip();
        } else {
            placeMarkerLabels();
        }
        updateKey();
    }

    /** Clips a blow-up off the y axis (a divergence), marking the clipped peak with an arrow and its value. */
    public LiveChart withClipping() {
        clipping = true;
        return this;
    }

    /** Clips a blow-up off the y axis (AxisClip), or ends the clip when the data no longer need it. */
    private void clip() {
        var clip = AxisClip.of(shown, logY, LiveChart::format);
        clippedRange = clip.range();
        clipSpecs = clip.markers();
        if (clippedRange != null) {
            fix(yAxis, clippedRange);
        } else if (wasClipped) {
            yAxis.setAutoRanging(true);            // only when the clip ends: a zoom by hand stays
        }
        wasClipped = clippedRange != null;
        drawMarkers();
    }

    /** The run's events as labelled vertical markers (an empty list removes them). */
    public void showMarkers(List<EventMarker.Spec> specs) {
        eventSpecs = specs;
        drawMarkers();
    }

    private void drawMarkers() {
        var wanted = new ArrayList<>(eventSpecs);
        wanted.addAll(clipSpecs);
        if (wanted.equals(drawnMarkers)) {
            placeMarkerLabels();
            return;
        }
        drawnMarkers = wanted;
        chart.getPlugins().removeAll(markers);
        markers.clear();
        for (int i = 0; i < wanted.size(); i++) {
            markers.add(new EventMarker(xAxis, wanted.get(i), i));
        }
        chart.getPlugins().addAll(markers);
        placeMarkerLabels();
    }

    /** A label runs right of its line in the chart's left part and left of it near the right edge, so it stays in view. */
    private void placeMarkerLabels() {
        double[] range = dataRange(true);
        for (EventMarker marker : markers) {
            double fraction = range == null || range[1] <= range[0] ? 0 : (marker.getValue() - range[0]) / (range[1] - range[0]);
            marker.setLabelHorizontalAnchor(fraction > LABEL_FLIP_FRACTION ? HPos.RIGHT : HPos.LEFT);
        }
    }

    /** The texts of the markers drawn now, in x order of their events (for tests and exports). */
    public List<String> markerTexts() {
        return drawnMarkers.stream().map(EventMarker.Spec::text).toList();
    }

    /** The steps of the markers drawn now. */
    public List<Double> markerSteps() {
        return drawnMarkers.stream().map(EventMarker.Spec::x).toList();
    }

    /** Hovering: the exact values of every line at the point nearest to x (ChartFX's own tooltip needs a near hit). */
    void showValuesAt(double x) {
        var text = new StringBuilder();
        double nearestX = Double.NaN;
        for (ChartSeries s : shown) {
            int i = nearestIndex(s.xs(), x);
            if (Double.isNaN(s.ys()[i])) {
                i = i > 0 ? i - 1 : Math.min(i + 1, s.size() - 1);    // the point beside a break in the line
            }
            if (Double.isNaN(nearestX)) {
                nearestX = s.xs()[i];
                text.append(xAxis.getName()).append(' ').append(format(nearestX));
            }
            text.append('\n').append(s.name()).append(": ").append(format(s.ys()[i]));
            if (s.xs()[i] != nearestX) {
                text.append(" (at ").append(format(s.xs()[i])).append(')');
            }
        }
        readout.setText(text.toString());
        readout.setVisible(!shown.isEmpty());
    }

    private static int nearestIndex(double[] sortedXs, double x) {
        int i = Arrays.binarySearch(sortedXs, x);
        if (i >= 0) {
            return i;
        }
        int after = Math.min(-i - 1, sortedXs.length - 1);
        int before = Math.max(after - 1, 0);
        return Math.abs(sortedXs[before] - x) <= Math.abs(sortedXs[after] - x) ? before : after;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.5g", value);
    }

    /** The text of the hover readout (empty until the mouse has been over the plot). */
    public String readoutText() {
        return readout.getText();
    }

    private void replace(ErrorDataSetRenderer target, List<DoubleDataSet> current, List<ChartSeries> series) {
        while (current.size() > series.size()) {
            target.getDatasets().remove(current.remove(current.size() - 1));
        }
        for (int i = 0; i < series.size(); i++) {
            ChartSeries s = series.get(i);
            if (i == current.size() || !current.get(i).getName().equals(s.name())) {
                var dataSet = new DoubleDataSet(s.name());
                if (i == current.size()) {
                    current.add(dataSet);
                    target.getDatasets().add(dataSet);
                } else {
                    target.getDatasets().set(i, dataSet);
                    current.set(i, dataSet);
                }
            }
            current.get(i).set(s.xs(), s.ys(), true);
            current.get(i).setStyle(style(s));
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
            builder.setMarkerSize(0);                       // the lines of a chart with point series keep no markers
        }
        return builder.build();
    }

    private static ChartSeries positiveOnly(ChartSeries s) {
        int n = 0;
        var xs = new double[s.size()];
        var ys = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            if (s.ys()[i] > 0 || Double.isNaN(s.ys()[i])) {       // NaN: a break in the line, kept
                xs[n] = s.xs()[i];
                ys[n++] = s.ys()[i];
            }
        }
        return new ChartSeries(s.name(), Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), s.color(), s.dashed(), s.points());
    }

    /** The lines drawn against the main axis, as last given to {@link #show}. */
    public List<ChartSeries> shownSeries() {
        return shown;
    }

    /** Points currently drawn over all lines. */
    public int pointCount() {
        return dataSets.stream().mapToInt(DoubleDataSet::getDataCount).sum()
                + secondaryDataSets.stream().mapToInt(DoubleDataSet::getDataCount).sum();
    }

    /** The full title with the run's name, if any (exports are titled with it whatever is shown). */
    public String title() {
        return baseTitle + runLabel;
    }

    /** Ever shorter titles for narrow charts (projector layouts), e.g. "Loss" for "Loss (cross-entropy)". */
    public LiveChart withBriefTitles(String... briefs) {
        var all = new ArrayList<String>();
        all.add(baseTitle);
        all.addAll(List.of(briefs));
        titles = List.copyOf(all);
        return this;
    }

    /** The corner of the plot that holds the key unless another one covers fewer points (where the lines leave room). */
    public LiveChart withKeyAt(Pos corner) {
        keyCorner = corner;
        keyAt = corner;
        return this;
    }

    /** Names the run in the title (" · BN on" after the title), or nothing for an empty label. */
    public void setRunLabel(String label) {
        runLabel = label.isEmpty() ? "" : " · " + label;
        requestLayout();
    }

    /** Shows or hides the key of the lines (ChartFX's own legend is never shown). */
    public void setLegendVisible(boolean visible) {
        key.setWanted(visible);
    }

    public ChartKey key() {
        return key;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        fitTitle();
        fitYLabel();
    }

    /** The full title if it fits the chart's width, else the first brief one that does (the briefest if none). */
    private void fitTitle() {
        Font font = chart.getTitleLabel().getFont();
        String wanted = titles.get(titles.size() - 1) + runLabel;
        for (String title : titles) {
            if (textWidth(title + runLabel, font) + 2 * TITLE_MARGIN <= getWidth()) {
                wanted = title + runLabel;
                break;
            }
        }
        if (!wanted.equals(chart.getTitle())) {
            chart.setTitle(wanted);
        }
    }

    /** The y axis is labelled only where its label fits along the axis (the title names the quantity anyway). */
    private void fitYLabel() {
        double room = yAxis.getHeight();
        String wanted = room > 0 && textWidth(yLabel, yAxis.getAxisLabel().getFont()) <= room ? yLabel : "";
        if (!wanted.equals(yAxis.getName())) {
            yAxis.setName(wanted);
        }
    }

    private static double textWidth(String s, Font font) {
        var text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }

    private void updateKey() {
        var lines = new ArrayList<>(shown);
        lines.addAll(shownSecondary);
        key.show(lines);
        placeOverlays();                             // new data may have moved under the key
    }

    /**
     * Puts the key in its corner of the plot, wrapped to the plot's width, and the badge in the top left corner.
     * A key that would cover more than MAX_KEY_SHARE of the plot is left out (hovering names every line).
     */
    private void placeOverlays() {
        Pane plot = chart.getPlotForeground();
        double room = Math.max(0, plot.getWidth() - 2 * KEY_INSET);
        fitBadge(plot, room);
        badge.relocate(KEY_INSET, KEY_INSET);
        key.applyCss();
        double keyWidth = Math.min(key.contentWidth(), room);
        key.setPrefWrapLength(keyWidth);
        key.resize(keyWidth, key.prefHeight(keyWidth));
        key.setFits(keyWidth * key.getHeight() <= MAX_KEY_SHARE * plot.getWidth() * plot.getHeight());
        keyAt = emptiestCorner(plot);
        key.relocate(keyArea(keyAt, plot).getMinX(), keyArea(keyAt, plot).getMinY());
    }

    /**
     * The badge's text, wrapped to the plot's width, with its last " · " parts left out while it would cover more
     * than MAX_KEY_SHARE of the plot. A warning's first part (why the report is stale) always stays; a plain
     * note that does not fit is left out (the key figures above the charts give the report's step).
     */
    private void fitBadge(Pane plot, double room) {
        List<String> parts = List.of(badgeText.split(" · "));
        badge.applyCss();
        for (int n = parts.size(); n >= 1; n--) {
            badge.setText(String.join(" · ", parts.subList(0, n)));
            double width = Math.min(badge.prefWidth(-1), room);
            badge.resize(width, badge.prefHeight(width));
            if (badge.getWidth() * badge.getHeight() <= MAX_KEY_SHARE * plot.getWidth() * plot.getHeight()) {
                badge.setVisible(!badgeText.isEmpty());
                return;
            }
        }
        badge.setVisible(badgeWarning);
    }

    /**
     * The corner where the key covers the fewest drawn points: the one it is in unless another covers clearly
     * fewer (so it does not hop about), the preferred one on a tie, never one where it would cover the badge.
     */
    private Pos emptiestCorner(Pane plot) {
        var free = new ArrayList<Pos>();
        for (Pos corner : List.of(keyCorner, Pos.TOP_RIGHT, Pos.BOTTOM_RIGHT, Pos.TOP_LEFT, Pos.BOTTOM_LEFT)) {
            boolean onBadge = badge.isVisible() && keyArea(corner, plot).intersects(badge.getBoundsInParent());
            if (!onBadge && !free.contains(corner)) {
                free.add(corner);
            }
        }
        if (free.isEmpty()) {
            return keyCorner;
        }
        Pos best = free.contains(keyAt) ? keyAt : free.get(0);
        int fewest = pointsUnder(keyArea(best, plot));
        for (Pos corner : free) {
            int covered = pointsUnder(keyArea(corner, plot));
            if (covered + KEY_MOVE_MARGIN < fewest) {
                best = corner;
                fewest = covered;
            }
        }
        return best;
    }

    /** The key's rectangle in {@code corner} of the plot, in the plot's coordinates. */
    private BoundingBox keyArea(Pos corner, Pane plot) {
        double x = corner.getHpos() == HPos.RIGHT ? plot.getWidth() - key.getWidth() - KEY_INSET : KEY_INSET;
        double y = corner.getVpos() == VPos.BOTTOM ? plot.getHeight() - key.getHeight() - KEY_INSET : KEY_INSET;
        return new BoundingBox(Math.max(0, x), Math.max(0, y), key.getWidth(), key.getHeight());
    }

    /** How many points of the main axis' lines lie in {@code area} (plot coordinates). */
    private int pointsUnder(BoundingBox area) {
        int n = 0;
        for (ChartSeries s : shown) {
            for (int i = 0; i < s.size(); i++) {
                double x = xAxis.getDisplayPosition(s.xs()[i]);
                double y = yAxis.getDisplayPosition(s.ys()[i]);
                if (area.contains(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }

    public XYChart chart() {
        return chart;
    }
}
