// The "What am I looking at?" side panel: the explanation of the chart whose title the user hovers, or of
// the current scenario, read from resource files (Explanations). Shows the overview until told otherwise.
package org.shiftscope.ui.classroom;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

public final class ExplanationPanel extends VBox {
    /** The entry shown when no scenario is set: the argument of the whole app in a few lines. */
    public static final String OVERVIEW = "overview";
    /** Suffix of the ids of the second run's charts when two runs are shown side by side (ChartBoard). */
    private static final String SECOND_RUN_SUFFIX = "-b";

    private final Explanations explanations;
    private final VBox body = new VBox();
    private final Hyperlink back = new Hyperlink();
    private final ReadOnlyStringWrapper shownId = new ReadOnlyStringWrapper(this, "shownId");
    private String scenarioId = OVERVIEW;
    private String scenarioFallback = "";

    public ExplanationPanel(Explanations explanations) {
        this.explanations = explanations;
        setId("explanation-panel");
        getStyleClass().add("explanation-panel");
        var header = new Label("What am I looking at?");
        header.getStyleClass().add("explain-title");
        var hint = new Label("Hover a chart's title to read what it shows.");
        hint.getStyleClass().add("explain-hint");
        hint.setWrapText(true);
        back.setId("explain-back");
        back.setOnAction(e -> showScenario(scenarioId, scenarioFallback));
        back.setWrapText(true);
        body.getStyleClass().add("explanation-body");
        body.setFillWidth(true);
        var scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, hint, back, scroll);
        showScenario(OVERVIEW, "");
    }

    /**
     * Shows the explanation of a chart (its id, e.g. "loss-chart"; the second run's copy "loss-chart-b" in
     * comparison mode has the same entry).
     * @return false, changing nothing, when there is no entry for that chart
     */
    public boolean showChart(String chartId) {
        String entryId = chartId.endsWith(SECOND_RUN_SUFFIX)
                ? chartId.substring(0, chartId.length() - SECOND_RUN_SUFFIX.length()) : chartId;
        var entry = explanations.find(entryId);
        entry.ifPresent(e -> render(entryId, e));
        return entry.isPresent();
    }

    /**
     * Makes {@code id} the current scenario and shows its entry, or {@code fallbackText} (e.g. the scenario
     * file's own description) when no entry has been written for it.
     */
    public void showScenario(String id, String fallbackText) {
        scenarioId = id;
        scenarioFallback = fallbackText == null ? "" : fallbackText;
        var entry = explanations.find(id);
        render(id, entry.orElseGet(() -> Explanation.parse("# Scenario: " + id + "\n\n" + scenarioFallback)));
    }

    private void render(String id, Explanation entry) {
        body.getChildren().clear();
        var title = new Label(entry.title());
        title.getStyleClass().add("explain-title");
        title.setWrapText(true);
        body.getChildren().add(title);
        for (Explanation.Block block : entry.blocks()) {
            var label = new Label(block instanceof Explanation.Bullet ? "•  " + block.text() : block.text());
            label.setWrapText(true);
            label.setMinHeight(Label.USE_PREF_SIZE);
            label.getStyleClass().add(block instanceof Explanation.Heading ? "explain-heading" : "explain-text");
            body.getChildren().add(label);
        }
        body.setSpacing(4);
        boolean onScenario = id.equals(scenarioId);
        back.setText(OVERVIEW.equals(scenarioId) ? "← Overview" : "← Current scenario");
        back.setVisible(!onScenario);
        back.setManaged(!onScenario);
        shownId.set(id);
    }

    /** Id of the entry on display (a chart id, a scenario id or "overview"). */
    public ReadOnlyStringProperty shownIdProperty() {
        return shownId.getReadOnlyProperty();
    }

    /** The text on display, title first. */
    public String shownText() {
        var text = new StringBuilder();
        body.getChildren().forEach(n -> text.append(((Label) n).getText()).append('\n'));
        return text.toString();
    }
}
