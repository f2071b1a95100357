// The learning-rate control: a slider on a log10 scale and a field for an exact value, both kept on the
// settings' η and clamped to the control's range (Limits). Its slider is the handle the η shortcuts nudge.
package org.shiftscope.ui.controls;

import javafx.beans.property.DoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.shiftscope.model.config.Limits;
import org.shiftscope.ui.look.DemoRole;
import org.shiftscope.ui.runs.RunFigures;

import static org.shiftscope.ui.controls.ControlRows.tip;

public final class LearningRateControl extends HBox {
    /** One notch of the slider (arrow keys, the η shortcuts), in log10 η. */
    public static final double NOTCH = 0.1;
    private final Slider slider;

    LearningRateControl(DoubleProperty learningRate) {
        slider = new Slider(Math.log10(Limits.MIN_LEARNING_RATE_CONTROL), Math.log10(Limits.MAX_LEARNING_RATE_CONTROL),
                Math.log10(learningRate.get()));
        slider.setId("lr-slider");
        slider.setBlockIncrement(NOTCH);
        var field = new TextField(RunFigures.format(learningRate.get()));
        field.setId("lr-field");
        field.setPrefColumnCount(5);
        slider.valueProperty().addListener((o, a, v) -> {
            if (Math.abs(Math.log10(learningRate.get()) - v.doubleValue()) > 1e-9) {
                learningRate.set(Math.pow(10, v.doubleValue()));
            }
        });
        learningRate.addListener((o, a, lr) -> {
            slider.setValue(Math.log10(lr.doubleValue()));
            field.setText(RunFigures.format(lr.doubleValue()));
        });
        field.setOnAction(e -> {
            try {
                double clamped = clamp(Double.parseDouble(field.getText().trim()));
                learningRate.set(clamped);
                field.setText(RunFigures.format(clamped));
            } catch (NumberFormatException ex) {
                field.setText(RunFigures.format(learningRate.get()));
            }
        });
        var help = tip("Learning rate η (log scale, 1e-4 to 10). Full-batch gradient descent diverges once η·λ1 > 2;"
                + " mini-batch SGD trains near that threshold (edge of stability). With BN the sharpness keeps"
                + " adapting, so training survives a much larger η.");
        slider.setTooltip(help);
        field.setTooltip(help);
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(slider, Priority.ALWAYS);
        getChildren().addAll(DemoRole.ESSENTIAL.mark(slider), DemoRole.ESSENTIAL.mark(field));
    }

    /** η kept in the control's range. */
    public static double clamp(double learningRate) {
        return Math.max(Limits.MIN_LEARNING_RATE_CONTROL, Math.min(Limits.MAX_LEARNING_RATE_CONTROL, learningRate));
    }

    public Slider slider() {
        return slider;
    }
}
