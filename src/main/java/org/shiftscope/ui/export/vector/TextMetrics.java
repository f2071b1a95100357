// The width and vertical extent of a line of text in a font, measured by JavaFX's own text layout, so text in
// a vector figure starts and sits where JavaFX drew it (a canvas aligns text about a point by these numbers).
package org.shiftscope.ui.export.vector;

import javafx.geometry.VPos;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

record TextMetrics(double width, double ascent, double descent) {
    static TextMetrics of(String text, Font font) {
        var probe = new Text(text);
        probe.setFont(font);
        probe.setTextOrigin(VPos.BASELINE);
        var bounds = probe.getLayoutBounds();
        return new TextMetrics(bounds.getWidth(), -bounds.getMinY(), bounds.getMaxY());
    }

    /** How far below a point the baseline lies when text is placed at it with this vertical origin. */
    double baselineBelow(VPos origin) {
        return switch (origin) {
            case TOP -> ascent;
            case CENTER -> (ascent - descent) / 2;
            case BOTTOM -> -descent;
            default -> 0;
        };
    }
}
