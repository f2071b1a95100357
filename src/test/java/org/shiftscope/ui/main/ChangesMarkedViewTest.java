// Every change is marked, in the window headless under Monocle: after a real click on "BN off" every time chart
// carries a marker "BN on → off" at the switch's step, no line joins a point of one mode to one of the other,
// the λ chart has the same weights measured in both modes at the switch, and the "Metrics…" export records the
// history (events.csv, the BN mode and η of every row, config.json pointing to the events).
package org.shiftscope.ui.main;

import org.shiftscope.ui.charts.ChartSeries;
import org.shiftscope.ui.charts.LiveChart;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.io.EventsCsv;
import org.shiftscope.model.io.HessianCsv;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.RunRecorder;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.TrainerState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ChangesMarkedViewTest {
    /** Steps trained in the new mode before the charts are checked. */
    static final int STEPS_AFTER = 30;
    private WindowFixture window;
    private WindowViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        window = new WindowFixture(stage, 1280, 800);
        vm = window.vm;
        view = window.view;
    }

    @AfterEach
    void close() {
        window.close();
    }

    @Test
    void aBnSwitchIsMarkedOnEveryTimeChartAndNoLineCrossesIt(FxRobot robot, @TempDir Path export) throws Exception {
        robot.clickOn("#start");
        MainViewTest.waitUntil(() -> vm.runs().history().latestHessian() != null && vm.runs().history().stepsRecorded() > 20);
        robot.clickOn("#bn-off");
        MainViewTest.waitUntil(() -> vm.runs().history().markedEvents().size() == 1);
        long switchStep = vm.runs().history().markedEvents().get(0).step();
        MainViewTest.waitUntil(() -> vm.runs().history().latestStep().step() > switchStep + STEPS_AFTER
                && vm.runs().history().latestHessian().bnMode() == BnMode.OFF);
        robot.clickOn("#pause");
        MainViewTest.waitUntil(() -> vm.runs().stateProperty().get() == TrainerState.PAUSED);

        for (LiveChart chart : List.of(view.lossChart(), view.meanChart(), view.hessianChart())) {
            assertEquals("BN on → off", chart.markerTexts().get(0), chart.title());
            assertEquals(switchStep, chart.markerSteps().get(0), chart.title());
            assertTrue(chart.markerTexts().stream().skip(1).allMatch(t -> t.endsWith("(off the chart)")),
                    "besides the switch, at most a clipped peak (the loss may jump when BN goes off): " + chart.markerTexts());
        }
        for (ChartSeries line : view.lossChart().shownSeries()) {
            assertBrokenAt(line, switchStep);
        }
        for (ChartSeries line : view.meanChart().shownSeries()) {
            assertBrokenAt(line, switchStep);
        }
        ChartSeries lambda1 = view.hessianChart().shownSeries().get(0);
        int gap = indexOfNaN(lambda1);
        assertTrue(gap > 0 && gap < lambda1.size() - 1, "the λ1 line is broken at the switch");
        assertEquals(switchStep, lambda1.xs()[gap - 1], "λ1 in BN on, on the weights of the switch");
        assertEquals(switchStep, lambda1.xs()[gap + 1], "λ1 in BN off, on the same weights");

        SyncCalls.exportMetrics(vm, export);
        var events = Files.readAllLines(export.resolve(RunRecorder.EVENTS_FILE));
        assertEquals(EventsCsv.HEADER, events.get(0));
        assertEquals(switchStep + ",bn_mode,on,off,user", events.get(1));
        var metrics = Files.readAllLines(export.resolve("metrics.csv"));
        assertEquals(RunRecorder.METRICS_HEADER, metrics.get(0));
        assertTrue(metrics.get((int) switchStep).endsWith(",on") && metrics.get((int) switchStep + 1).endsWith(",off"),
                "each row names its step's BN mode");
        var layers = Files.readAllLines(export.resolve("layers.csv"));
        assertTrue(layers.get(0).endsWith(",bn_mode,lr") && layers.get(layers.size() - 1).endsWith(",off,0.05"));
        var hessian = Files.readAllLines(export.resolve("hessian.csv"));
        assertEquals(HessianCsv.HEADER, hessian.get(0));
        assertTrue(hessian.stream().anyMatch(r -> r.startsWith(switchStep + ",1,") && r.endsWith(",on,0.05"))
                && hessian.stream().anyMatch(r -> r.startsWith(switchStep + ",1,") && r.endsWith(",off,0.05")),
                "the weights of the switch, measured in both modes");
        var config = Json.mapper().readTree(export.resolve("config.json").toFile());
        assertEquals("on", config.path("config").path("optimizer").path("bn_mode").asText(), "what the run started with");
        assertEquals(RunRecorder.EVENTS_FILE, config.path("events").asText());
        assertEquals("off", config.path("final_settings").path("bn_mode").asText());
        assertTrue(vm.export().settingsTitle().endsWith("BN on → off at " + switchStep), vm.export().settingsTitle());
    }

    /** The line has a NaN break at the switch, with every point before it of earlier steps and every one after of later. */
    static void assertBrokenAt(ChartSeries line, long switchStep) {
        int gap = indexOfNaN(line);
        assertTrue(gap >= 0, line.name() + " has no break");
        for (int i = 0; i < line.size(); i++) {
            if (i < gap) {
                assertTrue(line.xs()[i] <= switchStep, line.name() + ": a point of BN off before the break");
            } else if (i > gap) {
                assertTrue(line.xs()[i] > switchStep, line.name() + ": a point of BN on after the break");
            }
        }
    }

    private static int indexOfNaN(ChartSeries line) {
        for (int i = 0; i < line.size(); i++) {
            if (Double.isNaN(line.ys()[i])) {
                return i;
            }
        }
        return -1;
    }
}
