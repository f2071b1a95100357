// The window's status bar: the step counter (always whole), the runs' state and backend, long work under way,
// the latest message in the style of its kind, then the window's switches. When room runs out, the state and
// the message are cut short with "…" (the whole message is in its tooltip); the counter and switches never are.
package org.shiftscope.ui.main;

import org.shiftscope.ui.look.DemoRole;
import org.shiftscope.ui.runs.MessageKind;
import org.shiftscope.ui.runs.RunsViewModel;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Locale;

public final class StatusLine extends HBox {
    /** Widest a message's tooltip grows before it wraps, in pixels. */
    private static final double TOOLTIP_WIDTH = 600;
    private final Label step = new Label();
    private final Label state = new Label();
    private final Label resources = new Label();
    private final Label message = new Label();
    /** Long work under way (building a large network, loading data), with a spinning indicator. */
    private final Label busy = new Label();
    private final HBox rightItems = new HBox(4);

    StatusLine(RunsViewModel runs) {
        var figures = runs.figures();
        var messages = runs.messageLine();
        setId("status-bar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        setPadding(new Insets(2, 4, 2, 6));

        step.setId("status-step");
        step.getStyleClass().add("status-step");
        step.setMinWidth(Region.USE_PREF_SIZE);
        step.textProperty().bind(runs.stepsProperty().map(n -> String.format(Locale.ROOT, "Step %,d", n.longValue())));

        state.setId("status-text");
        state.setMinWidth(0);
        state.textProperty().bind(figures.statusProperty());
        resources.setId("status-resources");
        resources.setMinWidth(0);
        DemoRole.OPTIONAL.mark(resources);
        busy.setId("status-busy");
        busy.setMinWidth(Region.USE_PREF_SIZE);
        busy.textProperty().bind(runs.executor().busyProperty());
        busy.setGraphic(new ProgressIndicator(ProgressIndicator.INDETERMINATE_PROGRESS));
        busy.getGraphic().setStyle("-fx-pref-width: 1em; -fx-pref-height: 1em;");
        busy.visibleProperty().bind(runs.executor().busyProperty().isNotEmpty());
        busy.managedProperty().bind(busy.visibleProperty());
        resources.textProperty().bind(figures.resourcesProperty().map(text -> "· " + text));

        message.setId("message");
        message.getStyleClass().add("message");
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setTextOverrun(OverrunStyle.ELLIPSIS);
        message.textProperty().bind(Bindings.createStringBinding(() -> messages.textProperty().get().isEmpty() ? ""
                : messages.kindProperty().get().sign() + messages.textProperty().get(),
                messages.textProperty(), messages.kindProperty()));
        messages.kindProperty().addListener((o, old, kind) -> style(kind));
        style(messages.kindProperty().get());
        var whole = new Tooltip();
        whole.textProperty().bind(messages.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(TOOLTIP_WIDTH);
        message.setTooltip(whole);
        HBox.setHgrow(message, Priority.ALWAYS);

        rightItems.setAlignment(Pos.CENTER_RIGHT);
        rightItems.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(step, state, resources, busy, message, rightItems);
    }

    private void style(MessageKind kind) {
        for (MessageKind k : MessageKind.values()) {
            message.getStyleClass().remove(k.styleClass());
        }
        message.getStyleClass().add(kind.styleClass());
    }

    /** Switches and readouts at the right end, kept whole. */
    public ObservableList<Node> getRightItems() {
        return rightItems.getChildren();
    }
}
