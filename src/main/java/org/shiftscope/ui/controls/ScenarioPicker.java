// Picks a guided scenario: the bundled ones (assets/scenarios) by title, or a JSON file a teacher wrote.
// Choosing one plays it at once; a bad file is refused with a message naming the file and the field.
// Two separate controls, so presentation mode can keep the picker and hide the file button.
package org.shiftscope.ui.controls;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import org.shiftscope.model.scenario.InvalidScenarioException;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.scenario.ScenarioReader;

import java.io.File;

final class ScenarioPicker {
    private ScenarioPicker() {
    }

    /** The bundled scenarios by title; choosing one plays it. */
    static ComboBox<Scenario> choice(RunChoicesViewModel choices) {
        var choice = new ComboBox<Scenario>();
        choice.setId("scenario");
        choice.setPromptText("Pick a demo…");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.getItems().setAll(ScenarioReader.bundled());
        choice.setCellFactory(list -> new TitleCell());
        choice.setButtonCell(new TitleCell());
        choice.setTooltip(new Tooltip("Sets the controls for a classic demonstration and starts it; "
                + "the band above the charts says what to watch. Leave it at any time to explore."));
        choice.setOnAction(e -> {
            if (choice.getValue() != null && !choice.getValue().equals(choices.scenarioProperty().get())) {
                choices.play(choice.getValue());
            }
        });
        choices.scenarioProperty().addListener((o, old, now) -> {
            if (now == null || !choice.getItems().contains(now)) {
                choice.getSelectionModel().clearSelection();      // left, or a teacher's own file
            } else {
                choice.setValue(now);                             // e.g. started with --scenario
            }
        });
        return choice;
    }

    /** Opens a scenario file and plays it, or says in a dialog why it cannot. */
    static Button loadButton(RunChoicesViewModel choices) {
        var load = new Button("Load scenario file…");
        load.setId("load-scenario");
        load.setMaxWidth(Double.MAX_VALUE);
        load.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ShiftScope scenario", "*.json"));
            File file = chooser.showOpenDialog(load.getScene().getWindow());
            if (file != null) {
                try {
                    choices.play(ScenarioReader.read(file.toPath()));
                } catch (InvalidScenarioException ex) {
                    var alert = new Alert(Alert.AlertType.ERROR, ex.getMessage());
                    alert.setHeaderText("Could not use " + file.getName());
                    alert.show();
                }
            }
        });
        return load;
    }

    /** A scenario by its title, wrapped rather than cut when it is longer than the settings column is wide. */
    private static final class TitleCell extends ListCell<Scenario> {
        TitleCell() {
            setWrapText(true);
            widthProperty().addListener(o -> requestLayout());      // a narrower cell may need another line
        }

        /** As tall as the title wrapped to the cell's width: the combo box asks without a width. */
        @Override
        protected double computePrefHeight(double width) {
            return super.computePrefHeight(width < 0 && getWidth() > 0 ? getWidth() : width);
        }

        @Override
        protected void updateItem(Scenario item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
