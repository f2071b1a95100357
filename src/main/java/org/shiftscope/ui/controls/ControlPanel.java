// The settings column: BN mode, learning rate (logarithmic), momentum, structure, run commands. Binds to
// the view-model and forwards events; holds no logic of its own (STYLE.md example 2).
package org.shiftscope.ui.controls;

import org.shiftscope.ui.main.TrainingViewModel;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.IntegerStringConverter;
import org.controlsfx.control.SegmentedButton;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.train.TrainerState;

import java.util.Locale;
import javafx.stage.DirectoryChooser;
import javafx.scene.Node;
import javafx.beans.property.IntegerProperty;

public final class ControlPanel extends VBox {
    public ControlPanel(TrainingViewModel vm) {
        setSpacing(5);
        setPadding(new Insets(8));
        setPrefWidth(250);

        // BN mode: off / on / frozen.
        var segmented = new SegmentedButton();
        for (BnMode mode : BnMode.values()) {
            var button = new ToggleButton(mode.label());
            button.setId("bn-" + mode.label());
            button.setUserData(mode);
            button.setSelected(vm.bnModeProperty().get() == mode);
            button.setOnAction(e -> {
                vm.bnModeProperty().set(mode);
                button.setSelected(true);
            });
            button.setMinWidth(Region.USE_PREF_SIZE);
            segmented.getButtons().add(button);
        }
        vm.bnModeProperty().addListener((o, a, mode) -> segmented.getButtons()
                .forEach(b -> b.setSelected(b.getUserData() == mode)));
        segmented.setTooltip(tip("Batch Normalization: off; on = normalise with each mini-batch's statistics; "
                + "frozen = the same weights normalised with running statistics. Switch on → frozen and watch λ1 jump."));

        // Learning rate on a log10 scale.
        var lrSlider = new Slider(Math.log10(TrainingViewModel.minLearningRate()),
                Math.log10(TrainingViewModel.maxLearningRate()), Math.log10(vm.learningRateProperty().get()));
        lrSlider.setId("lr-slider");
        lrSlider.setBlockIncrement(0.1);
        var lrField = new TextField(format(vm.learningRateProperty().get()));
        lrField.setId("lr-field");
        lrField.setPrefColumnCount(5);
        lrSlider.valueProperty().addListener((o, a, v) -> {
            if (Math.abs(Math.log10(vm.learningRateProperty().get()) - v.doubleValue()) > 1e-9) {
                vm.learningRateProperty().set(Math.pow(10, v.doubleValue()));
            }
        });
        vm.learningRateProperty().addListener((o, a, lr) -> {
            lrSlider.setValue(Math.log10(lr.doubleValue()));
            lrField.setText(format(lr.doubleValue()));
        });
        lrField.setOnAction(e -> {
            try {
                double lr = Double.parseDouble(lrField.getText().trim());
                double clamped = Math.max(TrainingViewModel.minLearningRate(), Math.min(TrainingViewModel.maxLearningRate(), lr));
                vm.learningRateProperty().set(clamped);
                lrField.setText(format(clamped));
            } catch (NumberFormatException ex) {
                lrField.setText(format(vm.learningRateProperty().get()));
            }
        });
        var lrTip = tip("Learning rate η (log scale, 1e-4 to 10). Full-batch gradient descent diverges once η·λ1 > 2;"
                + " mini-batch SGD trains near that threshold (edge of stability). With BN the sharpness keeps"
                + " adapting, so training survives a much larger η.");
        lrSlider.setTooltip(lrTip);
        lrField.setTooltip(lrTip);

        var momentum = new Slider(0, 0.99, vm.momentumProperty().get());
        momentum.setId("momentum-slider");
        momentum.setBlockIncrement(0.05);              // arrow keys: JavaFX's default of 10 would jump to the end
        momentum.valueProperty().bindBidirectional(vm.momentumProperty());
        momentum.setTooltip(tip("Heavy-ball momentum β: raises the full-batch threshold to η·λ1 = 2(1+β)."));
        var momentumLabel = new Label();
        momentumLabel.textProperty().bind(vm.momentumProperty().asString("Momentum β = %.2f"));
        var nesterov = new CheckBox("Nesterov");
        nesterov.setId("nesterov");
        nesterov.selectedProperty().bindBidirectional(vm.nesterovProperty());
        nesterov.setTooltip(tip("Nesterov momentum: full-batch threshold η·λ1 = (2+2β)/(1+2β)."));

        // Structure: rebuilds the network from the seed after a short pause.
        var depth = intSpinner("depth", Limits.MIN_DEPTH, Limits.MAX_DEPTH, vm.depthProperty().get(), 1, vm.depthProperty(),
                "Hidden layers. Deeper plain ReLU nets drift more; BN keeps every layer centred.");
        var width = intSpinner("width", Limits.MIN_WIDTH, Limits.MAX_WIDTH, vm.widthProperty().get(), 8, vm.widthProperty(),
                "Units per hidden layer.");
        var batch = intSpinner("batch", Limits.MIN_BATCH, 1024, vm.batchSizeProperty().get(), 16, vm.batchSizeProperty(),
                "Mini-batch size; BN 'on' needs at least 2.");
        var seed = intSpinner("seed", 0, 1_000_000, vm.seedProperty().get(), 1, vm.seedProperty(),
                "Seed of the initial weights and the data order: same seed, same run.");
        var activation = new ChoiceBox<ActivationFunction>();
        activation.setId("activation");
        activation.getItems().setAll(ActivationFunction.values());
        activation.valueProperty().bindBidirectional(vm.activationProperty());
        activation.setTooltip(tip("Hidden nonlinearity."));
        var center = new CheckBox("Centre inputs");
        center.setId("center-inputs");
        center.selectedProperty().bindBidirectional(vm.centerInputsProperty());
        center.setTooltip(tip("Subtract the mean input (LeCun et al. 1998): removes one outlying Hessian eigenvalue."));

        var hessianEvery = intSpinner("hessian-every", 0, 5000, vm.hessianEveryProperty().get(), 50,
                vm.hessianEveryProperty(), "Steps between Hessian computations (0 = only on request).");
        var topK = intSpinner("top-k", 1, 30, vm.topKProperty().get(), 1, vm.topKProperty(), "Hessian eigenvalues to track.");
        var hessianNow = new Button("Compute Hessian now");
        hessianNow.setId("hessian-now");
        hessianNow.setOnAction(e -> vm.computeHessianNow());
        hessianNow.setTooltip(tip("Top-k eigenvalues of the loss Hessian on the current weights, on a second thread."));

        // Run commands.
        var start = button("start", "Start", "Train continuously.", vm::start);
        var pause = button("pause", "Pause", "Stop after the current step.", vm::pause);
        var step = button("step", "Step", "One training step.", vm::step);
        var reset = button("reset", "Reset", "A fresh network from the seed with these settings; frozen BN "
                + "restarts as on (a new network has no running statistics to freeze).", vm::reset);
        start.disableProperty().bind(vm.stateProperty().isEqualTo(TrainerState.RUNNING)
                .or(vm.stateProperty().isEqualTo(TrainerState.DIVERGED)));
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainerState.RUNNING));
        step.disableProperty().bind(vm.stateProperty().isEqualTo(TrainerState.DIVERGED));

        var dataset = DatasetPicker.choice(vm, window -> new DirectoryChooser().showDialog(window));

        // Label and control side by side wherever they fit, so the column fits a 720-pixel-high screen.
        HBox.setHgrow(lrSlider, Priority.ALWAYS);
        var lrRow = new HBox(6, lrSlider, lrField);
        lrRow.setAlignment(Pos.CENTER_LEFT);
        var momentumRow = new HBox(12, momentumLabel, nesterov);
        momentumRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(
                new Label("Guided scenario"), ScenarioPicker.choice(vm), ScenarioPicker.loadButton(vm),
                new Separator(),
                row("Dataset", dataset),
                row("BN mode", segmented),
                new Label("Learning rate η"), lrRow,
                momentumRow, momentum,
                new Separator(),
                row("Depth", depth), row("Width", width), row("Batch", batch), row("Activation", activation),
                row("Seed", seed), center,
                new Separator(),
                row("Hessian every", hessianEvery), row("Top k", topK), hessianNow,
                new Separator(),
                compare(vm), new HBox(6, new Label("2nd run: BN"), secondRunMode(vm)), overlay(vm), stressTest(vm),
                new Separator(),
                runCommands(start, pause, step, reset));
    }

    /** Comparison mode: a second run that differs only in BN mode. */
    private static CheckBox compare(TrainingViewModel vm) {
        var compare = new CheckBox("Compare two runs");
        compare.setWrapText(true);
        compare.setId("compare");
        compare.selectedProperty().bindBidirectional(vm.comparisonProperty());
        compare.setTooltip(tip("Train a second network beside this one: the same initial weights, data order and "
                + "learning rate, only the BN mode differs. Divergence of one does not stop the other."));
        return compare;
    }

    private static ChoiceBox<BnMode> secondRunMode(TrainingViewModel vm) {
        var other = new ChoiceBox<BnMode>();
        other.setId("compare-bn");
        other.getItems().setAll(BnMode.values());
        other.valueProperty().bindBidirectional(vm.compareBnModeProperty());
        other.setTooltip(tip("BN mode of the second run (dashed when overlaid)."));
        return other;
    }

    private static CheckBox overlay(TrainingViewModel vm) {
        var overlay = new CheckBox("Overlay the runs");
        overlay.setWrapText(true);
        overlay.setId("overlay");
        overlay.selectedProperty().bindBidirectional(vm.overlaidProperty());
        overlay.disableProperty().bind(vm.comparisonProperty().not());
        overlay.setTooltip(tip("Both runs in one set of charts (second run dashed), or side by side on shared axes."));
        return overlay;
    }

    private static Button stressTest(TrainingViewModel vm) {
        var stress = new Button("Stress test");
        stress.setId("stress-test");
        stress.setMaxWidth(Double.MAX_VALUE);
        stress.setOnAction(e -> vm.startStressTest());
        stress.setTooltip(tip("Page's experiment: fresh networks, η starts at the slider's value and grows ×√2 every "
                + "200 steps until the loss diverges or η reaches 10. Plots λ1 and accuracy against η and reports "
                + "the largest healthy η."));
        return stress;
    }

    /** Start, Pause, Step, Reset: one row at 1×, two where presentation mode enlarges them. */
    private static FlowPane runCommands(Button... buttons) {
        return new FlowPane(6, 6, buttons);
    }

    /** A label and its control on one line, or the control under the label where presentation mode has no room. */
    private static FlowPane row(String label, Node control) {
        var l = new Label(label);
        l.getStyleClass().add("row-label");          // as wide as the longest label at 1×, its own width in presentation
        l.setMinWidth(Region.USE_PREF_SIZE);
        var row = new FlowPane(6, 2, l, control);
        row.setRowValignment(VPos.CENTER);
        return row;
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, int value, int step,
                                               IntegerProperty target, String help) {
        var spinner = new Spinner<Integer>(min, max, value, step);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.getValueFactory().setConverter(new IntegerStringConverter() {
            @Override
            public Integer fromString(String text) {
                try {
                    return Math.max(min, Math.min(max, super.fromString(text.trim())));
                } catch (RuntimeException e) {
                    return spinner.getValue();
                }
            }
        });
        spinner.valueProperty().addListener((o, a, v) -> target.set(v));
        target.addListener((o, a, v) -> spinner.getValueFactory().setValue(v.intValue()));   // e.g. loaded settings
        spinner.setTooltip(tip(help + " Range " + min + "–" + max + "."));
        return spinner;
    }

    private static Button button(String id, String text, String help, Runnable action) {
        var button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        button.setTooltip(tip(help));
        return button;
    }

    private static Tooltip tip(String text) {
        var tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        return tooltip;
    }

    public static String format(double lr) {
        return String.format(Locale.ROOT, "%.4g", lr);
    }
}
