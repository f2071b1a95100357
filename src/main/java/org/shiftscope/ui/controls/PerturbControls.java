// The Perturb block of the settings column (Page's "cat neuron", "How to train your ResNet 7"): direction, class,
// step size, and the Perturb and Keep buttons. Binds to PerturbViewModel and forwards the presses.
package org.shiftscope.ui.controls;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.converter.DoubleStringConverter;
import org.shiftscope.model.shift.PerturbationDirection;
import org.shiftscope.model.shift.PerturbationRequest;

import static org.shiftscope.ui.controls.ControlRows.button;
import static org.shiftscope.ui.controls.ControlRows.row;
import static org.shiftscope.ui.controls.ControlRows.tip;
import static org.shiftscope.ui.look.DemoRole.ESSENTIAL;

final class PerturbControls extends VBox {
    /** The step spinner's increment, in percent of ‖w‖. */
    private static final double PERCENT_STEP = 0.5;

    PerturbControls(PerturbViewModel vm) {
        super(5);
        var direction = new ChoiceBox<PerturbationDirection>();
        direction.setId("perturb-direction");
        direction.getItems().setAll(PerturbationDirection.values());
        direction.valueProperty().bindBidirectional(vm.directionProperty());
        direction.setTooltip(tip("Move the weights along the top Hessian eigenvector v1, along the gradient of one "
                + "class's mean logit over the evaluation set (a synchronised shift of every example towards that "
                + "class), or along a random direction for comparison."));

        var classIndex = ControlRows.intSpinner("perturb-class", 0, vm.classesProperty().get() - 1, 1,
                vm.classIndexProperty(), "The class whose mean logit the class-mean direction raises.");
        vm.classesProperty().addListener((o, a, count) ->
                ((SpinnerValueFactory.IntegerSpinnerValueFactory) classIndex.getValueFactory()).setMax(count.intValue() - 1));
        classIndex.disableProperty().bind(vm.directionProperty().isNotEqualTo(PerturbationDirection.CLASS_MEAN));

        var percent = new Spinner<Double>(PerturbViewModel.MIN_PERCENT, 100 * PerturbationRequest.MAX_FRACTION,
                vm.percentProperty().get(), PERCENT_STEP);
        percent.setId("perturb-percent");
        percent.setEditable(true);
        percent.getValueFactory().setConverter(new DoubleStringConverter() {
            @Override
            public Double fromString(String text) {
                try {
                    return Math.max(PerturbViewModel.MIN_PERCENT, Math.min(100 * PerturbationRequest.MAX_FRACTION,
                            super.fromString(text.trim())));
                } catch (RuntimeException e) {
                    return percent.getValue();              // anything but a number is ignored
                }
            }
        });
        percent.setPrefWidth(110);
        percent.valueProperty().addListener((o, a, v) -> vm.percentProperty().set(v));
        percent.setTooltip(tip("The length of the move as a percentage of the weights' norm ‖w‖ (Page moved 1%)."));

        var perturb = ESSENTIAL.mark(button("perturb", "Perturb", "Moves a copy of the weights and counts the classes "
                + "it predicts on the evaluation set, before and after, in the live BN mode; the run's own weights stay "
                + "as they were. With BN on they barely move; without BN almost everything becomes the chosen class.",
                vm::perturb));
        var keep = button("keep-perturbation", "Keep", "Applies the last perturbation's move to the run's weights; the "
                + "charts mark it as a change.", vm::keep);
        keep.disableProperty().bind(vm.keepableProperty().not());
        getChildren().addAll(new Label("Perturb the weights (Page)"), direction, row("Class", classIndex),
                row("Step % of ‖w‖", percent), new HBox(6, perturb, keep));
    }
}
