// The charts' compact key: a numbered family of lines ("layer 1" … "layer 8", "λ1" … "λ10") is folded into its
// first and last member, short lists are shown whole, and a line without a colour of its own gets the theme
// colour of its position, as ChartFX draws it.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import javafx.scene.layout.HBox;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ChartKeyTest {
    private static final double[] POINT = {1};

    @Start
    void start(Stage stage) {
        // no window needed: the key is a plain node
    }

    private static ChartSeries line(String name) {
        return new ChartSeries(name, POINT, POINT);
    }

    @Test
    void aNumberedFamilyIsFoldedIntoItsFirstAndLastMember() {
        var key = new ChartKey();
        var lines = new ArrayList<ChartSeries>();
        for (int i = 1; i <= 10; i++) {
            lines.add(new ChartSeries(LineKey.lambda(i), "λ" + i, POINT, POINT));
        }
        lines.add(new ChartSeries(LineKey.of(LineKey.Kind.THRESHOLD), RunHistory.THRESHOLD_NAME, POINT, POINT)
                .styled(Palette.INK, true));
        assertTrue(key.show(lines));
        assertEquals(List.of("λ1", "…", "λ10", RunHistory.THRESHOLD_NAME), key.texts());
        assertFalse(key.show(lines), "the same lines: nothing to rebuild");

        key.show(List.of(line("layer 1"), line("layer 2"), line("15th"), line("50th")));
        assertEquals(List.of("layer 1", "layer 2", "15th", "50th"), key.texts(), "two of a family and no run: whole");
    }

    @Test
    void aLineWithoutItsOwnColourTakesTheThemeColourOfItsPosition() {
        var key = new ChartKey();
        var lines = new ArrayList<ChartSeries>();
        for (int i = 1; i <= 9; i++) {
            lines.add(line("train " + (char) ('a' + i)));
        }
        lines.set(1, lines.get(1).styled("#21918c", true));
        key.show(lines);
        assertEquals("-fx-stroke: -color-dataset-1;", swatch(key, 0).getStyle());
        assertEquals("-fx-stroke: #21918c;", swatch(key, 1).getStyle());
        assertFalse(swatch(key, 1).getStrokeDashArray().isEmpty(), "a dashed line has a dashed swatch");
        assertEquals("-fx-stroke: -color-dataset-1;", swatch(key, 8).getStyle(), "the ninth wraps round to the first");
    }

    private static Line swatch(ChartKey key, int entry) {
        return (Line) ((HBox) key.getChildren().get(entry)).getChildren().get(0);
    }
}
