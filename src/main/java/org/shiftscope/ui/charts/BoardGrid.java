// How the chart board's cells fill its grid: as few columns as keep every chart tall enough for its text and a
// plot (more on a short screen such as a projector's); a comparison's pairs stay side by side, a wide cell (both
// runs on one axis) spans a pair's columns, and the last row is filled, preferably by widening the λ chart.
package org.shiftscope.ui.charts;

import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class BoardGrid {
    /** No chart is laid out shorter than this on any screen the board has room for. */
    static final double MIN_CHART_HEIGHT = 120;
    /**
     * Nor shorter than this many times the font size: a title, tick labels and a plot as tall as both. At 2× on
     * 1280×720 this gives three rows of three rather than four squeezed rows of two.
     */
    static final double MIN_CHART_HEIGHT_EM = 7.5;
    /** Slack for the grid's rounding to whole pixels. */
    private static final double ROUNDING = 4;

    /** A chart (or stacked heatmaps); a wide one spans two columns, a growing one takes its row's spare columns. */
    record Cell(Node node, boolean wide, boolean grows) {
        static Cell of(Node node) {
            return new Cell(node, false, false);
        }

        static Cell wide(Node node) {
            return new Cell(node, true, false);
        }

        static Cell growing(Node node) {
            return new Cell(node, false, true);
        }
    }

    /** Where a cell goes: column, row and how many columns it spans. */
    record Place(Cell cell, int column, int row, int span) {
    }

    private BoardGrid() {
    }

    /** The least height of a chart whose text has this font size. */
    static double minChartHeight(double fontSize) {
        return Math.max(MIN_CHART_HEIGHT, MIN_CHART_HEIGHT_EM * fontSize);
    }

    /**
     * The first of {@code candidates} (ascending) whose rows leave each chart {@code minHeight} of the
     * {@code height} available, or, if none does, the one with the fewest rows. @param gap space between rows
     * @param wideLastRowPercent the height share of a last row that holds one cell across the board (0: equal rows)
     */
    static int columns(List<Cell> cells, List<Integer> candidates, double height, double gap, double wideLastRowPercent,
                       double minHeight) {
        int best = candidates.get(0);
        int bestRows = Integer.MAX_VALUE;
        for (int columns : candidates) {
            List<Place> places = place(cells, columns);
            int rows = rows(places);
            double shortest = Arrays.stream(rowPercents(places, columns, wideLastRowPercent)).min().orElse(100);
            if ((height - gap * (rows - 1)) * shortest / 100 >= minHeight + ROUNDING) {
                return columns;
            }
            if (rows < bestRows) {
                best = columns;
                bestRows = rows;
            }
        }
        return best;
    }

    /**
     * The cells in reading order, rows of {@code columns}; a wide cell never straddles two rows. Columns left
     * over in the last row go to its growing cell (the λ chart), else to each of its cells alike when they share
     * them evenly (a pair of runs' charts stays a pair), else to its last one.
     */
    static List<Place> place(List<Cell> cells, int columns) {
        var places = new ArrayList<Place>();
        int column = 0;
        int row = 0;
        for (Cell cell : cells) {
            int span = cell.wide() ? Math.min(2, columns) : 1;
            if (column + span > columns) {
                column = 0;
                row++;
            }
            places.add(new Place(cell, column, row, span));
            column += span;
            if (column >= columns) {
                column = 0;
                row++;
            }
        }
        return widenLastRow(places, columns);
    }

    private static List<Place> widenLastRow(List<Place> places, int columns) {
        int lastRow = rows(places) - 1;
        List<Place> last = places.stream().filter(p -> p.row() == lastRow).toList();
        int spare = columns - last.stream().mapToInt(Place::span).sum();
        if (last.isEmpty() || spare == 0) {
            return places;
        }
        Place grower = last.stream().filter(p -> p.cell().grows()).findFirst().orElse(null);
        boolean even = grower == null && spare % last.size() == 0;
        Place widened = grower != null ? grower : last.get(last.size() - 1);
        var out = new ArrayList<>(places.subList(0, places.size() - last.size()));
        int column = 0;
        for (Place p : last) {
            int span = p.span() + (even ? spare / last.size() : p == widened ? spare : 0);
            out.add(new Place(p.cell(), column, lastRow, span));
            column += span;
        }
        return out;
    }

    static int rows(List<Place> places) {
        return places.stream().mapToInt(p -> p.row() + 1).max().orElse(0);
    }

    /** Fills {@code grid} with equal columns and rows as {@link #rowPercents} says. */
    static void fill(GridPane grid, List<Cell> cells, int columns, double wideLastRowPercent) {
        List<Place> places = place(cells, columns);
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (Place p : places) {
            grid.add(p.cell().node(), p.column(), p.row(), p.span(), 1);
        }
        for (int c = 0; c < columns; c++) {
            var column = new ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(column);
        }
        for (double percent : rowPercents(places, columns, wideLastRowPercent)) {
            var row = new RowConstraints();
            row.setPercentHeight(percent);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }
    }

    /** Equal rows, except that a last row holding one cell across the board takes {@code wideLastRowPercent} (> 0). */
    static double[] rowPercents(List<Place> places, int columns, double wideLastRowPercent) {
        int rows = rows(places);
        var percents = new double[rows];
        Place last = places.isEmpty() ? null : places.get(places.size() - 1);
        boolean wideLast = wideLastRowPercent > 0 && rows > 1 && last.column() == 0 && last.span() == columns;
        for (int r = 0; r < rows; r++) {
            percents[r] = !wideLast ? 100.0 / rows
                    : r == rows - 1 ? wideLastRowPercent : (100 - wideLastRowPercent) / (rows - 1);
        }
        return percents;
    }
}
