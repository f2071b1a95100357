// Comparison mode, the stress test and scenarios in the real window, headless under Monocle: real clicks,
// charts filled by two real runs, side by side on shared axes or overlaid with the second run dashed.
package org.shiftscope.ui.main;

import org.shiftscope.ui.charts.ChartSeries;
import org.shiftscope.ui.charts.LiveChart;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.scenario.ScenarioReader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.ui.main.MainViewTest.waitUntil;

@ExtendWith(ApplicationExtension.class)
class ComparisonViewTest {
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

    private LiveChart chart(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(LiveChart.class);
    }

    @Test
    void comparingShowsBothRunsSideBySideOnSharedAxesThenOverlaid(FxRobot robot) throws Exception {
        robot.clickOn("#compare");
        waitUntil(() -> vm.runs().runCount() == 2 && view.board().visibleCharts().stream().anyMatch(n -> "loss-chart-b".equals(n.getId())));
        robot.clickOn("#start");
        LiveChart left = chart(robot, "loss-chart");
        LiveChart right = chart(robot, "loss-chart-b");
        waitUntil(() -> left.pointCount() > 60 && right.pointCount() > 60);
        assertTrue(left.title().endsWith("BN on") && right.title().endsWith("BN off"), left.title() + " / " + right.title());
        waitUntil(() -> left.chart().getYAxis().getMax() == right.chart().getYAxis().getMax());
        assertEquals(left.chart().getYAxis().getMin(), right.chart().getYAxis().getMin(), "shared y axis");
        assertEquals(left.chart().getXAxis().getMax(), right.chart().getXAxis().getMax(), "shared x axis");

        robot.clickOn("#overlay");
        waitUntil(() -> view.board().visibleCharts().stream().noneMatch(n -> "loss-chart-b".equals(n.getId())));
        LiveChart loss = view.lossChart();
        waitUntil(() -> loss.shownSeries().stream().anyMatch(line -> line.name().startsWith("BN off · ")));
        var names = loss.shownSeries().stream().map(ChartSeries::name).toList();
        assertTrue(names.contains("BN on · train (smoothed)") && names.contains("BN off · train (smoothed)"), names.toString());
        for (ChartSeries line : loss.shownSeries()) {
            assertEquals(line.name().startsWith("BN off"), line.dashed(), "the second run is told apart by line style: " + line.name());
        }
        assertTrue(loss.pointCount() > 0);
    }

    @Test
    void theStressTestButtonShowsTheStressChartAndTheLearningRateClimbs(FxRobot robot) throws Exception {
        robot.clickOn("#stress-test");
        waitUntil(() -> !vm.runs().figures().stressSummaryProperty().get().isEmpty());
        waitUntil(() -> view.board().visibleCharts().contains(view.board().stressChart()));
        waitUntil(() -> vm.runs().stepsProperty().get() > 210);
        assertTrue(vm.settings().learningRateProperty().get() > MainViewTest.config().optimizer().learningRate(),
                "the slider follows the stress test's η");
        waitUntil(() -> view.board().stressChart().pointCount() > 2);
        robot.clickOn("#reset");
        waitUntil(() -> vm.runs().figures().stressSummaryProperty().get().isEmpty()
                && !view.board().visibleCharts().contains(view.board().stressChart()));
    }

    @Test
    void pickingAScenarioSetsTheControlsShowsItsExplanationAndCanBeLeft(FxRobot robot) throws Exception {
        Scenario freeze = ScenarioReader.bundled("freeze-bn-curvature");
        @SuppressWarnings("unchecked")
        ComboBox<Scenario> picker = robot.lookup("#scenario").queryAs(ComboBox.class);
        robot.clickOn(picker);
        robot.clickOn(freeze.title());
        waitUntil(() -> vm.choices().scenarioProperty().get() != null);
        Node banner = robot.lookup("#scenario-banner").query();
        waitUntil(banner::isVisible);
        assertEquals("Scenario: " + freeze.title(), robot.lookup("#scenario-title").queryLabeled().getText());
        assertEquals(String.join("\n", freeze.explanation()), robot.lookup("#scenario-text").queryLabeled().getText());
        assertEquals(freeze.config().optimizer().learningRate(), vm.settings().learningRateProperty().get());
        assertEquals(freeze.config().depth(), vm.settings().depthProperty().get());
        assertFalse(vm.settings().comparisonProperty().get());
        robot.clickOn("#leave-scenario");
        waitUntil(() -> !banner.isVisible() && vm.choices().scenarioProperty().get() == null);
        List<Scenario> items = picker.getItems();
        assertEquals(ScenarioReader.bundled().size(), items.size());
    }
}
