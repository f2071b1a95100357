// Collects vector items in the figure's coordinates while a reader walks JavaFX nodes: each call takes
// coordinates local to one node and maps them through that node's transform, and turns JavaFX paints and
// fonts into the scene's plain values; text is placed as a JavaFX canvas places it (alignment, baseline).
package org.shiftscope.ui.export.vector;

import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.RadialGradient;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Transform;
import org.shiftscope.ui.export.vector.VectorScene.Item;
import org.shiftscope.ui.export.vector.VectorScene.Rgba;
import org.shiftscope.ui.export.vector.VectorScene.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

final class Drawing {
    private final List<Item> items;
    private final Transform toFigure;

    Drawing(List<Item> items, Transform toFigure) {
        this.items = items;
        this.toFigure = toFigure;
    }

    /** The same list, with coordinates local to another node (its transform to the figure given). */
    Drawing with(Transform local) {
        return new Drawing(items, local);
    }

    /** A drawing whose items are clipped to the rectangle (local coordinates, axis-aligned in the figure). */
    Drawing clipped(double x, double y, double width, double height) {
        var inner = new ArrayList<Item>();
        Point2D a = toFigure.transform(x, y);
        Point2D b = toFigure.transform(x + width, y + height);
        items.add(new VectorScene.Clip(Math.min(a.getX(), b.getX()), Math.min(a.getY(), b.getY()),
                Math.abs(b.getX() - a.getX()), Math.abs(b.getY() - a.getY()), inner));
        return new Drawing(inner, toFigure);
    }

    void line(Role role, double x1, double y1, double x2, double y2, Paint color, double width, double[] dashes) {
        polylines(role, List.of(new double[]{x1, y1, x2, y2}), false, null, stroke(color, width, dashes));
    }

    void rect(Role role, double x, double y, double width, double height, Paint fill, VectorScene.Stroke stroke) {
        polylines(role, List.of(new double[]{x, y, x + width, y, x + width, y + height, x, y + height}), true,
                fill, stroke);
    }

    /** Polylines as flat x, y arrays in local coordinates; nothing is added if neither fill nor stroke shows. */
    void polylines(Role role, List<double[]> local, boolean closed, Paint fill, VectorScene.Stroke stroke) {
        Rgba fillColor = rgba(fill);
        if (fillColor == null && stroke == null || local.isEmpty()) {
            return;
        }
        var mapped = new ArrayList<double[]>(local.size());
        for (double[] xy : local) {
            double[] out = new double[xy.length];
            for (int i = 0; i + 1 < xy.length; i += 2) {
                Point2D p = toFigure.transform(xy[i], xy[i + 1]);
                out[i] = p.getX();
                out[i + 1] = p.getY();
            }
            mapped.add(out);
        }
        items.add(new VectorScene.Shape(role, mapped, closed, fillColor, stroke));
    }

    /** A stroke in figure units, or null for an invisible one. */
    VectorScene.Stroke stroke(Paint color, double width, double[] dashes) {
        Rgba rgba = rgba(color);
        if (rgba == null || width <= 0) {
            return null;
        }
        double scale = Math.hypot(toFigure.getMxx(), toFigure.getMyx());
        double[] scaled = dashes == null ? new double[0] : dashes.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= scale;
        }
        return new VectorScene.Stroke(rgba, width * scale, scaled);
    }

    /**
     * Text drawn as a canvas draws it: {@code align} about x, {@code baseline} about y, rotated by
     * {@code rotation} degrees about (x, y).
     */
    void text(Role role, String text, double x, double y, Font font, Paint fill, TextAlignment align, VPos baseline,
              double rotation) {
        Rgba color = rgba(fill);
        if (text == null || text.isEmpty() || color == null) {
            return;
        }
        var metrics = TextMetrics.of(text, font);
        double dx = switch (align == null ? TextAlignment.LEFT : align) {
            case CENTER -> -metrics.width() / 2;
            case RIGHT -> -metrics.width();
            default -> 0;
        };
        double dy = metrics.baselineBelow(baseline == null ? VPos.BASELINE : baseline);
        double radians = Math.toRadians(rotation);
        Point2D start = toFigure.transform(x + dx * Math.cos(radians) - dy * Math.sin(radians),
                y + dx * Math.sin(radians) + dy * Math.cos(radians));
        double angle = rotation + Math.toDegrees(Math.atan2(toFigure.getMyx(), toFigure.getMxx()));
        double size = font.getSize() * Math.hypot(toFigure.getMxx(), toFigure.getMyx());
        items.add(new VectorScene.Text(role, text, start.getX(), start.getY(), face(font, size), color, angle));
    }

    void image(double x, double y, double width, double height, java.awt.image.BufferedImage pixels) {
        Point2D a = toFigure.transform(x, y);
        Point2D b = toFigure.transform(x + width, y + height);
        items.add(new VectorScene.Image(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY(), pixels));
    }

    /** A plain colour for a paint: a gradient gives its first stop; null or fully transparent gives null. */
    static Rgba rgba(Paint paint) {
        Color color = paint instanceof Color c ? c
                : paint instanceof LinearGradient g ? g.getStops().get(0).getColor()
                : paint instanceof RadialGradient g ? g.getStops().get(0).getColor() : null;
        if (color == null || color.getOpacity() == 0) {
            return null;
        }
        return new Rgba((int) Math.round(color.getRed() * 255), (int) Math.round(color.getGreen() * 255),
                (int) Math.round(color.getBlue() * 255), color.getOpacity());
    }

    /** The installed family JavaFX drew with, the weight and slant read from its style ("Bold", "Italic", "Oblique"). */
    static VectorScene.Face face(Font font, double size) {
        String style = font.getStyle().toLowerCase(Locale.ROOT);
        boolean bold = style.contains("bold") || style.contains("black") || style.contains("heavy");
        boolean italic = style.contains("italic") || style.contains("oblique")
                || font.getName().toLowerCase(Locale.ROOT).contains(FontPosture.ITALIC.name().toLowerCase(Locale.ROOT));
        return new VectorScene.Face(FontFamilies.physical(font.getFamily()), size, bold, italic);
    }
}
