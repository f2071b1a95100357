// What the keyboard shortcuts do, written against the view-model, the window and its look: start/pause,
// one step, reset, BN on/off and frozen, learning rate by one notch of the log slider, depth, export, full
// screen, presentation, theme, the explanation panel and the shortcut sheet.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.export.QuickExport;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.main.MainView;
import org.shiftscope.ui.main.Notice;
import org.shiftscope.ui.main.TrainingViewModel;
import org.shiftscope.ui.runs.MessageKind;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.train.TrainerState;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

public final class ClassroomCommands {
    /** One notch in log10(η) when the slider cannot be found (the slider's own block increment otherwise). */
    static final double DEFAULT_NOTCH = 0.1;
    /** Export scale when the window's scale choice cannot be found. */
    static final int DEFAULT_EXPORT_SCALE = 2;

    private final TrainingViewModel vm;
    private final MainView view;
    private final Stage stage;
    private final Appearance appearance;
    private final ExplanationPanel panel;
    private final Supplier<Path> exportFolder;
    private ShortcutSheet sheet;

    public ClassroomCommands(TrainingViewModel vm, MainView view, Stage stage, Appearance appearance,
                             ExplanationPanel panel, Supplier<Path> exportFolder) {
        this.vm = vm;
        this.view = view;
        this.stage = stage;
        this.appearance = appearance;
        this.panel = panel;
        this.exportFolder = exportFolder;
    }

    public Map<Shortcut, Runnable> actions() {
        var map = new EnumMap<Shortcut, Runnable>(Shortcut.class);
        map.put(Shortcut.START_PAUSE, this::startOrPause);
        map.put(Shortcut.STEP, vm::step);
        map.put(Shortcut.RESET, vm::reset);
        map.put(Shortcut.TOGGLE_BN, this::toggleBn);
        map.put(Shortcut.FREEZE_BN, this::toggleFrozen);
        map.put(Shortcut.LEARNING_RATE_DOWN, () -> nudgeLearningRate(-1));
        map.put(Shortcut.LEARNING_RATE_UP, () -> nudgeLearningRate(1));
        map.put(Shortcut.DEPTH_UP, () -> nudgeDepth(1));
        map.put(Shortcut.DEPTH_DOWN, () -> nudgeDepth(-1));
        map.put(Shortcut.EXPORT, this::exportWindow);
        map.put(Shortcut.FULL_SCREEN, () -> stage.setFullScreen(!stage.isFullScreen()));
        map.put(Shortcut.PRESENTATION, appearance::cyclePresentation);
        map.put(Shortcut.THEME, appearance::toggleTheme);
        map.put(Shortcut.EXPLAIN, () -> panel.setVisible(!panel.isVisible()));
        map.put(Shortcut.SHEET, this::toggleSheet);
        return map;
    }

    void startOrPause() {
        TrainerState state = vm.stateProperty().get();
        if (state == TrainerState.RUNNING) {
            vm.pause();
        } else if (state == TrainerState.DIVERGED) {
            vm.showMessage("The run diverged: press R to reset.", MessageKind.WARNING);
        } else {
            vm.start();
        }
    }

    /** B: BN on ⇄ off, the switch a class expects; frozen goes back to on (frozen is Shift+B's). */
    void toggleBn() {
        vm.bnModeProperty().set(vm.bnModeProperty().get() == BnMode.ON ? BnMode.OFF : BnMode.ON);
    }

    /** Shift+B: freeze BN on the current weights, or from frozen back to on. */
    void toggleFrozen() {
        vm.bnModeProperty().set(vm.bnModeProperty().get() == BnMode.FROZEN ? BnMode.ON : BnMode.FROZEN);
    }

    void nudgeLearningRate(int direction) {
        Slider slider = (Slider) view.lookup("#lr-slider");
        double notch = slider != null ? slider.getBlockIncrement() : DEFAULT_NOTCH;
        vm.learningRateProperty().set(nudgedLearningRate(vm.learningRateProperty().get(), notch, direction));
    }

    /** η moved by {@code direction} notches of {@code notch} in log10, kept in the slider's range. */
    static double nudgedLearningRate(double lr, double notch, int direction) {
        double moved = Math.pow(10, Math.log10(lr) + direction * notch);
        return Math.max(TrainingViewModel.minLearningRate(), Math.min(TrainingViewModel.maxLearningRate(), moved));
    }

    void nudgeDepth(int direction) {
        int depth = vm.depthProperty().get() + direction;
        vm.depthProperty().set(Math.max(Limits.MIN_DEPTH, Math.min(Limits.MAX_DEPTH, depth)));
    }

    /**
     * Writes the window to a timestamped PNG and says where, in a notice and the message line; a failure is
     * said the same way, not thrown.
     */
    void exportWindow() {
        Path file = null;
        try {
            file = QuickExport.fileIn(exportFolder.get(), LocalDateTime.now());
            view.exportWindow(file, exportScale());
            vm.showMessage("Window saved as " + file.toAbsolutePath(), MessageKind.SUCCESS);
            Notice.done(stage, "Window saved", file.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            String why = "Could not save the window" + (file == null ? "" : " as " + file) + ": " + e.getMessage();
            vm.showMessage(why, MessageKind.ERROR);
            Notice.failed(stage, "Window not saved", why);
        }
    }

    private int exportScale() {
        return view.lookup("#export-scale") instanceof ChoiceBox<?> box && box.getValue() instanceof Integer scale
                ? scale : DEFAULT_EXPORT_SCALE;
    }

    void toggleSheet() {
        if (sheet == null) {
            sheet = new ShortcutSheet(stage, view);
        }
        sheet.toggle();
    }

    /** The shortcut sheet, once it has been opened (for tests). */
    ShortcutSheet sheet() {
        return sheet;
    }
}
