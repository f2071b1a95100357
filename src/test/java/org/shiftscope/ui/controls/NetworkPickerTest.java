// The Network and Normalisation pickers, clicked for real in the window: a convnet is built at its classroom
// sizes and trains with per-channel statistics for every stage; LayerNorm disables the frozen button and says
// why; no normalisation leaves only "off".
package org.shiftscope.ui.controls;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.ui.main.MainView;
import org.shiftscope.ui.main.MainViewTest;
import org.shiftscope.ui.main.WindowViewModel;
import org.shiftscope.ui.runs.TaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.ui.main.MainViewTest.waitUntil;

@ExtendWith(ApplicationExtension.class)
class NetworkPickerTest {
    private WindowViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        vm = new WindowViewModel(MainViewTest.config(), SyntheticData.generate(1), System::nanoTime, TaskExecutor.sameThread());
        view = new MainView(vm);
        stage.setScene(new Scene(view, 1280, 900));
        stage.show();
    }

    @AfterEach
    void close() {
        view.stop();
        vm.close();
    }

    private static void pick(FxRobot robot, String box, String item) {
        robot.clickOn("#" + box);
        robot.clickOn(item);
    }

    @Test
    void aPickedConvnetIsBuiltAtItsClassroomSizesAndTrainsWithStatisticsPerStage(FxRobot robot) throws Exception {
        pick(robot, "architecture", "Convnet");
        waitUntil(() -> vm.runs().latestConfig().network().architecture() == Architecture.CONVNET);
        assertEquals(SettingsViewModel.CONVNET_DEPTH, vm.runs().latestConfig().depth());
        assertEquals(SettingsViewModel.CONVNET_WIDTH, vm.runs().latestConfig().width());

        robot.clickOn("#step");
        waitUntil(() -> vm.runs().history().latestStep() != null);
        assertEquals(SettingsViewModel.CONVNET_DEPTH, vm.runs().history().latestStep().pre().length, "one row per stage");
    }

    @Test
    void layerNormHasNoFrozenButtonAndSaysWhy(FxRobot robot) throws Exception {
        pick(robot, "normalization", "LayerNorm");
        waitUntil(() -> vm.runs().latestConfig().network().normalization() == Normalization.LAYER);

        assertTrue(robot.lookup("#bn-frozen").queryAs(ToggleButton.class).isDisabled());
        assertFalse(robot.lookup("#bn-off").queryAs(ToggleButton.class).isDisabled());
        var note = robot.lookup("#bn-mode-note").queryAs(Label.class);
        assertTrue(note.isVisible() && note.getText().contains("No frozen mode"), note.getText());
    }

    @Test
    void withoutNormalisationOnlyOffRemains(FxRobot robot) throws Exception {
        pick(robot, "normalization", "no normalisation");
        // the running config, not the latest asked for: that one is set before the new runs exist
        waitUntil(() -> vm.runs().runningConfig().network().normalization() == Normalization.NONE);

        assertEquals(BnMode.OFF, vm.runs().trainerSettings(0).bnMode());
        assertTrue(robot.lookup("#bn-on").queryAs(ToggleButton.class).isDisabled());
        assertTrue(robot.lookup("#bn-on").queryAs(ToggleButton.class).isVisible(), "shown, not hidden");
    }
}
