// Which charts the board lays out, in which cells and how many columns: for the runs shown and the board's
// size, as few columns as keep every chart BoardGrid.minChartHeight tall; keys for one run only.
package org.shiftscope.ui.charts;

import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

final class BoardLayout {
    /** The board's charts, by their place on it; the B charts are the second run's column side by side. */
    record Charts(LiveChart loss, LiveChart accuracy, LiveChart means, LiveChart variances, HeatmapView heatmap,
                  LiveChart percentiles, LiveChart hessian, LiveChart spectrum, LiveChart density, LiveChart gradients,
                  LiveChart stress,
                  LiveChart lossB, LiveChart variancesB, HeatmapView heatmapB, LiveChart hessianB,
                  LiveChart perturbation, LiveChart perturbationB, LiveChart layerShift, LiveChart layerShiftB) {
    }

    /** Height share of the stress chart's row under the side-by-side pairs: the demonstration's main chart. */
    private static final double STRESS_ROW_PERCENT = 32;
    /** Column counts of the side-by-side comparison: one pair per row, or two. */
    private static final List<Integer> PAIR_COLUMNS = List.of(2, 4);

    private final GridPane grid;
    private final BoardCaption caption;
    private final Charts charts;
    private final List<LiveChart> all;
    /** The cell of both heatmaps when two runs are overlaid: made once, since working out a layout must not move charts. */
    private final VBox heatmapPair = new VBox(2);
    /** Set while the grid is being refilled, so a listener it fires cannot refill it half-way. */
    private boolean arranging;
    private String arrangement = "";

    BoardLayout(GridPane grid, BoardCaption caption, Charts charts, List<LiveChart> all) {
        this.grid = grid;
        this.caption = caption;
        this.charts = charts;
        this.all = all;
    }

    /**
     * Lays the charts out for these runs in a board {@code boardHeight} tall: keys (legends) for one run only,
     * the caption for two; nothing moves when the arrangement is the one laid out already.
     */
    void arrange(List<ChartRun> runs, boolean overlaid, boolean stressShown, double boardHeight) {
        if (arranging) {
            return;                 // a size change fired while the grid is refilled: the refill in progress wins
        }
        arranging = true;
        try {
            arrangeNow(runs, overlaid, stressShown, boardHeight);
        } finally {
            arranging = false;
        }
    }

    private void arrangeNow(List<ChartRun> runs, boolean overlaid, boolean stressShown, double boardHeight) {
        boolean two = runs.size() > 1;
        boolean sideBySide = two && !overlaid;
        boolean densityShown = runs.stream().anyMatch(r -> r.history().latestDensity() != null);
        boolean gradientsShown = runs.stream().anyMatch(r -> r.history().convolutional());
        var shift = new ShiftShown(runs.stream().anyMatch(r -> r.history().latestPerturbation() != null),
                runs.stream().anyMatch(r -> r.history().latestLayerShift() != null));
        List<BoardGrid.Cell> cells = cells(two, sideBySide, densityShown, gradientsShown, stressShown);
        shift.addCells(cells, two, charts);
        List<Integer> candidates = sideBySide ? PAIR_COLUMNS
                : densityShown || gradientsShown || shift.any() ? List.of(3, 4) : List.of(2, 3, 4);
        double stressRow = sideBySide && stressShown ? STRESS_ROW_PERCENT : 0;
        double height = boardHeight - (two ? caption.prefHeight(-1) : 0) - grid.getPadding().getTop()
                - grid.getPadding().getBottom();
        int columns = height > 0 ? BoardGrid.columns(cells, candidates, height, grid.getVgap(), stressRow,
                BoardGrid.minChartHeight(caption.getFont().getSize())) : candidates.get(0);
        String wanted = (two ? (overlaid ? "overlaid" : "side-by-side") : "single") + (stressShown ? "+stress" : "")
                + (densityShown ? "+density" : "") + (gradientsShown ? "+gradients" : "") + shift + " in " + columns
                + runs.stream().map(ChartRun::label).toList();
        if (wanted.equals(arrangement)) {
            return;
        }
        arrangement = wanted;
        caption.describe(runs, sideBySide, stressShown);
        if (two && !sideBySide) {
            stackHeatmaps();
        }
        BoardGrid.fill(grid, cells, columns, stressRow);
        // Only now: a ChartFX chart put into a scene with a change pending (a range set free) read-locks its data at
        // once, until the next pulse's post-layout, and the board's redraw in this same frame would wait for it.
        for (var chart : all) {
            chart.setRunLabel("");
            chart.fixRanges(null, null);
            chart.setLegendVisible(!two);
        }
    }

