// The line above the board that says how two runs are told apart (the charts' keys are hidden then: two runs'
// entries would crowd the plots). Its font is the window's, which sets how tall a chart must be.
package org.shiftscope.ui.charts;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import java.util.List;

final class BoardCaption extends Label {
    BoardCaption() {
        setId("board-caption");
        setWrapText(true);                     // wrapped rather than cut in presentation mode
        setMinHeight(Region.USE_PREF_SIZE);
        setPadding(new Insets(2, 8, 0, 8));
        managedProperty().bind(visibleProperty());
    }

    /** Shown for two runs only, side by side (@param sideBySide) or overlaid. */
    void describe(List<ChartRun> runs, boolean sideBySide, boolean stressShown) {
        boolean two = runs.size() > 1;
        setVisible(two);
        if (!two) {
            return;
        }
        String first = runs.get(0).label();
        String second = runs.get(1).label();
        setText(sideBySide
                ? "Each pair: " + first + " left, " + second + " right, on shared axes"
                + (stressShown ? " · stress test below: " + second + " dashed" : "")
                + " · hover a chart to read every line"
                : "Solid lines: " + first + " · dashed lines: " + second + " · hover a chart to read every line");
    }
}
