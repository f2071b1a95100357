// "What am I looking at?" on the real window: hovering a chart's title (ChartFX's title label, or the
// heatmap's title band) shows that chart's entry; the plot itself does not; scenarios show theirs.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.charts.HeatmapView;
import org.shiftscope.ui.charts.LiveChart;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;

import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ExplanationPanelTest {
    @TempDir
    Path exportFolder;
    private ClassroomFixture app;

    @Start
    void start(Stage stage) {
        app = new ClassroomFixture(stage, new Appearance(Theme.LIGHT, 1), () -> exportFolder);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private String shown() {
        WaitForAsyncUtils.waitForFxEvents();
        return app.window.explanationPanel().shownIdProperty().get();
    }

    private Node titleOf(LiveChart chart) {
        return chart.chart().getTitleLabel();
    }

    @Test
    void hoveringAChartTitleShowsThatChartsEntry(FxRobot robot) {
        var panel = app.window.explanationPanel();
        assertEquals(ExplanationPanel.OVERVIEW, shown());

        robot.moveTo("#status-bar");          // from below, the way into the plot crosses no title
        robot.interact(() -> panel.showScenario(ExplanationPanel.OVERVIEW, ""));
        robot.moveTo(app.view.hessianChart().chart().getCanvas());
        assertEquals(ExplanationPanel.OVERVIEW, shown(), "hovering a plot, not its title, changes nothing");

        robot.moveTo(titleOf(app.view.lossChart()));
        assertEquals("loss-chart", shown());
        assertTrue(panel.shownText().startsWith("Loss (cross-entropy)"), panel.shownText());
        assertTrue(panel.shownText().contains("ln 10"), "what to watch for: chance level");

        Node heatmap = robot.lookup("#heatmap").query();
        robot.moveTo(heatmap, Pos.TOP_CENTER, new Point2D(0, 6), Motion.DIRECT);
        assertEquals("heatmap", shown());
        assertTrue(panel.shownText().contains("between"), panel.shownText());

        robot.moveTo(titleOf(app.view.hessianChart()));
        assertEquals("hessian-chart", shown());
        assertTrue(panel.shownText().contains("2/η"), panel.shownText());

        robot.clickOn("#explain-back");
        assertEquals(ExplanationPanel.OVERVIEW, shown());
    }

    @Test
    void everyChartInTheWindowHasAnEntry(FxRobot robot) {
        var explanations = new Explanations(Locale.ROOT);
        int charts = 0;
        for (Node node : app.view.lookupAll("*")) {
            if (node instanceof LiveChart || node instanceof HeatmapView) {
                charts++;
                var entry = explanations.find(node.getId());
                assertTrue(entry.isPresent(), "no explanation for " + node.getId());
                assertTrue(entry.get().blocks().size() >= 4, node.getId() + " says what, how or what to watch for");
                assertTrue(entry.get().plainText().contains("Source"), node.getId() + " names its source");
            }
        }
        assertEquals(9, charts);                      // the eight of a run's start, and where the shift lives
    }

    @Test
    void aScenarioShowsItsEntryOrTheFallbackText(FxRobot robot) {
        var panel = app.window.explanationPanel();
        robot.interact(() -> panel.showScenario("freeze-bn-curvature", "unused"));
        assertEquals("freeze-bn-curvature", shown());
        assertTrue(panel.shownText().contains("17.6"), panel.shownText());

        robot.interact(() -> panel.showScenario("new-scenario", "A description from the scenario file."));
        assertTrue(panel.shownText().contains("A description from the scenario file."), panel.shownText());

        robot.moveTo(titleOf(app.view.lossChart()));
        robot.clickOn("#explain-back");
        assertEquals("new-scenario", shown(), "back returns to the current scenario");
    }
}
