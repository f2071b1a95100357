// A JavaFX text node (a label's text) as lines of vector text: one line where it fits, else broken between
// words at its wrapping width as JavaFX breaks it, each line aligned as the node aligns it.
package org.shiftscope.ui.export.vector;

import javafx.geometry.VPos;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.shiftscope.ui.export.vector.VectorScene.Role;

import java.util.ArrayList;
import java.util.List;

final class TextReader {
    private TextReader() {
    }

    static void read(Text node, Drawing d, Role role) {
        String text = node.getText();
        if (text == null || text.isBlank()) {
            return;
        }
        var bounds = node.getLayoutBounds();
        double baseline = bounds.getMinY() + node.getBaselineOffset();
        List<String> lines = lines(text, node);
        if (lines.size() == 1) {
            d.text(role, text, bounds.getMinX(), baseline, node.getFont(), node.getFill(), TextAlignment.LEFT,
                    VPos.BASELINE, 0);
            return;
        }
        double step = bounds.getHeight() / lines.size();
        double width = node.getWrappingWidth() > 0 ? node.getWrappingWidth() : bounds.getWidth();
        for (int i = 0; i < lines.size(); i++) {
            double x = switch (node.getTextAlignment()) {
                case CENTER -> bounds.getMinX() + width / 2;
                case RIGHT -> bounds.getMinX() + width;
                default -> bounds.getMinX();
            };
            d.text(role, lines.get(i), x, baseline + i * step, node.getFont(), node.getFill(), node.getTextAlignment(),
                    VPos.BASELINE, 0);
        }
    }

    /** The text's lines: its own line breaks, then breaks between words where a line passes the wrapping width. */
    private static List<String> lines(String text, Text node) {
        var lines = new ArrayList<String>();
        double wrap = node.getWrappingWidth();
        for (String paragraph : text.split("\n", -1)) {
            if (wrap <= 0) {
                lines.add(paragraph);
                continue;
            }
            var line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String longer = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && TextMetrics.of(longer, node.getFont()).width() > wrap) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(longer);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
