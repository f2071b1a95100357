// The status bar at 1280×720, headless under Monocle: a very long message is cut short, never the step
// counter, at 1× and at 2×; each kind of message has its own style, a success not an error's red; a run's own
// message takes its kind from the run's state (a finished stress test is a success).
package org.shiftscope.ui.main;

import org.shiftscope.ui.classroom.ClassroomFixture;

import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;
import org.shiftscope.ui.runs.MessageKind;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.train.TrainerState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class StatusLineTest {
    /** Layout positions are compared to this many pixels (sub-pixel snapping). */
    private static final double LAYOUT_TOLERANCE = 1.0;
    private static final String LONG_MESSAGE = "stress test finished at η = 9.514: largest healthy η = 4.757; "
            + "the charts keep every stretch, ".repeat(8) + "and this sentence goes on well past any screen's width";

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
    void aVeryLongMessageIsCutShortButNeverTheStepCounter(FxRobot robot) {
        robot.interact(app.vm.runs()::step);
        for (double scale : List.of(1.0, 2.0)) {
            robot.interact(() -> app.appearance.scaleProperty().set(scale));
            robot.interact(() -> app.vm.runs().showMessage(LONG_MESSAGE, MessageKind.WARNING));
            WaitForAsyncUtils.waitForFxEvents();
            Label step = robot.lookup("#status-step").queryAs(Label.class);
            Label message = robot.lookup("#message").queryAs(Label.class);
            String at = " at " + scale + "×";
            assertTrue(step.getText().startsWith("Step "), step.getText());
            assertEquals(step.getText(), shown(step), "the step counter is whole" + at);
            Bounds b = step.localToScene(step.getLayoutBounds());
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= ClassroomFixture.WIDTH && b.getMaxY() <= ClassroomFixture.HEIGHT
                    + LAYOUT_TOLERANCE, "the step counter is inside the window" + at + ": " + b);
            assertTrue(step.getWidth() + LAYOUT_TOLERANCE >= step.prefWidth(-1), "not squeezed" + at);
            assertTrue(shown(message).endsWith(message.getEllipsisString())
                            && shown(message).length() < message.getText().length(),
                    "the message is cut short" + at + ": " + shown(message));
            assertEquals(LONG_MESSAGE, message.getTooltip().getText(), "the tooltip holds the whole message");
            Bounds m = message.localToScene(message.getLayoutBounds());
            assertTrue(m.getMaxX() <= ClassroomFixture.WIDTH + LAYOUT_TOLERANCE, "the message stays in the window" + at);
            Bounds switches = robot.lookup("#presentation-switch").query().localToScene(
                    robot.lookup("#presentation-switch").query().getLayoutBounds());
            assertTrue(switches.getMaxX() <= ClassroomFixture.WIDTH + LAYOUT_TOLERANCE, "the switches stay in the window" + at);
        }
    }

    @Test
    void aSuccessIsNotStyledAsAnError(FxRobot robot) {
        Label message = robot.lookup("#message").queryAs(Label.class);
        Paint error = shownAs(robot, message, MessageKind.ERROR);
        Paint success = shownAs(robot, message, MessageKind.SUCCESS);
        Paint warning = shownAs(robot, message, MessageKind.WARNING);
        Paint info = shownAs(robot, message, MessageKind.INFO);
        assertNotEquals(error, success, "a success is not drawn in the error colour");
        assertNotEquals(error, info);
        assertNotEquals(error, warning);
        assertNotEquals(success, warning);
        assertTrue(message.getStyleClass().contains("message-info") && !message.getStyleClass().contains("message-error"),
                String.valueOf(message.getStyleClass()));
        assertTrue(message.getText().startsWith("done"), "information has no sign: " + message.getText());
        assertEquals("✓ done", shown(robot, message, MessageKind.SUCCESS), "a success is marked, not only coloured");
    }

    @Test
    void aRunsOwnMessageTakesItsKindFromTheRunsState() {
        assertEquals(MessageKind.SUCCESS, MessageKind.ofRun(TrainerState.PAUSED, true), "stress test finished");
        assertEquals(MessageKind.WARNING, MessageKind.ofRun(TrainerState.DIVERGED, true), "a stress test's divergence");
        assertEquals(MessageKind.WARNING, MessageKind.ofRun(TrainerState.DIVERGED, false));
        assertEquals(MessageKind.ERROR, MessageKind.ofRun(TrainerState.FAILED, false));
        assertEquals(MessageKind.ERROR, MessageKind.SUCCESS.worse(MessageKind.ERROR), "two runs: the worse kind");
    }

    private Paint shownAs(FxRobot robot, Label message, MessageKind kind) {
        shown(robot, message, kind);
        return message.getTextFill();
    }

    private String shown(FxRobot robot, Label message, MessageKind kind) {
        robot.interact(() -> app.vm.runs().showMessage("done", kind));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(message::applyCss);
        return message.getText();
    }

    /** The text the label's skin draws (with "…" when cut). */
    private static String shown(Label label) {
        return ((Text) label.lookup(".text")).getText();
    }
}
