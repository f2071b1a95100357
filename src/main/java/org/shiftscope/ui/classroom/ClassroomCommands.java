// What the keyboard shortcuts do, written against the view-model, the window and its look: start/pause,
// one step, reset, BN on/off and frozen, learning rate by one notch of the log slider, depth, perturb and keep,
// export, full screen, presentation, theme, the explanation panel and the shortcut sheet.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.export.QuickExport;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.main.MainView;
import org.shiftscope.ui.export.Notice;
import org.shiftscope.ui.main.WindowViewModel;
import org.shiftscope.ui.controls.LearningRateControl;
import org.shiftscope.ui.runs.MessageKind;

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
    private final WindowViewModel vm;
    private final MainView view;
    private final Stage stage;
    private final Appearance appearance;
    private final ExplanationPanel panel;
    private final Supplier<Path> exportFolder;
    private ShortcutSheet sheet;

    public ClassroomCommands(WindowViewModel vm, MainView view, Stage stage, Appearance appearance,
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
        map.put(Shortcut.STEP, vm.runs()::step);
        map.put(Shortcut.RESET, vm.choices()::reset);
        map.put(Shortcut.TOGGLE_BN, this::toggleBn);
        map.put(Shortcut.FREEZE_BN, this::toggleFrozen);
        map.put(Shortcut.LEARNING_RATE_DOWN, () -> nudgeLearningRate(-1));
        map.put(Shortcut.LEARNING_RATE_UP, () -> nudgeLearningRate(1));
        map.put(Shortcut.DEPTH_UP, () -> nudgeDepth(1));
        map.put(Shortcut.DEPTH_DOWN, () -> nudgeDepth(-1));
        map.put(Shortcut.PERTURB, vm.perturbation()::perturb);
        map.put(Shortcut.KEEP_PERTURBATION, this::keepPerturbation);
        map.put(Shortcut.EXPORT, this::exportWindow);
        map.put(Shortcut.FULL_SCREEN, () -> stage.setFullScreen(!stage.isFullScreen()));
        map.put(Shortcut.PRESENTATION, appearance::cyclePresentation);
        map.put(Shortcut.THEME, appearance::toggleTheme);
        map.put(Shortcut.EXPLAIN, () -> panel.setVisible(!panel.isVisible()));
        map.put(Shortcut.SHEET, this::toggleSheet);
        return map;
    }

    void startOrPause() {
        TrainerState state = vm.runs().stateProperty().get();
        if (state == TrainerState.RUNNING) {
            vm.runs().pause();
        } else if (state == TrainerState.DIVERGED) {
            vm.runs().showMessage("The run diverged: press R to reset.", MessageKind.WARNING);
        } else {
            vm.runs().start();
        }
    }

    /** K: keeps the last perturbation, or says there is none to keep. */
    void keepPerturbation() {
        if (vm.perturbation().keepableProperty().get()) {
            vm.perturbation().keep();
        } else {
            vm.runs().showMessage("Nothing to keep: press X (Perturb) first.", MessageKind.INFO);
        }
    }

    /** B: BN on ⇄ off, the switch a class expects; frozen goes back to on (frozen is Shift+B's). */
    void toggleBn() {
        vm.settings().bnModeProperty().set(vm.settings().bnModeProperty().get() == BnMode.ON ? BnMode.OFF : BnMode.ON);
    }

    /** Shift+B: freeze BN on the current weights, or from frozen back to on. */
    void toggleFrozen() {
        vm.settings().bnModeProperty().set(vm.settings().bnModeProperty().get() == BnMode.FROZEN ? BnMode.ON : BnMode.FROZEN);
    }

    void nudgeLearningRate(int direction) {
        double notch = view.controls().learningRateSlider().getBlockIncrement();
        vm.settings().learningRateProperty().set(nudgedLearningRate(vm.settings().learningRateProperty().get(), notch, direction));
    }

    /** η moved by {@code direction} notches of {@code notch} in log10, kept in the slider's range. */
    static double nudgedLearningRate(double lr, double notch, int direction) {
        double moved = Math.pow(10, Math.log10(lr) + direction * notch);
        return LearningRateControl.clamp(moved);
    }

    void nudgeDepth(int direction) {
        int depth = vm.settings().depthProperty().get() + direction;
        vm.settings().depthProperty().set(Math.max(Limits.MIN_DEPTH, Math.min(Limits.MAX_DEPTH, depth)));
    }

    /**
     * Writes the window to a timestamped PNG and says where, in a notice and the message line; a failure is
     * said the same way, not thrown.
     */
    void exportWindow() {
        Path file = null;
        try {
            file = QuickExport.fileIn(exportFolder.get(), LocalDateTime.now());
            view.exportWindow(file, view.exportBar().scale());
            vm.runs().showMessage("Window saved as " + file.toAbsolutePath(), MessageKind.SUCCESS);
            Notice.done(stage, "Window saved", file.toAbsolutePath().toString());
        } catch (IOException | RuntimeException e) {
            String why = "Could not save the window" + (file == null ? "" : " as " + file) + ": " + e.getMessage();
            vm.runs().showMessage(why, MessageKind.ERROR);
            Notice.failed(stage, "Window not saved", why);
        }
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
