// The shortcut sheet opened with "?" over a 1280×720 window, at 1×, 1.5× and 2×: every key and description is
// drawn in full (no ellipsis), the sheet fits inside the window, and it is placed over it, not off screen.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;

import javafx.geometry.Bounds;
import javafx.geometry.BoundingBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ShortcutSheetTest {
    /** Pixels by which text boxes may touch without overlapping (sub-pixel snapping of adjacent lines). */
    private static final double EDGE = 0.5;

    @TempDir
    Path exportFolder;
    private Stage stage;
    private ClassroomFixture app;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new ClassroomFixture(stage, new Appearance(Theme.LIGHT, 1), () -> exportFolder);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (app.window.commands().sheet() != null && app.window.commands().sheet().isShowing()) {
                app.window.commands().sheet().toggle();
            }
        });
        app.close();
    }

    @Test
    void everyKeyAndDescriptionIsShownInFullInsideTheWindowAtEveryPresentationScale(FxRobot robot) {
        for (double scale : new double[]{2, 1, 1.5, 2}) {
            robot.interact(() -> {
                app.appearance.scaleProperty().set(scale);
                app.view.requestFocus();
            });
            robot.push(KeyCode.SHIFT, KeyCode.SLASH);
            WaitForAsyncUtils.waitForFxEvents();
            ShortcutSheet sheet = app.window.commands().sheet();
            assertTrue(sheet.isShowing());
            String at = " at " + scale + "×";

            var labels = List.copyOf(robot.from(sheet.content()).lookup(".label").queryAllAs(Labeled.class));
            assertEquals(2 * Shortcut.values().length + 1, labels.size(), "keys, descriptions and the note" + at);
            var cut = new ArrayList<String>();
            for (Labeled label : labels) {
                String drawn = ((Text) label.lookup(".text")).getText();
                if (!drawn.equals(label.getText())) {
                    cut.add("'" + label.getText() + "' drawn as '" + drawn + "'");
                }
            }
            assertEquals(List.of(), cut, "truncated" + at);
            var overlapping = new ArrayList<String>();
            for (int i = 0; i < labels.size(); i++) {
                Bounds a = boundsOf(labels.get(i));
                for (int j = i + 1; j < labels.size(); j++) {
                    if (a.intersects(boundsOf(labels.get(j)))) {
                        overlapping.add("'" + labels.get(i).getText() + "' and '" + labels.get(j).getText() + "'");
                    }
                }
            }
            assertEquals(List.of(), overlapping, "overlapping" + at);

            Stage window = sheet.stage();
            Bounds main = new BoundingBox(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            Bounds placed = new BoundingBox(window.getX(), window.getY(), window.getWidth(), window.getHeight());
            assertTrue(main.contains(placed), "the sheet " + placed + " lies over the window " + main + at);
            double contentHeight = sheet.content().prefHeight(window.getScene().getWidth());
            assertTrue(contentHeight <= window.getScene().getHeight() + 1,
                    "the sheet shows all of its content (" + contentHeight + " px needed)" + at);

            robot.push(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Where a label's drawn text lies in its window, shrunk by a hair so that touching lines do not count. */
    private static Bounds boundsOf(Labeled label) {
        Bounds text = label.lookup(".text").localToScene(label.lookup(".text").getBoundsInLocal());
        return new BoundingBox(text.getMinX() + EDGE, text.getMinY() + EDGE, text.getWidth() - 2 * EDGE,
                text.getHeight() - 2 * EDGE);
    }
}
