// How the chart board picks its columns and places its cells: fewer columns while every chart keeps its least
// height, more on a short board, the λ chart widened into a last row's spare room, a comparison's wide cells
// spanning a pair's columns.
package org.shiftscope.ui.charts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BoardGridTest {
    private static final double GAP = 6;
    private static final List<Integer> SINGLE = List.of(2, 3, 4);

    /** Seven plain cells and the growing λ chart before the last one, as one run's board. */
    private static List<BoardGrid.Cell> oneRun() {
        var cells = new ArrayList<BoardGrid.Cell>();
        for (int i = 0; i < 6; i++) {
            cells.add(BoardGrid.Cell.of(null));
        }
        cells.add(BoardGrid.Cell.growing(null));
        cells.add(BoardGrid.Cell.of(null));
        return cells;
    }

    @Test
    void twoColumnsWhileFourRowsKeepTheLeastHeightThenThreeThenFour() {
        double least = BoardGrid.MIN_CHART_HEIGHT;
        assertEquals(2, BoardGrid.columns(oneRun(), SINGLE, 600, GAP, 0, least), "4 rows of 145 px");
        assertEquals(3, BoardGrid.columns(oneRun(), SINGLE, 480, GAP, 0, least), "4 rows of 115 px are too short");
        assertEquals(4, BoardGrid.columns(oneRun(), SINGLE, 300, GAP, 0, least), "3 rows of 96 px are too short");
        assertEquals(4, BoardGrid.columns(oneRun(), SINGLE, 100, GAP, 0, least), "nothing fits: the fewest rows");
        assertEquals(3, BoardGrid.columns(oneRun(), SINGLE, 620, GAP, 0, BoardGrid.minChartHeight(26)),
                "2× presentation fonts (26 px) want 195 px per chart");
    }

    @Test
    void theLambdaChartTakesTheLastRowsSpareColumn() {
        List<BoardGrid.Place> places = BoardGrid.place(oneRun(), 3);
        assertEquals(3, BoardGrid.rows(places));
        BoardGrid.Place lambda = places.get(6);
        BoardGrid.Place last = places.get(7);
        assertEquals(List.of(0, 2, 2), List.of(lambda.column(), lambda.row(), lambda.span()));
        assertEquals(List.of(2, 2, 1), List.of(last.column(), last.row(), last.span()));
    }

    @Test
    void aComparisonsWideCellsSpanAPairAndTheLastRowIsFilled() {
        var cells = new ArrayList<BoardGrid.Cell>();
        for (int i = 0; i < 8; i++) {
            cells.add(BoardGrid.Cell.of(null));
        }
        cells.add(BoardGrid.Cell.wide(null));
        List<BoardGrid.Place> four = BoardGrid.place(cells, 4);
        assertEquals(3, BoardGrid.rows(four));
        assertEquals(4, four.get(8).span(), "alone in its row: across the board");
        cells.add(BoardGrid.Cell.wide(null));
        List<BoardGrid.Place> two = BoardGrid.place(cells, 2);
        assertEquals(6, BoardGrid.rows(two));
        assertEquals(List.of(2, 2), List.of(two.get(8).span(), two.get(9).span()));
        assertArrayEquals(new double[]{16, 16, 16, 16, 16, 20},
                BoardGrid.rowPercents(two, 2, 20), 1e-9, "a wide last row takes its share");
    }
}
