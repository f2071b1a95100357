// The charts of Page's shift experiments on a real board, headless: laid out once their reports arrive, bars at
// whole classes and layers from zero, the notes, one count axis for two runs, and never a lock on a chart's data
// when a new chart joins the board (a ChartFX chart put back into a scene with a change pending locks its data).
package org.shiftscope.ui.charts;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.shift.LayerShiftReport;
import org.shiftscope.model.shift.LayerShiftShare;
import org.shiftscope.model.shift.PerturbationDirection;
import org.shiftscope.model.shift.PerturbationReport;
import org.shiftscope.model.shift.PerturbationRequest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ShiftChartsTest {
    static final long FRAME_TIMEOUT_SECONDS = 10;
    private ChartBoard board;

    @Start
    void start(Stage stage) {
        board = new ChartBoard();
        stage.setScene(new Scene(board, 1200, 800));
        stage.show();
    }

    static RunHistory history() {
        var history = new RunHistory(NetworkShape.mlpWithBatchNorm());
        for (int s = 1; s <= 3; s++) {
            history.add(GradientLinesTest.step(s, 1, 2, 3));
        }
        return history;
    }

    static PerturbationReport perturbation(int[] after) {
        return new PerturbationReport(3, 0, BnMode.ON, new PerturbationRequest(PerturbationDirection.CLASS_MEAN, 3, 0.01, 1),
                new int[]{5, 5, 5, 5}, after, 0.3);
    }

    static LayerShiftReport split(double... squared) {
        return new LayerShiftReport(3, 0, BnMode.ON, 2, new LayerShiftShare(List.of("dense0.W", "dense1.W", "dense2.W"), squared));
    }

    /** One frame as the window draws it, then pulses; fails instead of hanging when the board waits for a lock. */
    private void frame(FxRobot robot, List<ChartRun> runs) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> board.show(runs, false, true, false)).get(FRAME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            Thread.sleep(40);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    @Test
    void theShiftChartsJoinTheBoardWithTheirReportsAndDrawBarsAtWholeClassesAndLayers(FxRobot robot) throws Exception {
        var history = history();
        var runs = List.of(new ChartRun("BN on", history));
        frame(robot, runs);
        var layers = board.layerShiftChart(false);
        var classes = board.perturbationChart(false);
        assertFalse(board.visibleCharts().contains(layers) || board.visibleCharts().contains(classes), "nothing to show yet");

        history.add(split(1, 2, 20));
        frame(robot, runs);
        frame(robot, runs);                                  // the same data again: the chart keeps its data set
        assertTrue(board.visibleCharts().contains(layers));
        assertArrayEquals(new double[]{1, 2, 3}, layers.shownSeries().get(0).xs());
        assertEquals("class 2 · classifier 87% · step 3", layers.badgeText());
        assertEquals(0.5, layers.chart().getXAxis().getMin(), 0.2, "half a bar beyond the first layer");
        assertTrue(layers.chart().getYAxis().getMin() <= 0, "bars stand on zero");

        history.setPerturbing(true);
        frame(robot, runs);
        assertFalse(board.visibleCharts().contains(classes));
        history.add(perturbation(new int[]{1, 1, 1, 17}));
        history.setPerturbing(false);
        frame(robot, runs);                                  // a new chart joins: no other chart's data may be locked
        frame(robot, runs);
        assertTrue(board.visibleCharts().contains(classes) && board.visibleCharts().contains(layers));
        var bars = classes.shownSeries();
        assertEquals(2, bars.size());
        assertArrayEquals(new double[]{5, 5, 5, 5}, bars.get(0).ys());
        assertArrayEquals(new double[]{1, 1, 1, 17}, bars.get(1).ys());
        assertEquals(3 + ShiftBars.BAR_OFFSET, bars.get(1).xs()[3], 1e-12, "after beside before at class 3");
        assertEquals("1% along ∂ mean logit 3 at step 3: class 3 predicted for 25% → 85%", classes.badgeText());
        history.perturbationKept();
        frame(robot, runs);
        assertTrue(classes.badgeText().endsWith(" · kept"), classes.badgeText());
    }

    @Test
    void theSummaryNamesTheRaisedClassOfAClassMeanMoveAndTheTopClassOfAnyOther() {
        var on = history();
        var off = history();
        on.add(perturbation(new int[]{9, 5, 4, 2}));              // class 3 barely raised; class 0 still the most
        off.add(perturbation(new int[]{0, 0, 1, 19}));
        assertEquals("Perturbed 1% along ∂ mean logit 3: BN on, class 3 predicted for 25% → 10% · BN off, class 3 "
                + "predicted for 25% → 95%", ShiftBars.summary(List.of(new ChartRun("BN on", on), new ChartRun("BN off", off))));
        var random = history();
        random.add(new PerturbationReport(3, 0, BnMode.ON, new PerturbationRequest(PerturbationDirection.RANDOM, 0, 0.02, 1),
                new int[]{5, 5, 5, 5}, new int[]{4, 8, 4, 4}, 0.3));
        assertEquals("Perturbed 2% along a random direction: class 1 predicted for 25% → 40%",
                ShiftBars.summary(List.of(new ChartRun("BN on", random))));
    }

    @Test
    void twoRunsHaveAChartEachOnOneCountAxis(FxRobot robot) throws Exception {
        var on = history();
        var off = history();
        on.add(perturbation(new int[]{4, 5, 5, 6}));
        off.add(perturbation(new int[]{0, 0, 1, 19}));
        frame(robot, List.of(new ChartRun("BN on", on), new ChartRun("BN off", off)));
        var first = board.perturbationChart(false);
        var second = board.perturbationChart(true);
        assertTrue(board.visibleCharts().containsAll(List.of(first, second)));
        assertTrue(first.title().endsWith("BN on") && second.title().endsWith("BN off"), first.title() + " / " + second.title());
        assertEquals(first.chart().getYAxis().getMax(), second.chart().getYAxis().getMax(), "one count axis");
        assertTrue(first.chart().getYAxis().getMax() >= 19);
    }
}
