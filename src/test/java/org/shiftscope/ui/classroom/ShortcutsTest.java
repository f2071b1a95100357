// Each keyboard shortcut does what the sheet says, on the real window headless; keys typed into a text
// field or moving a focused slider stay theirs; Enter presses a focused button; tooltips name the keys.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.controls.RunChoicesViewModel;

import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;
import org.shiftscope.ui.export.Notice;
import org.shiftscope.ui.main.WindowViewModel;

import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.TrainerState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.ui.main.MainViewTest.waitUntil;

@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {
    /** log10 η moves by the slider's block increment per notch; η itself is compared to this relative error. */
    private static final double LR_TOLERANCE = 1e-12;

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
            stage.setFullScreen(false);
            if (app.window.commands().sheet() != null && app.window.commands().sheet().isShowing()) {
                app.window.commands().sheet().toggle();
            }
        });
        app.close();
    }

    private void unfocus(FxRobot robot) {
        robot.interact(() -> app.view.requestFocus());
    }

    @Test
    void xPerturbsACopyOfTheWeightsAndKKeepsTheMove(FxRobot robot) throws Exception {
        unfocus(robot);
        robot.type(KeyCode.K);
        assertTrue(app.vm.runs().messageLine().textProperty().get().startsWith("Nothing to keep"));
        robot.type(KeyCode.S);
        waitUntil(() -> app.vm.runs().stepsProperty().get() == 1);
        robot.type(KeyCode.X);
        waitUntil(() -> app.vm.runs().history().latestPerturbation() != null && app.vm.perturbation().keepableProperty().get());
        assertTrue(app.vm.runs().lanes().get(0).snapshot().events().isEmpty(), "perturbing moves a copy");
        robot.type(KeyCode.K);
        waitUntil(() -> app.vm.runs().lanes().get(0).snapshot().events().stream()
                .anyMatch(e -> e.kind() == RunEvent.Kind.WEIGHTS));
    }

    @Test
    void spaceStartsAndPausesStepAndResetWork(FxRobot robot) throws Exception {
        unfocus(robot);
        robot.type(KeyCode.S);
        waitUntil(() -> app.vm.runs().stepsProperty().get() == 1);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> app.vm.runs().stateProperty().get() == TrainerState.RUNNING);
        robot.type(KeyCode.SPACE);
        waitUntil(() -> app.vm.runs().stateProperty().get() == TrainerState.PAUSED);
        assertTrue(app.vm.runs().stepsProperty().get() > 1);
        robot.type(KeyCode.R);
        waitUntil(() -> app.vm.runs().stepsProperty().get() == 0);
    }

    @Test
    void bSwitchesBnOnAndOffAndShiftBFreezesIt(FxRobot robot) {
        unfocus(robot);
        assertEquals(BnMode.ON, app.vm.settings().bnModeProperty().get());
        robot.type(KeyCode.B);
        assertEquals(BnMode.OFF, app.vm.settings().bnModeProperty().get());
        assertTrue(robot.lookup("#bn-off").queryAs(ToggleButton.class).isSelected(), "the BN control follows");
        robot.type(KeyCode.B);
        assertEquals(BnMode.ON, app.vm.settings().bnModeProperty().get());
        robot.push(KeyCode.SHIFT, KeyCode.B);
        assertEquals(BnMode.FROZEN, app.vm.settings().bnModeProperty().get());
        assertTrue(robot.lookup("#bn-frozen").queryAs(ToggleButton.class).isSelected());
        robot.push(KeyCode.SHIFT, KeyCode.B);
        assertEquals(BnMode.ON, app.vm.settings().bnModeProperty().get(), "Shift+B again: back to on");
        robot.push(KeyCode.SHIFT, KeyCode.B);
        robot.type(KeyCode.B);
        assertEquals(BnMode.ON, app.vm.settings().bnModeProperty().get(), "B from frozen: back to on, never frozen → off");
    }

    @Test
    void rAfterAFreezeGivesANetworkWithBnOn(FxRobot robot) throws Exception {
        unfocus(robot);
        robot.type(KeyCode.S);
        waitUntil(() -> app.vm.runs().stepsProperty().get() == 1);
        robot.push(KeyCode.SHIFT, KeyCode.B);
        robot.type(KeyCode.R);
        waitUntil(() -> app.vm.runs().stepsProperty().get() == 0);
        assertEquals(BnMode.ON, app.vm.settings().bnModeProperty().get());
        assertTrue(robot.lookup("#bn-on").queryAs(ToggleButton.class).isSelected());
        assertEquals(RunChoicesViewModel.UNFROZEN_ON_RESET, app.vm.runs().messageLine().textProperty().get());
    }

    @Test
    void arrowsMoveTheLearningRateOneSliderNotchAndStopAtTheEnds(FxRobot robot) {
        unfocus(robot);
        Slider slider = robot.lookup("#lr-slider").queryAs(Slider.class);
        double before = app.vm.settings().learningRateProperty().get();
        robot.type(KeyCode.RIGHT);
        assertEquals(Math.pow(10, Math.log10(before) + slider.getBlockIncrement()), app.vm.settings().learningRateProperty().get(),
                before * LR_TOLERANCE);
        assertEquals(Math.log10(app.vm.settings().learningRateProperty().get()), slider.getValue(), 1e-12, "the slider follows");
        robot.type(KeyCode.LEFT, 2);
        assertEquals(Math.pow(10, Math.log10(before) - slider.getBlockIncrement()), app.vm.settings().learningRateProperty().get(),
                before * 1e-9);
        robot.interact(() -> app.vm.settings().learningRateProperty().set(Limits.MAX_LEARNING_RATE_CONTROL));
        robot.type(KeyCode.RIGHT);
        assertEquals(Limits.MAX_LEARNING_RATE_CONTROL, app.vm.settings().learningRateProperty().get());
        robot.interact(() -> app.vm.settings().learningRateProperty().set(Limits.MIN_LEARNING_RATE_CONTROL));
        robot.type(KeyCode.LEFT);
        assertEquals(Limits.MIN_LEARNING_RATE_CONTROL, app.vm.settings().learningRateProperty().get());
    }

    @Test
    void upAndDownChangeTheDepthWithinItsLimits(FxRobot robot) {
        unfocus(robot);
        int depth = app.vm.settings().depthProperty().get();
        robot.type(KeyCode.UP);
        assertEquals(depth + 1, app.vm.settings().depthProperty().get());
        assertEquals(depth + 1, robot.lookup("#depth").queryAs(Spinner.class).getValue(), "the spinner follows");
        robot.type(KeyCode.DOWN, depth + 5);
        assertEquals(Limits.MIN_DEPTH, app.vm.settings().depthProperty().get());
    }

    @Test
    void eExportsTheWindowAndSaysWhereAndAFailureIsShownNotThrown(FxRobot robot) throws Exception {
        unfocus(robot);
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        Path file;
        try (Stream<Path> files = Files.list(exportFolder)) {
            file = files.filter(f -> f.getFileName().toString().matches("shiftscope-.*\\.png")).findFirst().orElseThrow();
        }
        assertTrue(Files.size(file) > 1000, "a real PNG");
        assertTrue(app.vm.runs().messageLine().textProperty().get().contains(file.toAbsolutePath().toString()), app.vm.runs().messageLine().textProperty().get());
        String where = file.toAbsolutePath().toString();
        assertTrue(notice(robot, where::equals), "a notice over the window says where");

        exportFolder = exportFolder.resolve("missing");
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.vm.runs().messageLine().textProperty().get().startsWith("Could not save the window"), app.vm.runs().messageLine().textProperty().get());
        assertTrue(app.vm.runs().messageLine().textProperty().get().contains("missing"), "names the folder");
        assertTrue(notice(robot, text -> text.startsWith("Could not save the window") && text.contains("missing")),
                "a notice says why not");
    }

    /** Whether a notice (a popup window of its own) is showing a text that passes {@code test}. */
    private static boolean notice(FxRobot robot, java.util.function.Predicate<String> test) {
        return robot.lookup("." + Notice.STYLE_CLASS).queryAll().stream()
                .flatMap(n -> robot.from(n).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream())
                .anyMatch(l -> l.getText() != null && test.test(l.getText()));
    }

    @Test
    void f11TogglesFullScreen(FxRobot robot) {
        unfocus(robot);
        robot.type(KeyCode.F11);
        assertTrue(stage.isFullScreen());
        robot.type(KeyCode.F11);
        assertFalse(stage.isFullScreen());
    }

    @Test
    void questionMarkOpensAndClosesTheShortcutSheetListingEveryShortcut(FxRobot robot) {
        unfocus(robot);
        robot.push(KeyCode.SHIFT, KeyCode.SLASH);
        ShortcutSheet sheet = app.window.commands().sheet();
        assertTrue(sheet != null && sheet.isShowing());
        var texts = robot.from(sheet.content()).lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList();
        for (Shortcut shortcut : Shortcut.values()) {
            assertTrue(texts.contains(shortcut.key()), shortcut.key());
            assertTrue(texts.contains(shortcut.description()), shortcut.description());
        }
        robot.push(KeyCode.ESCAPE);
        assertFalse(sheet.isShowing());
    }

    @Test
    void pTAndIChangePresentationThemeAndExplanationPanel(FxRobot robot) {
        unfocus(robot);
        assertTrue(app.window.explanationPanel().isVisible());
        robot.type(KeyCode.P);
        assertEquals(1.5, app.appearance.scaleProperty().get());
        assertFalse(app.window.explanationPanel().isVisible(), "presenting hides the panel");
        robot.type(KeyCode.I);
        assertTrue(app.window.explanationPanel().isVisible());
        robot.type(KeyCode.P, 2);
        assertEquals(1.0, app.appearance.scaleProperty().get());
        robot.type(KeyCode.T);
        assertEquals(Theme.DARK, app.appearance.themeProperty().get());
        assertTrue(app.view.getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css")));
    }

    @Test
    void keysTypedIntoTheLearningRateFieldStayThere(FxRobot robot) {
        TextField field = robot.lookup("#lr-field").queryAs(TextField.class);
        double before = app.vm.settings().learningRateProperty().get();
        robot.clickOn(field);
        robot.interact(() -> field.positionCaret(field.getLength()));
        robot.type(KeyCode.LEFT, 2);
        assertEquals(field.getLength() - 2, field.getCaretPosition(), "← moved the caret");
        robot.type(KeyCode.S, KeyCode.B, KeyCode.SPACE);
        assertEquals(before, app.vm.settings().learningRateProperty().get());
        assertEquals(BnMode.ON, app.vm.settings().bnModeProperty().get());
        assertEquals(0, app.vm.runs().stepsProperty().get());
        assertTrue(field.getText().contains("sb "), field.getText());
    }

    @Test
    void theFocusedSliderMovesByItsOwnArrowsOnceAndTheDepthSpinnerKeepsItsArrows(FxRobot robot) {
        Slider momentum = robot.lookup("#momentum-slider").queryAs(Slider.class);
        double lr = app.vm.settings().learningRateProperty().get();
        robot.interact(momentum::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertEquals(momentum.getBlockIncrement(), app.vm.settings().momentumProperty().get(), 1e-9, "momentum moved one notch");
        assertTrue(momentum.getBlockIncrement() < 0.1, "a notch small enough to set momentum by keyboard");
        assertEquals(lr, app.vm.settings().learningRateProperty().get(), "η did not move");

        Slider lrSlider = robot.lookup("#lr-slider").queryAs(Slider.class);
        robot.interact(lrSlider::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertEquals(Math.pow(10, Math.log10(lr) + lrSlider.getBlockIncrement()), app.vm.settings().learningRateProperty().get(),
                lr * 1e-9, "one notch, not two");

        Spinner<?> depth = robot.lookup("#depth").queryAs(Spinner.class);
        int before = app.vm.settings().depthProperty().get();
        robot.interact(() -> depth.getEditor().requestFocus());
        robot.type(KeyCode.UP);
        assertEquals(before + 1, app.vm.settings().depthProperty().get(), "the spinner's own step of 1, once");
    }

    @Test
    void enterPressesTheFocusedButtonOnceAndOpensAFocusedChoiceBox(FxRobot robot) throws Exception {
        Button step = robot.lookup("#step").queryAs(Button.class);
        robot.interact(step::requestFocus);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> app.vm.runs().stepsProperty().get() == 1);
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, app.vm.runs().stepsProperty().get());

        var activation = robot.lookup("#activation").queryAs(javafx.scene.control.ChoiceBox.class);
        robot.interact(activation::requestFocus);
        robot.type(KeyCode.ENTER);
        assertTrue(activation.isShowing());
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void tooltipsNameTheShortcuts(FxRobot robot) {
        assertTrue(robot.lookup("#start").queryAs(Button.class).getTooltip().getText().contains("Shortcut: Space"));
        assertTrue(robot.lookup("#reset").queryAs(Button.class).getTooltip().getText().contains("Shortcut: R"));
        assertTrue(robot.lookup("#lr-slider").queryAs(Slider.class).getTooltip().getText().contains("Shortcut: ← / →"));
        assertTrue(robot.lookup("#depth").queryAs(Spinner.class).getTooltip().getText().contains("Shortcut: ↑ / ↓"));
        assertTrue(robot.lookup("#export-png").queryAs(Button.class).getTooltip().getText().contains("Shortcut: E"));
    }
}
