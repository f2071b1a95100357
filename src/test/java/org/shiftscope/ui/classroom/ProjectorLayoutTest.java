// The window at a projector's 1280×720, headless under Monocle, in normal mode and in presentation mode at 1.5×
// and 2×, with charts filled by real training, before and after the spectral density joins them: no chart is
// under 120 px tall, no text in the window is cut with "…", no y label is longer than its axis, every key
// (legend) lies inside its plot and takes little of it, and λ1, η·λ1 and the step stay in view.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.main.MainViewTest;

import org.shiftscope.ui.charts.ChartKey;
import org.shiftscope.ui.charts.EventMarker;
import org.shiftscope.ui.charts.HeatmapView;
import org.shiftscope.ui.charts.LiveChart;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;

import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.net.BnMode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutTest {
    /** Issue 20: no chart under this height at 1280×720. */
    private static final double MIN_CHART_HEIGHT = 120;
    /** A key may cover at most this share of its plot's area (ChartFX's legends took a quarter of the chart). */
    private static final double MAX_KEY_SHARE = 0.2;
    /** Layout positions are compared to this many pixels (sub-pixel snapping). */
    private static final double LAYOUT_TOLERANCE = 1.0;
    private static final List<Double> SCALES = List.of(1.0, 1.5, 2.0);

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

    @Test
    void at1280By720EveryChartIsTallEnoughAndNoTextIsCutInNormalAndPresentationMode(FxRobot robot) throws Exception {
        robot.interact(app.vm.runs()::start);
        MainViewTest.waitUntil(() -> app.vm.runs().stepsProperty().get() >= 60 && app.view.hessianChart().pointCount() > 0);
        robot.interact(app.vm.runs()::pause);
        checkEveryScale(robot, 9);                                 // the eight, and where the shift lives

        robot.interact(() -> app.vm.settings().bnModeProperty().set(BnMode.OFF));        // a BN switch brings a density
        robot.interact(app.vm.runs()::step);
        MainViewTest.waitUntil(() -> app.view.densityChart().getScene() != null && app.view.densityChart().pointCount() > 0);
        robot.interact(app.vm.runs()::pause);
        checkEveryScale(robot, 10);
    }

    private void checkEveryScale(FxRobot robot, int charts) throws Exception {
        for (double scale : SCALES) {
            robot.interact(() -> app.appearance.scaleProperty().set(scale));
            settle();
            var problems = new ArrayList<String>();
            var heights = new ArrayList<String>();
            int seen = 0;
            for (Node cell : app.view.board().visibleCharts()) {
                for (Node chart : charts(cell)) {
                    seen++;
                    double height = chart.getLayoutBounds().getHeight();
                    heights.add(chart.getId() + " " + Math.round(height));
                    if (height < MIN_CHART_HEIGHT) {
                        problems.add(chart.getId() + " is " + height + " px tall");
                    }
                    if (chart instanceof LiveChart live) {
                        problems.addAll(liveChartProblems(live));
                    } else if (chart instanceof HeatmapView heatmap && !heatmapTitleFits(heatmap)) {
                        problems.add(heatmap.getId() + ": the title '" + heatmap.title() + "' is squeezed");
                    }
                }
            }
            problems.addAll(cutTexts());
            problems.addAll(keyFiguresProblems());
            String at = " at " + scale + "× (" + String.join(", ", heights) + ")";
            assertEquals(charts, seen, "charts laid out" + at);
            assertTrue(problems.isEmpty(), String.join("\n", problems) + at);
        }
    }

    /** Two pulses: the board picks its columns once the new fonts have set its height. */
    private static void settle() {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private static List<Node> charts(Node cell) {
        return cell instanceof Parent parent && !(cell instanceof LiveChart) && !(cell instanceof HeatmapView)
                ? parent.getChildrenUnmodifiable() : List.of(cell);
    }

    private static List<String> liveChartProblems(LiveChart chart) {
        var problems = new ArrayList<String>();
        var y = chart.chart().getYAxis();
        String name = y.getName();
        if (!name.isEmpty() && width(name, ((AbstractAxis) y).getAxisLabel().getFont())
                > ((AbstractAxis) y).getLayoutBounds().getHeight()) {
            problems.add(chart.getId() + ": the y label '" + name + "' is longer than its axis");
        }
        ChartKey key = chart.key();
        if (key.isVisible()) {
            Bounds plot = chart.chart().getPlotForeground().getLayoutBounds();
            Bounds keyBounds = key.getBoundsInParent();
            if (keyBounds.getMinX() < -LAYOUT_TOLERANCE || keyBounds.getMinY() < -LAYOUT_TOLERANCE
                    || keyBounds.getMaxX() > plot.getWidth() + LAYOUT_TOLERANCE
                    || keyBounds.getMaxY() > plot.getHeight() + LAYOUT_TOLERANCE) {
                problems.add(chart.getId() + ": the key " + keyBounds + " leaves the plot " + plot);
            }
            Node badge = chart.chart().getPlotForeground().getChildrenUnmodifiable().get(1);
            if (badge.isVisible() && badge.getBoundsInParent().intersects(keyBounds)) {
                problems.add(chart.getId() + ": the key " + keyBounds + " covers the badge " + badge.getBoundsInParent());
            }
            double share = keyBounds.getWidth() * keyBounds.getHeight() / (plot.getWidth() * plot.getHeight());
            if (share > MAX_KEY_SHARE) {
                problems.add(chart.getId() + ": the key covers " + Math.round(100 * share) + "% of the plot");
            }
        }
        return problems;
    }

    private static boolean heatmapTitleFits(HeatmapView heatmap) {
        Text style = (Text) heatmap.lookup(".heatmap-text");
        return width(heatmap.title(), style.getFont()) <= heatmap.getWidth();
    }

    /** Every visible Labeled whose skin shows less than its text (ellipsis), chart titles included. */
    private List<String> cutTexts() {
        var cut = new ArrayList<String>();
        for (Node node : app.view.lookupAll("*")) {
            if (node instanceof Labeled labeled && treeVisible(labeled) && !insideClosedPopupList(labeled)
                    && !EventMarker.isLabel(labeled)                // placed and sized by ChartFX on a pulse of its own
                    && labeled.getText() != null && !labeled.getText().isEmpty()
                    && labeled.lookup(".text") instanceof Text shown && !shown.getText().equals(labeled.getText())) {
                cut.add("'" + labeled.getText() + "' is shown as '" + shown.getText() + "'");
            }
        }
        return cut;
    }

    /** The step, λ1 and η·λ1 are shown whole, inside the window, at least as large as the body text. */
    private List<String> keyFiguresProblems() {
        var problems = new ArrayList<String>();
        Labeled step = (Labeled) app.view.lookup("#key-step");
        Labeled curvature = (Labeled) app.view.lookup("#key-curvature");
        if (!curvature.getText().contains("η·λ1 = ") || !step.getText().startsWith("Step ")) {
            problems.add("key figures: '" + step.getText() + "', '" + curvature.getText() + "'");
        }
        for (Labeled figure : List.of(step, curvature)) {
            Bounds b = figure.localToScene(figure.getLayoutBounds());
            if (!treeVisible(figure) || b.getMinX() < 0 || b.getMaxX() > ClassroomFixture.WIDTH + LAYOUT_TOLERANCE
                    || b.getMinY() < 0 || b.getMaxY() > ClassroomFixture.HEIGHT) {
                problems.add(figure.getId() + " is not in view: " + b);
            }
            double body = Appearance.normalFontSize() * app.appearance.scaleProperty().get();
            if (figure.getFont().getSize() < body) {
                problems.add(figure.getId() + " is smaller (" + figure.getFont().getSize() + ") than the body text");
            }
        }
        return problems;
    }

    private static double width(String s, Font font) {
        var text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }

    /** A combo box keeps its closed popup's list among its children; that list is not on screen (its button is). */
    private static boolean insideClosedPopupList(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ListView<?>) {
                return true;
            }
        }
        return false;
    }

    private static boolean treeVisible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
