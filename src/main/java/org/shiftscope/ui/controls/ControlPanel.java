// The settings column: scenarios, dataset, BN mode, learning rate (logarithmic), momentum, structure, the
// Hessian, comparison, the stress test, the run commands and the perturbation. Binds to the view-models and forwards events;
// marks what a classroom demo needs (DemoRole) so presentation mode can keep just that.
package org.shiftscope.ui.controls;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.control.SegmentedButton;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.ui.runs.RunsViewModel;

import static org.shiftscope.ui.controls.ControlRows.button;
import static org.shiftscope.ui.controls.ControlRows.intSpinner;
import static org.shiftscope.ui.controls.ControlRows.row;
import static org.shiftscope.ui.controls.ControlRows.tip;
import static org.shiftscope.ui.look.DemoRole.ESSENTIAL;
import static org.shiftscope.ui.look.DemoRole.OPTIONAL;

public final class ControlPanel extends VBox {
    private final LearningRateControl learningRate;

    public ControlPanel(SettingsViewModel settings, RunsViewModel runs, RunChoicesViewModel choices,
                        PerturbViewModel perturbation) {
        setSpacing(5);
        setPadding(new Insets(8));
        setPrefWidth(250);
        learningRate = new LearningRateControl(settings.learningRateProperty());

        var momentum = new Slider(0, 0.99, settings.momentumProperty().get());
        momentum.setId("momentum-slider");
        momentum.setBlockIncrement(0.05);              // arrow keys: JavaFX's default of 10 would jump to the end
        momentum.valueProperty().bindBidirectional(settings.momentumProperty());
        momentum.setTooltip(tip("Heavy-ball momentum β: raises the full-batch threshold to η·λ1 = 2(1+β)."));
        var momentumLabel = new Label();
        momentumLabel.textProperty().bind(settings.momentumProperty().asString("Momentum β = %.2f"));
        var nesterov = new CheckBox("Nesterov");
        nesterov.setId("nesterov");
        nesterov.selectedProperty().bindBidirectional(settings.nesterovProperty());
        nesterov.setTooltip(tip("Nesterov momentum: full-batch threshold η·λ1 = (2+2β)/(1+2β)."));
        var momentumRow = new HBox(12, momentumLabel, nesterov);
        momentumRow.setAlignment(Pos.CENTER_LEFT);

        var dataset = DatasetPicker.choice(runs, choices, window -> new DirectoryChooser().showDialog(window));
        var scenario = ESSENTIAL.mark(ScenarioPicker.choice(choices));
        getChildren().addAll(
                new VBox(5, new Label("Guided scenario"), scenario),
                OPTIONAL.mark(ScenarioPicker.loadButton(choices)),
                OPTIONAL.mark(new Separator()),
                OPTIONAL.mark(row("Dataset", dataset)),
                modeRow(settings),
                new VBox(5, new Label("Learning rate η"), learningRate),
                OPTIONAL.mark(new VBox(5, momentumRow, momentum)),
                OPTIONAL.mark(new Separator()));
        structure(settings, runs);
        getChildren().addAll(
                OPTIONAL.mark(new Separator()),
                OPTIONAL.mark(comparison(settings)),
                stressTest(choices),
                OPTIONAL.mark(new Separator()),
                runCommands(runs, choices),
                OPTIONAL.mark(new Separator()),
                OPTIONAL.mark(new PerturbControls(perturbation)));        // presentation: keys X and K
    }

    /** The slider the η shortcuts move by one notch. */
    public Slider learningRateSlider() {
        return learningRate.slider();
    }

    /** The BN mode buttons under their label, and what they mean for a normalisation other than BatchNorm. */
    private static VBox modeRow(SettingsViewModel settings) {
        var buttons = bnModes(settings);
        var row = row("BN mode", buttons);
        ((Label) row.getChildren().get(0)).textProperty().bind(NetworkPicker.modeTitle(settings));
        return new VBox(2, row, NetworkPicker.modes(settings, buttons));
    }

    /** BN mode: off / on / frozen. */
    private static SegmentedButton bnModes(SettingsViewModel settings) {
        var segmented = new SegmentedButton();
        for (BnMode mode : BnMode.values()) {
            var button = ESSENTIAL.mark(new ToggleButton(mode.label()));
            button.setId("bn-" + mode.label());
            button.setUserData(mode);
            button.setSelected(settings.bnModeProperty().get() == mode);
            button.setOnAction(e -> {
                settings.bnModeProperty().set(mode);
                button.setSelected(true);
            });
            button.setMinWidth(Region.USE_PREF_SIZE);
            segmented.getButtons().add(button);
        }
        settings.bnModeProperty().addListener((o, a, mode) -> segmented.getButtons()
                .forEach(b -> b.setSelected(b.getUserData() == mode)));
        segmented.setTooltip(tip("Batch Normalization: off; on = normalise with each mini-batch's statistics; "
                + "frozen = the same weights normalised with running statistics. Switch on → frozen and watch λ1 jump."));
        return segmented;
    }

