// A live line chart on ChartFX (measured near the 16.7 ms pulse floor up to 100k points under software
// rendering, where JavaFX's LineChart took 54–164 ms per frame; STACK.md). No animation; the series are
// replaced wholesale from decimated histories each time new data arrives.
package org.shiftscope.ui;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

public final class LiveChart extends StackPane {
    private final XYChart chart;
    private final DefaultNumericAxis yAxis;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final List<DoubleDataSet> dataSets = new ArrayList<>();
    private boolean logY;
    private Consumer<LiveChart> onExport = chart -> { };
    private Runnable redrawRequest = () -> { };

    public LiveChart(String id, String title, String xLabel, String yLabel, boolean logY) {
        var xAxis = new DefaultNumericAxis(xLabel);
        yAxis = new DefaultNumericAxis(yLabel);
        for (var axis : List.of(xAxis, yAxis)) {
            axis.setAnimated(false);
            axis.setAutoRanging(true);
            axis.setForceZeroInRange(false);
            axis.setUnit(null);
        }
        chart = new XYChart(xAxis, yAxis);
        chart.setTitle(title);
        chart.setAnimated(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDrawMarker(false);
        renderer.setPolyLineStyle(LineStyle.NORMAL);
        chart.getRenderers().setAll(renderer);
        chart.getPlugins().addAll(new Zoomer(), new DataPointTooltip());
        setLogY(logY);
        setId(id);
        getChildren().add(chart);
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

    /** Marks every point: for sparse series such as periodic Hessian results. */
    public LiveChart withMarkers() {
        renderer.setDrawMarker(true);
        return this;
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

    public boolean isLogY() {
        return logY;
    }

    /**
     * Replaces the chart's lines; on a log axis non-positive values are left out. Lines without points are
     * not added: an empty data set leaves ChartFX's auto-range without limits and the whole chart blank.
     */
    public void show(List<ChartSeries> all) {
        var series = all.stream().map(s -> logY ? positiveOnly(s) : s).filter(s -> s.size() > 0).toList();
        while (dataSets.size() > series.size()) {
            renderer.getDatasets().remove(dataSets.remove(dataSets.size() - 1));
        }
        for (int i = 0; i < series.size(); i++) {
            ChartSeries s = series.get(i);
            if (i == dataSets.size() || !dataSets.get(i).getName().equals(s.name())) {
                var dataSet = new DoubleDataSet(s.name());
                if (i == dataSets.size()) {
                    dataSets.add(dataSet);
                    renderer.getDatasets().add(dataSet);
                } else {
                    renderer.getDatasets().set(i, dataSet);
                    dataSets.set(i, dataSet);
                }
            }
            dataSets.get(i).set(s.xs(), s.ys(), true);
            dataSets.get(i).setStyle(style(s));
        }
    }

    private static String style(ChartSeries s) {
        if (s.color() == null && !s.dashed()) {
            return "";
        }
        var builder = DataSetStyleBuilder.newInstance();
        if (s.color() != null) {
            builder.setDatasetColor(s.color());
        }
        if (s.dashed()) {
            builder.setLineWidth(2).setLineDashes(8, 5);
        }
        return builder.build();
    }

    private static ChartSeries positiveOnly(ChartSeries s) {
        int n = 0;
        var xs = new double[s.size()];
        var ys = new double[s.size()];
        for (int i = 0; i < s.size(); i++) {
            if (s.ys()[i] > 0) {
                xs[n] = s.xs()[i];
                ys[n++] = s.ys()[i];
            }
        }
        return new ChartSeries(s.name(), Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), s.color(), s.dashed());
    }

    /** Points currently drawn over all lines. */
    public int pointCount() {
        return dataSets.stream().mapToInt(DoubleDataSet::getDataCount).sum();
    }

    public String title() {
        return chart.getTitle();
    }

    public XYChart chart() {
        return chart;
    }
}
