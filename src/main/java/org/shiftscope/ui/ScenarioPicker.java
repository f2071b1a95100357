// Picks a guided scenario: the bundled ones (assets/scenarios) by title, or a JSON file a teacher wrote.
// Choosing one plays it at once; a bad file is refused with a message naming the file and the field.
package org.shiftscope.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.shiftscope.model.scenario.InvalidScenarioException;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.scenario.ScenarioReader;

import java.io.File;

final class ScenarioPicker extends VBox {
    ScenarioPicker(TrainingViewModel vm) {
        setSpacing(4);
        var choice = new ComboBox<Scenario>();
        choice.setId("scenario");
        choice.setPromptText("Choose a demonstration…");
        choice.setMaxWidth(Double.MAX_VALUE);
        choice.getItems().setAll(ScenarioReader.bundled());
        choice.setCellFactory(list -> new TitleCell());
        choice.setButtonCell(new TitleCell());
        choice.setTooltip(new Tooltip("Sets the controls for a classic demonstration and starts it; "
                + "the band above the charts says what to watch. Leave it at any time to explore."));
        choice.setOnAction(e -> {
            if (choice.getValue() != null) {
                vm.play(choice.getValue());
            }
        });
        vm.scenarioProperty().addListener((o, old, now) -> {
            if (now == null) {
                choice.getSelectionModel().clearSelection();
            }
        });
        var load = new Button("Load scenario file…");
        load.setId("load-scenario");
        load.setMaxWidth(Double.MAX_VALUE);
        load.setOnAction(e -> {
            var chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ShiftScope scenario", "*.json"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                try {
                    vm.play(ScenarioReader.read(file.toPath()));
                } catch (InvalidScenarioException ex) {
                    var alert = new Alert(Alert.AlertType.ERROR, ex.getMessage());
                    alert.setHeaderText("Could not use " + file.getName());
                    alert.show();
                }
            }
        });
        getChildren().addAll(choice, load);
    }

    private static final class TitleCell extends ListCell<Scenario> {
        @Override
        protected void updateItem(Scenario item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.title());
        }
    }
}
