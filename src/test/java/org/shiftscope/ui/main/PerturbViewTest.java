// Page's perturbation in the real window, headless under Monocle: pick a direction, press Perturb, read the
// histogram chart (two series of counts over the evaluation set), check the live weights bit for bit, then Keep.
package org.shiftscope.ui.main;

import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.model.shift.PerturbationDirection;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.ui.charts.ChartSeries;
import org.shiftscope.ui.charts.LiveChart;
import org.shiftscope.ui.runs.RunLane;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.ui.main.MainViewTest.TIMEOUT_SECONDS;
import static org.shiftscope.ui.main.MainViewTest.waitUntil;

@ExtendWith(ApplicationExtension.class)
class PerturbViewTest {
    /** The kept move's length against the report's, in float32 weights. */
    static final double STEP_TOLERANCE = 1e-3;
    private WindowFixture window;
    private WindowViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = new WindowFixture(stage, 1400, 900);
        vm = window.vm;
        view = window.view;
    }

    @AfterEach
    void close() {
        window.close();
    }

    private double[] weights(RunLane lane) throws Exception {
        return lane.trainer().shift().currentWeights().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private void trainThenPause(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> vm.runs().stepsProperty().get() >= 20);
        robot.clickOn("#pause");
        waitUntil(() -> vm.runs().stateProperty().get() == TrainerState.PAUSED);
        robot.interact(() -> robot.lookup(".scroll-pane").queryAs(ScrollPane.class).setVvalue(1));   // the Perturb block, last
    }

    /** Both series of the chart count every example of the evaluation set once. */
    private static boolean showsBeforeAndAfter(LiveChart chart, int examples) {
        var shown = chart.shownSeries();
        return shown.size() == 2 && shown.stream().allMatch(s -> Arrays.stream(s.ys()).sum() == examples);
    }

    @Test
    void perturbShowsTheClassesBeforeAndAfterAndLeavesTheWeightsAloneUntilKept(FxRobot robot) throws Exception {
        int examples = vm.runs().runningConfig().hessian().samples();
        trainThenPause(robot);
        RunLane lane = vm.runs().lanes().get(0);
        double[] before = weights(lane);

        robot.clickOn("#perturb-direction").clickOn(PerturbationDirection.RANDOM.label());
        assertEquals(PerturbationDirection.RANDOM, vm.perturbation().directionProperty().get());
        robot.clickOn("#perturb-direction").clickOn(PerturbationDirection.CLASS_MEAN.label());
        robot.clickOn("#perturb");
        LiveChart chart = view.board().perturbationChart(false);
        waitUntil(() -> view.board().visibleCharts().contains(chart) && showsBeforeAndAfter(chart, examples));
        var after = chart.shownSeries().get(1);
        assertTrue(after.name().contains("along ∂ mean logit 3"), after.name());
        assertArrayEquals(before, weights(lane), "the live weights are exactly as they were");
        assertTrue(lane.snapshot().events().isEmpty());

        waitUntil(() -> !robot.lookup("#keep-perturbation").queryButton().isDisabled());
        robot.clickOn("#keep-perturbation");
        waitUntil(() -> lane.snapshot().events().stream().anyMatch(e -> e.kind() == RunEvent.Kind.WEIGHTS));
        RunEvent kept = lane.snapshot().events().get(0);
        assertEquals(RunEvent.Cause.USER, kept.cause());
        assertEquals(lane.snapshot().stepsTaken(), kept.step());
        double[] moved = weights(lane);
        double distance = 0;
        for (int i = 0; i < moved.length; i++) {
            distance += (moved[i] - before[i]) * (moved[i] - before[i]);
        }
        double stepNorm = lane.history().latestPerturbation().stepNorm();
        assertEquals(stepNorm, Math.sqrt(distance), STEP_TOLERANCE * stepNorm, "Keep moved the weights by the step");
        waitUntil(() -> view.lossChart().markerTexts().stream().anyMatch(t -> t.startsWith("weights moved 1% along")));
        assertTrue(robot.lookup("#keep-perturbation").queryButton().isDisabled(), "a move is kept once");
    }

    @Test
    void inComparisonModeEachRunHasItsOwnHistogram(FxRobot robot) throws Exception {
        int examples = vm.runs().runningConfig().hessian().samples();
        robot.clickOn("#compare");
        waitUntil(() -> vm.runs().runCount() == 2);
        trainThenPause(robot);
        double[][] before = {weights(vm.runs().lanes().get(0)), weights(vm.runs().lanes().get(1))};

        robot.clickOn("#perturb");
        LiveChart first = view.board().perturbationChart(false);
        LiveChart second = view.board().perturbationChart(true);
        waitUntil(() -> showsBeforeAndAfter(first, examples) && showsBeforeAndAfter(second, examples)
                && view.board().visibleCharts().contains(second));
        assertTrue(first.title().endsWith("BN on") && second.title().endsWith("BN off"), first.title() + " / " + second.title());
        assertEquals(first.chart().getYAxis().getMax(), second.chart().getYAxis().getMax(), "one count axis");
        for (int run = 0; run < 2; run++) {
            assertArrayEquals(before[run], weights(vm.runs().lanes().get(run)), "run " + run + "'s weights as they were");
        }
        for (ChartSeries s : second.shownSeries()) {
            assertFalse(s.dashed(), "bars of one run per chart");
        }
    }
}
