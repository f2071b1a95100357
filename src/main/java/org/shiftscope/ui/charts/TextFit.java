// Chooses among ever shorter texts (a chart's full title, then brief ones) the first that fits a width in a
// given font, so a small screen shows whole words rather than a cut title.
package org.shiftscope.ui.charts;

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

    static double width(String s, Font font) {
        var text = new Text(s);
        text.setFont(font);
        return text.getLayoutBounds().getWidth();
    }
}
