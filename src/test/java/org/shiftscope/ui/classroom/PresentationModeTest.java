// Presentation mode on real nodes: fonts of controls, chart titles, axis ticks and the heatmap grow with the
// scale, and at 1.5× and 2× every visible control of a 1280×720 window lies inside it at full size.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.controls.ControlPanel;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {
    /** Font sizes are compared to this many pixels (CSS rounds em sizes to about 0.05 px). */
    private static final double FONT_TOLERANCE = 0.1;
    /** Layout positions are compared to this many pixels (sub-pixel snapping). */
    private static final double LAYOUT_TOLERANCE = 1.0;

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

    /** Font sizes of representative real nodes at the current scale. */
    private record Fonts(double panelLabel, double startButton, double chartTitle, double axisTicks, double heatmap,
                         double explanation) {
    }

    private Fonts measure(FxRobot robot, double scale) {
        robot.interact(() -> app.appearance.scaleProperty().set(scale));
        robot.interact(() -> app.window.explanationPanel().setVisible(true));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> app.view.applyCss());
        Label panelLabel = robot.from(app.view).lookup(".label")
                .match((Label l) -> "Learning rate η".equals(l.getText())).query();
        Button start = robot.lookup("#start").queryAs(Button.class);
        Label title = robot.from(app.view.lossChart()).lookup(".chart-title").queryAs(Label.class);
        Text tick = robot.from(app.view.lossChart()).lookup(".axis-tick-label").queryAs(Text.class);
        Text heatmap = robot.lookup("#heatmap .heatmap-text").queryAs(Text.class);
        Label explanation = robot.from(app.window.explanationPanel()).lookup(".explain-text").queryAs(Label.class);
        return new Fonts(panelLabel.getFont().getSize(), start.getFont().getSize(), title.getFont().getSize(),
                tick.getFont().getSize(), heatmap.getFont().getSize(), explanation.getFont().getSize());
    }

    @Test
    void everyMeasuredFontGrowsWithThePresentationScale(FxRobot robot) {
        double base = Appearance.normalFontSize();
        Fonts normal = measure(robot, 1);
        assertEquals(base, normal.panelLabel(), FONT_TOLERANCE);
        assertEquals(base, normal.startButton(), FONT_TOLERANCE);
        for (double scale : List.of(1.5, 2.0)) {
            Fonts f = measure(robot, scale);
            String at = " at " + scale + "×: " + f;
            assertEquals(base * scale, f.panelLabel(), FONT_TOLERANCE, "settings labels" + at);
            assertTrue(f.startButton() > base * scale, "demo controls are enlarged beyond the scale" + at);
            assertEquals(normal.axisTicks() * scale, f.axisTicks(), FONT_TOLERANCE, "ChartFX tick labels" + at);
            assertTrue(f.chartTitle() >= normal.chartTitle() * scale * 0.9, "ChartFX titles" + at);
            assertEquals(normal.heatmap() * scale, f.heatmap(), FONT_TOLERANCE, "heatmap text" + at);
            assertEquals(normal.explanation() * scale, f.explanation(), FONT_TOLERANCE, "explanations" + at);
        }
    }

    @Test
    void presentationHidesSecondaryControlsAndNormalModeBringsThemBack(FxRobot robot) {
        robot.interact(() -> app.appearance.scaleProperty().set(1.5));
        assertFalse(treeVisible(robot.lookup("#momentum-slider").query()));
        assertFalse(treeVisible(robot.lookup("#dataset").query()));
        assertFalse(treeVisible(robot.lookup("#export-png").query()), "the export bar");
        assertFalse(treeVisible(robot.lookup("#status-resources").query()));
        assertTrue(robot.lookup("#lr-slider").query().isVisible());
        assertTrue(robot.lookup("#bn-frozen").query().isVisible());
        robot.interact(() -> app.appearance.scaleProperty().set(1));
        assertTrue(treeVisible(robot.lookup("#momentum-slider").query()));
        assertTrue(treeVisible(robot.lookup("#dataset").query()));
        assertTrue(treeVisible(robot.lookup("#export-png").query()));
    }

    @Test
    void at1_5And2TimesEveryVisibleControlFitsA1280By720WindowUnclipped(FxRobot robot) {
        for (double scale : List.of(1.5, 2.0)) {
            robot.interact(() -> app.appearance.scaleProperty().set(scale));
            WaitForAsyncUtils.waitForFxEvents();
            var problems = new ArrayList<String>();
            int checked = 0;
            for (Node node : app.view.lookupAll("*")) {
                if (!(node instanceof Control control) || !treeVisible(control) || insideComboBox(control)) {
                    continue;
                }
                checked++;
                Bounds b = control.localToScene(control.getLayoutBounds());
                if (b.getMinX() < -LAYOUT_TOLERANCE || b.getMinY() < -LAYOUT_TOLERANCE
                        || b.getMaxX() > ClassroomFixture.WIDTH + LAYOUT_TOLERANCE
                        || b.getMaxY() > ClassroomFixture.HEIGHT + LAYOUT_TOLERANCE) {
                    problems.add(describe(control) + " outside the window: " + b);
                }
                if (control.getWidth() + LAYOUT_TOLERANCE < control.minWidth(-1)) {
                    problems.add(describe(control) + " narrower (" + control.getWidth() + ") than its minimum "
                            + control.minWidth(-1));
                }
                if (mustShowWholeText(control) && truncated((Labeled) control)) {
                    problems.add(describe(control) + " shows its text cut");
                }
            }
            assertTrue(checked > 15, "controls checked at " + scale + "×: " + checked);
            assertTrue(problems.isEmpty(), "at " + scale + "×: " + String.join("\n", problems));
        }
    }

    /** Buttons, switches and the settings' labels must be read whole; status text and chart titles may shorten. */
    private static boolean mustShowWholeText(Control control) {
        if (!(control instanceof Labeled labeled) || labeled.getText() == null || labeled.getText().isEmpty()) {
            return false;
        }
        for (Node n = control; n != null; n = n.getParent()) {
            if (n instanceof ControlPanel) {
                return true;
            }
        }
        return control instanceof ButtonBase;
    }

    /** A Labeled's skin replaces the end of a text that does not fit with "…". */
    private static boolean truncated(Labeled labeled) {
        var shown = labeled.lookup(".text");
        return shown instanceof Text text && !text.getText().equals(labeled.getText());
    }

    /** A combo box keeps its closed popup's list among its children (width 0); that list is not on screen. */
    private static boolean insideComboBox(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ComboBoxBase<?>) {
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

    private static String describe(Control control) {
        String text = control instanceof Labeled l ? " '" + l.getText() + "'" : "";
        return control.getClass().getSimpleName() + (control.getId() == null ? "" : " #" + control.getId()) + text;
    }
}