    /** Structure and Hessian settings (a change rebuilds the network from the seed after a short pause); Hessian now. */
    private void structure(SettingsViewModel s, RunsViewModel runs) {
        var depth = ESSENTIAL.mark(intSpinner("depth", Limits.MIN_DEPTH, Limits.MAX_DEPTH, 1, s.depthProperty(),
                "Hidden layers (convnets: stages). Deeper plain ReLU nets drift more; BN keeps every layer centred."));
        var width = intSpinner("width", Limits.MIN_WIDTH, Limits.MAX_WIDTH, 8, s.widthProperty(),
                "Units per hidden layer (convnets: the first stage's channels).");
        var batch = intSpinner("batch", Limits.MIN_BATCH, Limits.MAX_BATCH, 16, s.batchSizeProperty(),
                "Mini-batch size; BN 'on' needs at least 2.");
        var seed = intSpinner("seed", 0, Limits.MAX_SEED_CONTROL, 1, s.seedProperty(),
                "Seed of the initial weights and the data order: same seed, same run.");
        var activation = new ChoiceBox<ActivationFunction>();
        activation.setId("activation");
        activation.getItems().setAll(ActivationFunction.values());
        activation.valueProperty().bindBidirectional(s.activationProperty());
        activation.setTooltip(tip("Hidden nonlinearity."));
        var center = new CheckBox("Centre inputs");
        center.setId("center-inputs");
        center.selectedProperty().bindBidirectional(s.centerInputsProperty());
        center.setTooltip(tip("Subtract the mean input (LeCun et al. 1998): removes one outlying Hessian eigenvalue."));
        var hessianEvery = intSpinner("hessian-every", 0, Limits.MAX_HESSIAN_EVERY_CONTROL, 50, s.hessianEveryProperty(),
                "Steps between Hessian computations (0 = only on request).");
        var topK = intSpinner("top-k", 1, Limits.MAX_TOP_K, 1, s.topKProperty(), "Hessian eigenvalues to track.");
        var hessianNow = button("hessian-now", "Compute Hessian now",
                "Top-k eigenvalues of the loss Hessian on the current weights, on a second thread.", runs::computeHessianNow);
        NetworkPicker.limitSizes(s, depth, width);
        getChildren().addAll(row("Network", NetworkPicker.architecture(s)), row("Normalisation", NetworkPicker.normalization(s)),
                row("Depth", depth));
        for (Node optional : new Node[]{row("Width", width), row("Batch", batch), row("Activation", activation),
                row("Seed", seed), center, new Separator(), row("Hessian every", hessianEvery), row("Top k", topK),
                hessianNow}) {
            getChildren().add(OPTIONAL.mark(optional));
        }
    }

    /** Comparison mode: a second run that differs only in BN mode, overlaid or side by side. */
    private VBox comparison(SettingsViewModel settings) {
        var compare = new CheckBox("Compare two runs");
        compare.setWrapText(true);
        compare.setId("compare");
        compare.selectedProperty().bindBidirectional(settings.comparisonProperty());
        compare.setTooltip(tip("Train a second network beside this one: the same initial weights, data order and "
                + "learning rate, only the BN mode differs. Divergence of one does not stop the other."));
        var other = new ChoiceBox<BnMode>();
        other.setId("compare-bn");
        other.getItems().setAll(BnMode.values());
        other.valueProperty().bindBidirectional(settings.compareBnModeProperty());
        other.setTooltip(tip("BN mode of the second run (dashed when overlaid)."));
        var overlay = new CheckBox("Overlay the runs");
        overlay.setWrapText(true);
        overlay.setId("overlay");
        overlay.selectedProperty().bindBidirectional(settings.overlaidProperty());
        overlay.disableProperty().bind(settings.comparisonProperty().not());
        overlay.setTooltip(tip("Both runs in one set of charts (second run dashed), or side by side on shared axes."));
        return new VBox(5, compare, new HBox(6, new Label("2nd run: BN"), other), overlay);
    }

    private static Button stressTest(RunChoicesViewModel choices) {
        var stress = ESSENTIAL.mark(new Button("Stress test"));
        stress.setId("stress-test");
        stress.setMaxWidth(Double.MAX_VALUE);
        stress.setOnAction(e -> choices.startStressTest());
        stress.setTooltip(tip("Page's experiment: fresh networks, η starts at the slider's value and grows ×√2 every "
                + "200 steps until the loss diverges or η reaches 10. Plots λ1 and accuracy against η and reports "
                + "the largest healthy η."));
        return stress;
    }

    /** Start, Pause, Step, Reset: one row at 1×, two where presentation mode enlarges them. */
    private static FlowPane runCommands(RunsViewModel runs, RunChoicesViewModel choices) {
        var start = button("start", "Start", "Train continuously.", runs::start);
        var pause = button("pause", "Pause", "Stop after the current step.", runs::pause);
        var step = button("step", "Step", "One training step.", runs::step);
        var reset = button("reset", "Reset", "A fresh network from the seed with these settings; frozen BN "
                + "restarts as on (a new network has no running statistics to freeze).", choices::reset);
        start.disableProperty().bind(runs.stateProperty().isEqualTo(TrainerState.RUNNING)
                .or(runs.stateProperty().isEqualTo(TrainerState.DIVERGED)));
        pause.disableProperty().bind(runs.stateProperty().isNotEqualTo(TrainerState.RUNNING));
        step.disableProperty().bind(runs.stateProperty().isEqualTo(TrainerState.DIVERGED));
        return new FlowPane(6, 6, ESSENTIAL.mark(start), ESSENTIAL.mark(pause), ESSENTIAL.mark(step), ESSENTIAL.mark(reset));
    }
}