    /** The cells of the board in reading order. */
    private List<BoardGrid.Cell> cells(boolean two, boolean sideBySide, boolean densityShown, boolean gradientsShown,
                                       boolean stressShown) {
        var cells = new ArrayList<BoardGrid.Cell>();
        Charts c = charts;
        if (sideBySide) {
            List<Node> pairs = stressShown ? List.of(c.loss(), c.lossB(), c.heatmap(), c.heatmapB(), c.hessian(), c.hessianB())
                    : List.of(c.loss(), c.lossB(), c.variances(), c.variancesB(), c.heatmap(), c.heatmapB(), c.hessian(),
                    c.hessianB());                                // the stress chart needs the variances' room
            pairs.forEach(chart -> cells.add(BoardGrid.Cell.of(chart)));
            if (densityShown) {
                cells.add(BoardGrid.Cell.wide(c.density()));       // both runs' spectra on one λ axis
            }
            if (gradientsShown) {
                cells.add(BoardGrid.Cell.wide(c.gradients()));     // both runs' layers on one axis
            }
            if (stressShown) {
                cells.add(BoardGrid.Cell.wide(c.stress()));        // the runs on one η axis
            }
            return cells;
        }
        Node heatmapCell = two ? heatmapPair : c.heatmap();
        for (Node chart : List.of(c.loss(), c.accuracy(), c.means(), c.variances(), heatmapCell,
                stressShown ? c.stress() : c.percentiles())) {
            cells.add(BoardGrid.Cell.of(chart));
        }
        cells.add(BoardGrid.Cell.growing(c.hessian()));          // the demonstration's main chart takes spare room
        cells.add(BoardGrid.Cell.of(c.spectrum()));
        if (densityShown) {
            cells.add(BoardGrid.Cell.of(c.density()));
        }
        if (gradientsShown) {
            cells.add(BoardGrid.Cell.of(c.gradients()));
        }
        return cells;
    }

    /** Which of the shift experiments' charts have something to show. */
    private record ShiftShown(boolean perturbation, boolean layerShift) {
        boolean any() {
            return perturbation || layerShift;
        }

        /** Their cells after the others' (before the wide ones of a side-by-side board): one per run, in pairs. */
        void addCells(List<BoardGrid.Cell> cells, boolean two, Charts c) {
            int at = (int) cells.stream().takeWhile(cell -> !cell.wide()).count();
            var added = new ArrayList<BoardGrid.Cell>();
            if (perturbation) {
                added.add(BoardGrid.Cell.of(c.perturbation()));
                if (two) {
                    added.add(BoardGrid.Cell.of(c.perturbationB()));
                }
            }
            if (layerShift) {
                added.add(BoardGrid.Cell.of(c.layerShift()));
                if (two) {
                    added.add(BoardGrid.Cell.of(c.layerShiftB()));
                }
            }
            cells.addAll(at, added);
        }

        @Override
        public String toString() {
            return (perturbation ? "+perturbation" : "") + (layerShift ? "+layer-shift" : "");
        }
    }

    /** Puts both runs' heatmaps into their shared cell (they may have been on the board on their own since). */
    private void stackHeatmaps() {
        heatmapPair.getChildren().setAll(charts.heatmap(), charts.heatmapB());
        for (HeatmapView view : List.of(charts.heatmap(), charts.heatmapB())) {
            VBox.setVgrow(view, Priority.ALWAYS);
            view.setMinHeight(0);
        }
    }

    /** Every chart laid out now. */
    List<Node> laidOut() {
        return List.copyOf(grid.getChildren());
    }
}
