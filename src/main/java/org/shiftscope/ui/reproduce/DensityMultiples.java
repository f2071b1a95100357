// Small multiples of spectral densities: one chart per panel on a log density axis (as the window's density chart),
// every panel on the same density range so heights compare across panels, laid out in a grid.
package org.shiftscope.ui.reproduce;

import org.shiftscope.ui.charts.ChartSeries;
import org.shiftscope.ui.charts.LiveChart;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

import java.util.ArrayList;
import java.util.List;

final class DensityMultiples {
    /** Size of one panel in scene pixels. */
    static final double PANEL_WIDTH = 700;
    static final double PANEL_HEIGHT = 430;
    private static final double GAP = 6;

    /**
     * @param id    the chart's node id
     * @param title the panel's title
     * @param lines its densities, each on its own grid
     */
    record Panel(String id, String title, List<ChartSeries> lines) {
    }

    private DensityMultiples() {
    }

    /** Two columns up to four panels, three beyond. */
    static int columns(int panels) {
        return panels <= 1 ? 1 : panels <= 4 ? 2 : 3;
    }

    static int rows(int panels) {
        return (panels + columns(panels) - 1) / columns(panels);
    }

    /** The grid of charts, each with its key, sharing the density axis's range. */
    static GridPane of(List<Panel> panels) {
        var grid = new GridPane();
        grid.setHgap(GAP);
        grid.setVgap(GAP);
        grid.setPadding(new Insets(GAP));
        grid.getStyleClass().add("density-multiples");
        int columns = columns(panels.size());
        for (int c = 0; c < columns; c++) {
            var column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < rows(panels.size()); r++) {
            var row = new RowConstraints();
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
        var charts = new ArrayList<LiveChart>();
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            var chart = new LiveChart(panel.id(), panel.title(), "eigenvalue λ", "density", true).withKeyAt(Pos.TOP_RIGHT);
            chart.show(panel.lines());
            chart.setLegendVisible(true);
            charts.add(chart);
            grid.add(chart, i % columns, i / columns);
        }
        double[] densityRange = null;
        for (LiveChart chart : charts) {
            densityRange = union(densityRange, chart.dataRange(false));
        }
        for (LiveChart chart : charts) {
            chart.fixRanges(null, densityRange);
        }
        return grid;
    }

    private static double[] union(double[] a, double[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new double[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }
}
