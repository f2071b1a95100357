// The band above the charts while a guided scenario plays: its title, the two lines of what to watch and
// why, its reference, and the button that leaves it for free exploration. Hidden when no scenario plays.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.controls.RunChoicesViewModel;
import org.shiftscope.ui.look.DemoRole;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.shiftscope.model.scenario.Scenario;

public final class ScenarioBanner extends HBox {
    private final Label title = new Label();
    private final Label explanation = new Label();
    private final Label reference = new Label();

    public ScenarioBanner(RunChoicesViewModel choices) {
        setId("scenario-banner");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 8, 6, 8));
        getStyleClass().add("scenario-banner");
        title.setId("scenario-title");
        title.getStyleClass().add("scenario-title");
        explanation.setId("scenario-text");
        explanation.setWrapText(true);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        reference.setId("scenario-reference");
        reference.getStyleClass().add("scenario-reference");
        DemoRole.OPTIONAL.mark(reference);
        reference.setWrapText(true);
        reference.setMinHeight(Region.USE_PREF_SIZE);
        var text = new VBox(2, title, explanation, reference);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        var leave = new Button("Leave scenario");
        leave.setId("leave-scenario");
        leave.setMinWidth(Region.USE_PREF_SIZE);
        leave.setOnAction(e -> choices.leaveScenario());
        getChildren().addAll(text, leave);
        choices.scenarioProperty().addListener((o, old, now) -> show(now));
        show(choices.scenarioProperty().get());
    }

    private void show(Scenario scenario) {
        setVisible(scenario != null);
        setManaged(scenario != null);
        if (scenario != null) {
            title.setText("Scenario: " + scenario.title());
            explanation.setText(String.join("\n", scenario.explanation()));
            reference.setText(scenario.reference());
        }
    }
}
