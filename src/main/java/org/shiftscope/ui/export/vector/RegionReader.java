// A region's CSS backgrounds (filled rectangles, rounded where the CSS rounds them) and border strokes as vector
// shapes: the plot backgrounds, the chart key's box, the marker labels' frames.
package org.shiftscope.ui.export.vector;

import javafx.geometry.Insets;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import org.shiftscope.ui.export.vector.VectorScene.Role;

import java.util.ArrayList;
import java.util.List;

final class RegionReader {
    /** Segments per rounded corner. */
    private static final int CORNER_STEPS = 6;

    private RegionReader() {
    }

    static void backgrounds(Region region, Drawing d) {
        if (region.getBackground() == null) {
            return;
        }
        for (BackgroundFill fill : region.getBackground().getFills()) {
            double radius = fill.getRadii().getTopLeftHorizontalRadius();
            d.polylines(Role.BACKGROUND, List.of(outline(region, fill.getInsets(), 0, radius)), true, fill.getFill(), null);
        }
    }

    /** Each border stroke, drawn inside its insets as JavaFX draws an inside stroke. */
    static void borders(Region region, Drawing d) {
        if (region.getBorder() == null) {
            return;
        }
        for (BorderStroke stroke : region.getBorder().getStrokes()) {
            double width = stroke.getWidths().getTop();
            var dashes = stroke.getTopStyle().getDashArray().stream().mapToDouble(Double::doubleValue).toArray();
            var line = d.stroke(stroke.getTopStroke(), width, dashes);
            if (line != null) {
                double radius = stroke.getRadii().getTopLeftHorizontalRadius();
                d.polylines(Role.SHAPE, List.of(outline(region, stroke.getInsets(), width / 2, radius)), true, null, line);
            }
        }
    }

    /** The region's box less {@code insets} and {@code inset} more, corners rounded by {@code radius}, as x, y pairs. */
    private static double[] outline(Region region, Insets insets, double inset, double radius) {
        double x0 = insets.getLeft() + inset;
        double y0 = insets.getTop() + inset;
        double x1 = region.getWidth() - insets.getRight() - inset;
        double y1 = region.getHeight() - insets.getBottom() - inset;
        double r = Math.max(0, Math.min(radius - inset, Math.min(x1 - x0, y1 - y0) / 2));
        if (r == 0) {
            return new double[]{x0, y0, x1, y0, x1, y1, x0, y1};
        }
        var xy = new ArrayList<Double>();
        double[][] centres = {{x1 - r, y0 + r}, {x1 - r, y1 - r}, {x0 + r, y1 - r}, {x0 + r, y0 + r}};
        for (int corner = 0; corner < 4; corner++) {
            for (int i = 0; i <= CORNER_STEPS; i++) {
                double angle = Math.PI / 2 * (corner - 1 + (double) i / CORNER_STEPS);
                xy.add(centres[corner][0] + r * Math.cos(angle));
                xy.add(centres[corner][1] + r * Math.sin(angle));
            }
        }
        return xy.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
