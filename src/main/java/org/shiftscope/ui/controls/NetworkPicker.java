// The architecture and normalisation pickers of the settings column, and what the BN mode buttons mean for
// the chosen normalisation: LayerNorm and GroupNorm have no frozen mode, a network without one only "off";
// the buttons that do not apply stay visible, disabled, and a line says why.
package org.shiftscope.ui.controls;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;

import java.util.Arrays;
import java.util.function.Function;

import static org.shiftscope.ui.controls.ControlRows.tip;

final class NetworkPicker {
    private NetworkPicker() {
    }

    static ChoiceBox<Architecture> architecture(SettingsViewModel settings) {
        var choice = choice("architecture", Architecture.values(), Architecture::title);
        choice.valueProperty().bindBidirectional(settings.architectureProperty());
        choice.setTooltip(tip("MLP: dense layers. Convnet: 3×3 convolution stages whose channels double where 2×2 "
                + "pooling halves the image (Page's CIFAR-10 net, shrunk); depth counts stages, width the first "
                + "stage's channels. ResNet: the same stages as residual blocks x + F(x)."));
        return choice;
    }

    static ChoiceBox<Normalization> normalization(SettingsViewModel settings) {
        var choice = choice("normalization", Normalization.values(), Normalization::title);
        choice.valueProperty().bindBidirectional(settings.normalizationProperty());
        choice.setTooltip(tip("BatchNorm normalises each unit (channel) over the batch, before the activation or "
                + "after it; LayerNorm each example over its units; GroupNorm each example over groups of channels."));
        return choice;
    }

    /** Disables the mode buttons the normalisation lacks; the returned line says what the modes mean for it. */
    static Label modes(SettingsViewModel settings, SegmentedButton buttons) {
        var note = new Label();
        note.setId("bn-mode-note");
        note.setWrapText(true);
        note.getStyleClass().add("explain-hint");
        Runnable update = () -> {
            Normalization n = settings.normalizationProperty().get();
            for (ToggleButton button : buttons.getButtons()) {
                button.setDisable(!n.supports((BnMode) button.getUserData()));
            }
            note.setText(meaning(n));
            note.setVisible(!note.getText().isEmpty());
            note.setManaged(note.isVisible());
        };
        settings.normalizationProperty().addListener((o, a, b) -> update.run());
        update.run();
        return note;
    }

    /** What the mode buttons switch: "BN mode", "LayerNorm", "GroupNorm", or "Normalisation" without one. */
    static StringBinding modeTitle(SettingsViewModel settings) {
        return Bindings.createStringBinding(() -> switch (settings.normalizationProperty().get()) {
            case BATCH, BATCH_POST -> "BN mode";
            case LAYER, GROUP -> settings.normalizationProperty().get().title();
            case NONE -> "Normalisation";
        }, settings.normalizationProperty());
    }

    /** "" for BatchNorm before the activation; otherwise what on, off and frozen do. */
    static String meaning(Normalization n) {
        return switch (n) {
            case BATCH -> "";
            case BATCH_POST -> "BatchNorm after each activation.";
            case LAYER, GROUP -> n.title() + ": on normalises, off bypasses it. No frozen mode: each example is "
                    + "normalised by its own statistics, so there are none to freeze.";
            case NONE -> "No normalisation layers: only 'off'.";
        };
    }

    /** Depth and width spinners go up to the architecture's limits: fewer stages and channels for convnets. */
    static void limitSizes(SettingsViewModel settings, Spinner<Integer> depth, Spinner<Integer> width) {
        Runnable update = () -> {
            boolean conv = settings.architectureProperty().get().convolutional();
            max(depth, conv ? Limits.MAX_CONV_DEPTH : Limits.MAX_DEPTH);
            max(width, conv ? Limits.MAX_CONV_WIDTH : Limits.MAX_WIDTH);
        };
        settings.architectureProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    private static void max(Spinner<Integer> spinner, int max) {
        ((SpinnerValueFactory.IntegerSpinnerValueFactory) spinner.getValueFactory()).setMax(max);
    }

    private static <T> ChoiceBox<T> choice(String id, T[] values, Function<T, String> title) {
        var choice = new ChoiceBox<T>();
        choice.setId(id);
        choice.getItems().setAll(values);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : title.apply(value);
            }

            @Override
            public T fromString(String text) {
                return Arrays.stream(values).filter(v -> title.apply(v).equals(text)).findFirst().orElse(null);
            }
        });
        return choice;
    }
}
