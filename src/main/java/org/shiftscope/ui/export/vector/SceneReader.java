// Reads a laid-out JavaFX node into vector items, walking its tree in drawing order: region backgrounds and
// borders, shapes, text nodes (the chart titles, keys and markers), and the canvases ChartFX draws on, read back
// from the chart's own state (PlotReader, AxisReader); any other canvas (a heatmap) is kept as an image.
package org.shiftscope.ui.export.vector;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.ui.css.StyleGroup;
import io.fair_acc.chartfx.ui.css.StyleUtil;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.transform.NonInvertibleTransformException;
import javafx.scene.transform.Transform;
import javafx.scene.transform.Translate;
import org.shiftscope.ui.charts.ChartToolBars;
import org.shiftscope.ui.export.vector.VectorScene.Item;
import org.shiftscope.ui.export.vector.VectorScene.Role;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

public final class SceneReader {
    /** Resolution of a canvas kept as an image, in pixels per scene pixel: sharp enough for print. */
    static final int IMAGE_SCALE = 3;
    private final Transform figureFromScene;
    private final Map<Canvas, Consumer<Drawing>> chartCanvases = new IdentityHashMap<>();

    private SceneReader(Node root, double top) {
        try {
            var bounds = root.getLayoutBounds();
            figureFromScene = new Translate(-bounds.getMinX(), top - bounds.getMinY())
                    .createConcatenation(root.getLocalToSceneTransform().createInverse());
        } catch (NonInvertibleTransformException e) {
            throw new IllegalStateException("a figure cannot be scaled to nothing", e);
        }
        for (var chart : ChartToolBars.chartsUnder(root)) {
            if (chart instanceof XYChart xy) {
                chartCanvases.put(xy.getCanvas(), d -> PlotReader.read(xy, d));
                for (var axis : xy.getAxes()) {
                    if (axis instanceof AbstractAxis drawn) {
                        chartCanvases.put(drawn.getCanvas(), d -> AxisReader.read(drawn, d.with(toFigure(drawn))));
                    }
                }
            }
        }
    }

    /**
     * The items of a laid-out node (on the FX thread), in its coordinates moved down by {@code top} (room for a
     * title band above it).
     */
    public static List<Item> read(Node root, double top) {
        var items = new ArrayList<Item>();
        var reader = new SceneReader(root, top);
        reader.visit(root, new Drawing(items, reader.toFigure(root)));
        return items;
    }

    /** The face a figure's text in {@code font} is written with (the installed family behind a logical one). */
    public static VectorScene.Face face(javafx.scene.text.Font font) {
        return Drawing.face(font, font.getSize());
    }

    private Transform toFigure(Node node) {
        return figureFromScene.createConcatenation(node.getLocalToSceneTransform());
    }

    private void visit(Node node, Drawing outer) {
        if (!node.isVisible() || node.getOpacity() == 0 || node instanceof StyleUtil.StyleNode
                || node instanceof StyleGroup) {
            return;                                  // ChartFX's style carriers are never drawn themselves
        }
        Drawing d = outer.with(toFigure(node));
        if (node.getClip() instanceof Rectangle clip) {
            d = d.clipped(clip.getX(), clip.getY(), clip.getWidth(), clip.getHeight());
        }
        if (node instanceof Region region) {
            RegionReader.backgrounds(region, d);
            RegionReader.borders(region, d);
        }
        if (node instanceof Canvas canvas) {
            canvas(canvas, d);
        } else if (node instanceof Text text) {
            TextReader.read(text, d, role(text));
        } else if (node instanceof Shape shape) {
            ShapeReader.read(shape, d);
        } else if (node instanceof ImageView view && view.getImage() != null) {
            var bounds = view.getLayoutBounds();
            d.image(bounds.getMinX(), bounds.getMinY(), bounds.getWidth(), bounds.getHeight(),
                    SwingFXUtils.fromFXImage(view.getImage(), null));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, d);
            }
        }
    }

    /** A chart's canvas is read from the chart; another is kept as pixels, clipped to itself either way. */
    private void canvas(Canvas canvas, Drawing d) {
        Drawing inside = d.clipped(0, 0, canvas.getWidth(), canvas.getHeight());
        var reader = chartCanvases.get(canvas);
        if (reader != null) {
            reader.accept(inside);
            return;
        }
        if (canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            return;
        }
        var parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        parameters.setTransform(Transform.scale(IMAGE_SCALE, IMAGE_SCALE));
        var pixels = SwingFXUtils.fromFXImage(canvas.snapshot(parameters, null), null);
        inside.image(0, 0, canvas.getWidth(), canvas.getHeight(), pixels);
    }

    /** A chart's title is marked as one; other text nodes are plain text. */
    private static Role role(Node text) {
        for (Node n = text; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("chart-title")) {
                return Role.TITLE;
            }
        }
        return Role.TEXT;
    }
}
