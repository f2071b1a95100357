// A divergence at the end of a long run stays on the charts, headless under Monocle: after 5,587 steps (the
// series thinned many times) the loss line still ends at the divergent step, a marker names it, and the y axis
// clips the blow-up, naming its value, instead of squashing the rest of the run to a flat line.
package org.shiftscope.ui.main;

import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.ui.charts.ChartBoard;
import org.shiftscope.ui.charts.ChartRun;
import org.shiftscope.ui.charts.ChartSeries;
import org.shiftscope.ui.charts.RunHistory;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.train.Divergence;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.StepRecord;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class DivergenceShownTest {
    /** The run of the issue: it diverged at step 5587 with a training loss of 432. */
    static final long DIVERGED_AT = 5587;
    static final double EXPLODED_LOSS = 432.0;
    static final int DEPTH = 3;
    static final long SEED = 11;
    private ChartBoard board;

    @Start
    void start(Stage stage) {
        board = new ChartBoard();
        stage.setScene(new Scene(board, 1280, 800));
        stage.show();
    }

    @Test
    void theDivergentStepSurvivesThinningAndItsBlowUpIsClipped(FxRobot robot) throws Exception {
        var history = new RunHistory(NetworkShape.mlpWithBatchNorm());
        var random = new Random(SEED);
        var layers = new LayerStats[DEPTH];
        for (int l = 0; l < DEPTH; l++) {
            layers[l] = new LayerStats(0.1 * l, 1, 0.9, 0.1, -1, 0, 1, 0.01);
        }
        var settings = new LiveSettings(3.16, 0, false, 0, BnMode.OFF);
        for (long step = 1; step <= DIVERGED_AT; step++) {
            boolean last = step == DIVERGED_AT;
            double loss = last ? EXPLODED_LOSS : 0.5 + 0.01 * random.nextGaussian();
            history.add(new StepRecord(step, settings, loss, 0.8, Double.NaN, Double.NaN, layers, layers, new double[0],
                    last ? new Divergence(step, "the training loss exploded to 432.0") : null));
        }
        history.setEvents(List.of(RunEvent.diverged(new Divergence(DIVERGED_AT, "the training loss exploded"))));
        robot.interact(() -> board.show(List.of(new ChartRun("BN off", history)), false, true, false));
        WaitForAsyncUtils.waitForFxEvents();

        var loss = board.lossChart();
        ChartSeries batch = loss.shownSeries().stream().filter(s -> s.name().equals("train (batch)")).findFirst().orElseThrow();
        assertTrue(batch.size() <= RunHistory.CAPACITY + 3, "the line was thinned: " + batch.size() + " points");
        assertEquals(DIVERGED_AT, batch.xs()[batch.size() - 1], "the divergent step is the line's last point");
        assertEquals(EXPLODED_LOSS, batch.ys()[batch.size() - 1]);
        assertEquals(List.of("diverged", "↑ 432 (off the chart)"), loss.markerTexts());
        assertEquals(List.of((double) DIVERGED_AT, (double) DIVERGED_AT), loss.markerSteps());
        double[] yRange = loss.dataRange(false);
        assertTrue(yRange[1] < 2, "the axis shows the run's body, not the blow-up: top " + yRange[1]);
    }
}
