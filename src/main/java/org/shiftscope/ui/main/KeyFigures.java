// The figures a class should never lose sight of, in large type above the charts in every layout and at
// every presentation scale: the step, λ1 and η·λ1 (of each run in comparison mode). The figures wrap onto a
// second line rather than being cut; hovering them shows the Hessian's whole line.
package org.shiftscope.ui.main;

import org.shiftscope.ui.runs.RunsViewModel;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Locale;

final class KeyFigures extends HBox {
    /** Widest the tooltip grows before it wraps, in pixels. */
    private static final double TOOLTIP_WIDTH = 600;

    KeyFigures(RunsViewModel runs) {
        setId("key-figures");
        getStyleClass().add("key-figures");
        setAlignment(Pos.CENTER_LEFT);
        var step = new Label();
        step.setId("key-step");
        step.setMinWidth(Region.USE_PREF_SIZE);
        step.textProperty().bind(runs.stepsProperty().map(n -> String.format(Locale.ROOT, "Step %,d", n.longValue())));
        var curvature = new Label();
        curvature.setId("key-curvature");
        curvature.setWrapText(true);
        curvature.setMinHeight(Region.USE_PREF_SIZE);
        curvature.setMaxWidth(Double.MAX_VALUE);
        curvature.textProperty().bind(runs.figures().curvatureProperty());
        var details = new Tooltip();                 // the Hessian line, which short windows leave out
        details.textProperty().bind(runs.figures().hessianSummaryProperty());
        details.setWrapText(true);
        details.setMaxWidth(TOOLTIP_WIDTH);
        curvature.setTooltip(details);
        HBox.setHgrow(curvature, Priority.ALWAYS);
        getChildren().addAll(step, curvature);
    }
}
