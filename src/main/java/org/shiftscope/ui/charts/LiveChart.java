// A live line chart on ChartFX, its lines replaced wholesale from decimated histories at each update; a NaN
// point breaks a line. It carries event markers (MarkerLayer), a clip of blow-ups (AxisClip), a key and a badge
// (PlotOverlays) and a hover readout, and keeps its words whole on a small screen (TextFit).
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import javafx.geometry.Pos;
import javafx.scene.layout.StackPane;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

public final class LiveChart extends StackPane {
    /** Smallest height a chart is squeezed to (a title, an axis and a strip of plot). */
    private static final double MIN_HEIGHT = 60;
    /** The x label of the time charts, which their axes do not repeat (the hover readout names it). */
    private static final String STEP_LABEL = "step";
    /** Room kept free on either side of the title, in pixels. */
    private static final double TITLE_MARGIN = 8;
    private final XYChart chart;
    private final String baseTitle;
    /** Ever shorter titles for ever narrower charts, the full one first. */
    private List<String> titles;
    private String runLabel = "";
    private final String yLabel;
    private final DefaultNumericAxis yAxis;
    private final CountAxis xAxis;
    private final ErrorDataSetRenderer renderer;
    private final DrawnLines lines;
    private DrawnLines secondaryLines;
    private final PlotOverlays overlays;
    private final MarkerLayer markers;
    private final HoverReadout readout = new HoverReadout();
    private List<ChartSeries> shown = List.of();
    private List<ChartSeries> shownSecondary = List.of();
    private boolean logY;
    private boolean clipping;
    private double[] clippedRange;
    private boolean wasClipped;
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
        overlays = new PlotOverlays(chart.getPlotForeground(), xAxis, yAxis);
        markers = new MarkerLayer(chart, xAxis);
        chart.setAnimated(false);
        renderer = DrawnLines.renderer(false);
        lines = new DrawnLines(renderer);
        chart.getRenderers().setAll(renderer);
        chart.getPlugins().addAll(new Zoomer(), new DataPointTooltip());
        setLogY(logY);
        setId(id);
        getStyleClass().add("live-chart");
        getChildren().addAll(chart, readout);
        chart.setMinHeight(MIN_HEIGHT);              // many charts on a small screen shrink rather than overflow
        setMinHeight(MIN_HEIGHT);
        chart.getCanvas().setOnMouseMoved(e -> showValuesAt(xAxis.getValueForDisplay(e.getX())));
        chart.getCanvas().setOnMouseExited(e -> readout.setVisible(false));
        ChartMenu.attach(chart, logY, this::setLogY, () -> onExport.accept(this));
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
        var secondary = DrawnLines.renderer(true);
        secondary.getAxes().addAll(xAxis, axis);
        secondaryLines = new DrawnLines(secondary);
        chart.getAxes().add(axis);
        chart.getRenderers().add(secondary);
        return this;
    }

    /** Replaces the lines drawn against the secondary axis. */
    public void showSecondary(List<ChartSeries> all) {
        shownSecondary = all.stream().filter(s -> s.size() > 0).toList();
        secondaryLines.show(shownSecondary);
        overlays.showLines(shown, shownSecondary);
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
        return AxisRanges.of(shown, x);
    }

    /** Fixes both axes to these ranges (null = automatic again), padded a little so no point sits on the frame. */
    public void fixRanges(double[] xRange, double[] yRange) {
        AxisRanges.fix(xAxis, xRange);
        AxisRanges.fix(yAxis, yRange);
    }

    /** Marks every point: for sparse series such as periodic Hessian results. */
    public LiveChart withMarkers() {
        renderer.setDrawMarker(true);
        return this;
    }

    /** Draws every line as bars from zero at its x values (counts by class, values by layer), without a line. */
    public LiveChart withBars() {
        DrawnLines.drawBars(renderer);
        return this;
    }

    /** Draws series marked as points as markers alone, and the others as plain lines. */
    public LiveChart withPointSeries() {
        withMarkers();
        lines.setPointSeries(true);
        return this;
    }

    /**
     * A short note at the plot's top left, e.g. how old the shown data are; {@code warning} draws it in the
     * alert colour. An empty text hides it.
     */
    public void setBadge(String text, boolean warning) {
        overlays.setBadge(text, warning);
    }

    /** The badge's whole text ("" for none), however much of it the plot has room for. */
    public String badgeText() {
        return overlays.badgeText();
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
        shown = all.stream().map(s -> logY ? s.positiveOnly() : s).filter(s -> s.size() > 0).toList();
        lines.show(shown);
        if (clipping) {
            clip();
        } else {
            markers.placeLabels(dataRange(true));
        }
        overlays.showLines(shown, shownSecondary);
    }

    /** Clips a blow-up off the y axis (a divergence), marking the clipped peak with an arrow and its value. */
    public LiveChart withClipping() {
        clipping = true;
        return this;
    }

    /** Clips a blow-up off the y axis (AxisClip), or ends the clip when the data no longer need it. */
    private void clip() {
        var clip = AxisClip.of(shown, logY, HoverReadout::format);
        clippedRange = clip.range();
        if (clippedRange != null) {
            AxisRanges.fix(yAxis, clippedRange);
        } else if (wasClipped) {
            yAxis.setAutoRanging(true);            // only when the clip ends: a zoom by hand stays
        }
        wasClipped = clippedRange != null;
        markers.showClips(clip.markers(), dataRange(true));
    }

    /** The run's events as labelled vertical markers (an empty list removes them). */
    public void showMarkers(List<EventMarker.Spec> specs) {
        markers.showEvents(specs, dataRange(true));
    }

    /** The texts of the markers drawn now, in x order of their events (for tests and exports). */
    public List<String> markerTexts() {
        return markers.texts();
    }

    /** The steps of the markers drawn now. */
    public List<Double> markerSteps() {
        return markers.steps();
    }

    /** Hovering: the exact values of every line at the point nearest to x. */
    void showValuesAt(double x) {
        readout.showAt(shown, xAxis.getName(), x);
    }

    /** The text of the hover readout (empty until the mouse has been over the plot). */
    public String readoutText() {
        return readout.getText();
    }

    /** The lines drawn against the main axis, as last given to {@link #show}. */
    public List<ChartSeries> shownSeries() {
        return shown;
    }

    /** Points currently drawn over all lines. */
    public int pointCount() {
        return lines.pointCount() + (secondaryLines == null ? 0 : secondaryLines.pointCount());
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
        overlays.setKeyCorner(corner);
        return this;
    }

    /** Names the run in the title (" · BN on" after the title), or nothing for an empty label. */
    public void setRunLabel(String label) {
        runLabel = label.isEmpty() ? "" : " · " + label;
        requestLayout();
    }

    /** Shows or hides the key of the lines (ChartFX's own legend is never shown). */
    public void setLegendVisible(boolean visible) {
        overlays.key().setWanted(visible);
    }

    public ChartKey key() {
        return overlays.key();
    }

    /** The full title if it fits the chart's width, else the first brief one that does; no y label longer than the axis. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        String title = TextFit.firstFitting(titles, runLabel, chart.getTitleLabel().getFont(), getWidth(), TITLE_MARGIN);
        if (!title.equals(chart.getTitle())) {
            chart.setTitle(title);
        }
        TextFit.axisName(yAxis, yLabel);
    }

    public XYChart chart() {
        return chart;
    }
}
