// Small builders the settings column is made of: a label beside its control, an integer spinner bound to a
// property and kept in its range, a command button, a wrapping tooltip.
package org.shiftscope.ui.controls;

import javafx.beans.property.IntegerProperty;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.converter.IntegerStringConverter;

final class ControlRows {
    private ControlRows() {
    }

    /** A label and its control on one line, or the control under the label where presentation mode has no room. */
    static FlowPane row(String label, Node control) {
        var l = new Label(label);
        l.getStyleClass().add("row-label");          // as wide as the longest label at 1×, its own width in presentation
        l.setMinWidth(Region.USE_PREF_SIZE);
        var row = new FlowPane(6, 2, l, control);
        row.setRowValignment(VPos.CENTER);
        return row;
    }

    /** An editable spinner for {@code target}; typed values are clamped to min–max, anything else is ignored. */
    static Spinner<Integer> intSpinner(String id, int min, int max, int step, IntegerProperty target, String help) {
        var spinner = new Spinner<Integer>(min, max, target.get(), step);
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

    static Button button(String id, String text, String help, Runnable action) {
        var button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> action.run());
        button.setTooltip(tip(help));
        return button;
    }

    static Tooltip tip(String text) {
        var tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        return tooltip;
    }
}
