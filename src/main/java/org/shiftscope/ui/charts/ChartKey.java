// A chart's legend in small type, inside a corner of the plot: a short swatch and the name of each line, a
// numbered family (layers 1 … 8, λ1 … λ10: lines whose LineKeys follow each other) folded into its first and last.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Line;

import java.util.ArrayList;
import java.util.List;

public final class ChartKey extends FlowPane {
    /** A numbered family of at least this many lines is shown as its first and last member. */
    static final int FOLD_AT = 3;
    /** Length of a swatch's line, in pixels. */
    private static final double SWATCH_LENGTH = 14;
    private static final double[] DASHES = {4, 3};
    private boolean wanted = true;
    private boolean fits = true;
    /** What the key shows now (names, colours, styles), so that an unchanged key is not rebuilt every frame. */
    private List<String> shownLines = List.of();

    ChartKey() {
        getStyleClass().add("chart-key");
        setMouseTransparent(true);
        setManaged(false);            // placed by its chart, in a corner of the plot
        setAlignment(Pos.CENTER_LEFT);
    }

    /**
     * Shows these lines, drawn in this order by the chart: a line without a colour of its own takes the
     * theme colour of its position, as ChartFX gives it. @return whether the key changed
     */
    boolean show(List<ChartSeries> lines) {
        var described = lines.stream()
                .map(l -> l.key() + "|" + l.name() + '|' + l.color() + '|' + l.dashed() + '|' + l.points()).toList();
        if (described.equals(shownLines)) {
            return false;
        }
        shownLines = described;
        var entries = new ArrayList<Node>();
        int i = 0;
        while (i < lines.size()) {
            int end = familyEnd(lines, i);
            if (end - i >= FOLD_AT) {
                entries.add(entry(lines.get(i), i));
                entries.add(text("…"));
                entries.add(entry(lines.get(end - 1), end - 1));
                i = end;
            } else {
                entries.add(entry(lines.get(i), i));
                i++;
            }
        }
        getChildren().setAll(entries);
        updateVisible();
        return true;
    }

    /** Whether the key is wanted at all (hidden when two runs share a chart: the caption tells them apart). */
    void setWanted(boolean shown) {
        wanted = shown;
        updateVisible();
    }

    /** Whether the key fits its plot (its chart decides; a key covering the lines is worse than none). */
    void setFits(boolean room) {
        fits = room;
        updateVisible();
    }

    private void updateVisible() {
        setVisible(wanted && fits && !getChildren().isEmpty());
    }

    /** The width of the key on one line. */
    double contentWidth() {
        double width = snappedLeftInset() + snappedRightInset() + getHgap() * Math.max(0, getChildren().size() - 1);
        for (Node entry : getChildren()) {
            width += entry.prefWidth(-1);
        }
        return width;
    }

    /** The names shown, "…" for a folded family (for tests). */
    List<String> texts() {
        var out = new ArrayList<String>();
        for (Node n : getChildren()) {
            Label label = n instanceof Label l ? l : (Label) ((HBox) n).getChildren().get(1);
            out.add(label.getText());
        }
        return out;
    }

    /** Index after the numbered family that starts at {@code from} (each line's key follows the one before). */
    private static int familyEnd(List<ChartSeries> lines, int from) {
        int end = from + 1;
        while (end < lines.size() && lines.get(end).key().follows(lines.get(end - 1).key())) {
            end++;
        }
        return end;
    }

    private static Node entry(ChartSeries line, int position) {
        String color = line.color() != null ? line.color() : Palette.datasetColor(position);
        var swatch = new Line(0, 0, line.points() ? 0 : SWATCH_LENGTH, 0);
        swatch.getStyleClass().add(line.points() ? "chart-key-point" : "chart-key-line");
        swatch.setStyle("-fx-stroke: " + color + ";");
        if (line.dashed()) {
            swatch.getStrokeDashArray().setAll(DASHES[0], DASHES[1]);
        }
        var box = new HBox(swatch, text(line.name()));
        box.getStyleClass().add("chart-key-entry");
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label text(String s) {
        var label = new Label(s);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }
}
