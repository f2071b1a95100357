// The window, headless under Monocle: real clicks on the real controls, real charts filled by real training.
package org.shiftscope.ui.main;

import org.shiftscope.ui.runs.TaskExecutor;

import org.shiftscope.ui.export.PngExport;

import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.config.TrainingConfig;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
public class MainViewTest {
    static final long TIMEOUT_SECONDS = 30;

    private WindowViewModel vm;
    private MainView view;

    public static TrainingConfig config() {
        return new TrainingConfig("synthetic", 3, 32, ActivationFunction.RELU, Initialization.HE, false, 64, 1000, 1,
                20, 0, new LiveSettings(0.05, 0, false, 0, BnMode.ON), new HessianSettings(25, 4, 128, 12));
    }

    @Start
    void start(Stage stage) {
        vm = new WindowViewModel(config(), SyntheticData.generate(1), System::nanoTime, TaskExecutor.sameThread());
        view = new MainView(vm);
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        view.stop();
        vm.close();
    }

    public static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
    }

    @Test
    void startFillsTheChartsWithRealPointsAndPauseStopsTheCounter(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> vm.runs().stepsProperty().get() >= 40 && view.lossChart().pointCount() > 40
                && view.meanChart().pointCount() > 3 * 40);
        assertTrue(Double.isFinite(view.lossChart().chart().getYAxis().getMax()), "the loss axis has a range");
        assertTrue(view.lossChart().chart().getYAxis().getMax() > view.lossChart().chart().getYAxis().getMin());
        waitUntil(() -> view.hessianChart().pointCount() > 0);

        robot.moveTo(view.lossChart().chart().getCanvas());
        waitUntil(() -> view.lossChart().readoutText().startsWith("step "));
        assertTrue(view.lossChart().readoutText().contains("train (smoothed): "), view.lossChart().readoutText());

        robot.clickOn("#pause");
        waitUntil(() -> vm.runs().stateProperty().get() == TrainerState.PAUSED);
        long paused = vm.runs().stepsProperty().get();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, vm.runs().stepsProperty().get(), "no steps while paused");

        robot.clickOn("#reset");
        waitUntil(() -> vm.runs().stepsProperty().get() == 0 && view.lossChart().pointCount() == 0);
    }

    @Test
    void movingTheLearningRateSliderChangesTheTrainersLearningRate(FxRobot robot) throws Exception {
        Slider slider = robot.lookup("#lr-slider").queryAs(Slider.class);
        double before = vm.runs().trainerSettings(0).learningRate();
        robot.clickOn(slider);
        robot.type(javafx.scene.input.KeyCode.RIGHT, 5);
        waitUntil(() -> vm.runs().trainerSettings(0).learningRate() != before);
        assertTrue(vm.runs().trainerSettings(0).learningRate() > before, "right arrow raises η");
        assertEquals(Math.pow(10, slider.getValue()), vm.runs().trainerSettings(0).learningRate(), 1e-9);
    }

    @Test
    void switchingBnModeDuringARunChangesThePublishedStatistics(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> vm.runs().history().stepsRecorded() > 10);
        double onVariance = vm.runs().history().latestStep().post()[1].variance();
        robot.clickOn("#bn-off");
        waitUntil(() -> vm.runs().history().latestStep() != null && vm.runs().history().latestStep().bnMode() == BnMode.OFF);
        var off = vm.runs().history().latestStep();
        assertEquals(off.pre()[1].variance(), off.post()[1].variance(), "without BN the nonlinearity sees z");
        assertNotEquals(onVariance, off.post()[1].variance());
    }

    @Test
    void exportWritesANonBlankPngOfTheRequestedSizeAndTrainingGoesOn(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> view.lossChart().pointCount() > 20);
        for (int scale = PngExport.MIN_SCALE; scale <= PngExport.MAX_SCALE; scale++) {
            Path file = dir.resolve("window-" + scale + "x.png");
            int factor = scale;
            int[] size = WaitForAsyncUtils.asyncFx(() -> view.exportWindow(file, factor)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            BufferedImage image = ImageIO.read(file.toFile());
            assertEquals(size[0], image.getWidth());
            assertEquals((int) Math.ceil(view.getWidth() * scale), image.getWidth(), "width at " + scale + "×");
            assertTrue(image.getHeight() > view.getHeight() * scale, "the title band is added above the window");
            var colours = new java.util.HashSet<Integer>();
            for (int y = 0; y < image.getHeight(); y += 7) {
                for (int x = 0; x < image.getWidth(); x += 7) {
                    colours.add(image.getRGB(x, y));
                }
            }
            assertTrue(colours.size() > 50, "a real rendering, not a blank image: " + colours.size() + " colours");
        }
        int before = view.lossChart().pointCount();
        waitUntil(() -> view.lossChart().pointCount() > before + 10);   // no deadlock after the snapshot
    }

    @Test
    void spinnersFollowSettingsChangedInTheViewModel(FxRobot robot) throws Exception {
        robot.interact(() -> vm.settings().depthProperty().set(5));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, robot.lookup("#depth").queryAs(javafx.scene.control.Spinner.class).getValue());
    }

    @Test
    void closingLeavesNoTrainingThread(FxRobot robot) throws Exception {
        robot.clickOn("#start");
        waitUntil(() -> vm.runs().stepsProperty().get() > 5);
        view.stop();
        vm.close();
        assertFalse(vm.runs().trainingThreadAlive());
    }
}
