// A figure as vector primitives in scene pixels (y down), read off a laid-out JavaFX node (SceneReader) and
// written by SvgWriter and PdfWriter: one description of a figure, two back ends. No JavaFX type crosses here.
package org.shiftscope.ui.export.vector;

import java.awt.image.BufferedImage;
import java.util.List;

/** @param width @param height the figure's size in scene pixels @param items drawn in order, later over earlier */
public record VectorScene(double width, double height, List<Item> items) {
    /** What an item shows, for the SVG's class attribute and for tests ("series", "tick-label", "axis-title" …). */
    public enum Role { SERIES, MARKER, GRID, AXIS, TICK, TICK_LABEL, AXIS_TITLE, TITLE, TEXT, SHAPE, BACKGROUND }

    public sealed interface Item permits Shape, Text, Image, Clip {
    }

    /** A colour with alpha in [0, 1]. */
    public record Rgba(int red, int green, int blue, double alpha) {
    }

    /** @param dashes lengths on, off, on … in pixels; empty for a solid line */
    public record Stroke(Rgba color, double width, double[] dashes) {
    }

    /** A font as JavaFX resolved it: its family (as fontconfig knows it), size in pixels, weight and slant. */
    public record Face(String family, double size, boolean bold, boolean italic) {
    }

    /**
     * Polylines drawn as one path: a series broken at NaN has several. {@code fill} or {@code stroke} may be null.
     * @param closed each polyline is closed (a rectangle, a marker)
     */
    public record Shape(Role role, List<double[]> polylines, boolean closed, Rgba fill, Stroke stroke) implements Item {
    }

    /** One line of text; (x, y) is the start of its baseline; {@code rotation} in degrees about that point. */
    public record Text(Role role, String text, double x, double y, Face face, Rgba fill, double rotation) implements Item {
    }

    /** Pixels where a part has no vector form (a heatmap drawn on a canvas), stretched over the rectangle. */
    public record Image(double x, double y, double width, double height, BufferedImage pixels) implements Item {
    }

    /** Items clipped to a rectangle (a chart's plot area). */
    public record Clip(double x, double y, double width, double height, List<Item> items) implements Item {
    }
}
