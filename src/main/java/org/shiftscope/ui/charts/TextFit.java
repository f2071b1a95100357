// Chooses among ever shorter texts (a chart's full title, then brief ones) the first that fits a width in a
// given font, so a small screen shows whole words rather than a cut title; an axis keeps its title if it fits.
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.List;

final class TextFit {
    private TextFit() {
    }

    /**
     * The first of {@code texts} that, followed by {@code suffix}, fits {@code width} with {@code margin} free on
     * either side; the last (briefest) if none does.
     */
    static String firstFitting(List<String> texts, String suffix, Font font, double width, double margin) {
        for (String text : texts) {
            if (width(text + suffix, font) + 2 * margin <= width) {
                return text + suffix;
            }
        }
        return texts.get(texts.size() - 1) + suffix;
    }

    /**
     * Titles a vertical axis {@code name} if the name fits its height, else leaves it untitled. Before ChartFX has
     * laid the axis out (height 0) nothing is known, and the title stays as it is.
     */
    static void axisName(AbstractAxis axis, String name) {
        double room = axis.getHeight();
        String wanted = width(name, axis.getAxisLabel().getFont()) <= room ? name : "";
        if (room > 0 && !wanted.equals(axis.getName())) {
            axis.setName(wanted);
            axis.requestAxisLayout();    // ChartFX 11.3 redraws a renamed axis at its old size: the title needs room
        }
    }

    static double width(String s, Font font) {
        var text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }
}
