// A JavaFX shape node as vector polylines with its fill and stroke: the chart key's line swatches, marker
// lines and arrows. Curves are flattened to short segments, which is how they print anyway.
package org.shiftscope.ui.export.vector;

import javafx.scene.shape.Circle;
import javafx.scene.shape.ClosePath;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.HLineTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.VLineTo;
import org.shiftscope.ui.export.vector.VectorScene.Role;

import java.util.ArrayList;
import java.util.List;

final class ShapeReader {
    /** Segments of a flattened circle or ellipse. */
    private static final int ROUND_STEPS = 32;

    private ShapeReader() {
    }

    static void read(Shape shape, Drawing d) {
        var stroke = d.stroke(shape.getStroke(), shape.getStrokeWidth(),
                shape.getStrokeDashArray().stream().mapToDouble(Double::doubleValue).toArray());
        if (shape instanceof Line line) {
            d.polylines(Role.SHAPE, List.of(new double[]{line.getStartX(), line.getStartY(), line.getEndX(),
                    line.getEndY()}), false, null, stroke);
        } else if (shape instanceof Rectangle r) {
            d.rect(Role.SHAPE, r.getX(), r.getY(), r.getWidth(), r.getHeight(), r.getFill(), stroke);
        } else if (shape instanceof Polyline p) {
            d.polylines(Role.SHAPE, List.of(flat(p.getPoints())), false, p.getFill(), stroke);
        } else if (shape instanceof Polygon p) {
            d.polylines(Role.SHAPE, List.of(flat(p.getPoints())), true, p.getFill(), stroke);
        } else if (shape instanceof Circle c) {
            d.polylines(Role.SHAPE, List.of(ellipse(c.getCenterX(), c.getCenterY(), c.getRadius(), c.getRadius())),
                    true, c.getFill(), stroke);
        } else if (shape instanceof Ellipse e) {
            d.polylines(Role.SHAPE, List.of(ellipse(e.getCenterX(), e.getCenterY(), e.getRadiusX(), e.getRadiusY())),
                    true, e.getFill(), stroke);
        } else if (shape instanceof Path path) {
            path(path, d, stroke);
        }
    }

    /** A path of straight elements; a closed one is filled, an open one only stroked. */
    private static void path(Path path, Drawing d, VectorScene.Stroke stroke) {
        var runs = new ArrayList<double[]>();
        var run = new ArrayList<Double>();
        boolean closed = false;
        double x = 0;
        double y = 0;
        for (PathElement element : path.getElements()) {
            if (element instanceof MoveTo m) {
                end(run, runs);
                x = m.getX();
                y = m.getY();
            } else if (element instanceof LineTo l) {
                x = l.getX();
                y = l.getY();
            } else if (element instanceof HLineTo h) {
                x = h.getX();
            } else if (element instanceof VLineTo v) {
                y = v.getY();
            } else if (element instanceof ClosePath) {
                closed = true;
                continue;
            }
            run.add(x);
            run.add(y);
        }
        end(run, runs);
        d.polylines(Role.SHAPE, runs, closed, closed ? path.getFill() : null, stroke);
    }

    private static void end(List<Double> run, List<double[]> runs) {
        if (run.size() >= 4) {
            runs.add(run.stream().mapToDouble(Double::doubleValue).toArray());
        }
        run.clear();
    }

    private static double[] flat(List<Double> points) {
        return points.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] ellipse(double cx, double cy, double rx, double ry) {
        double[] xy = new double[2 * ROUND_STEPS];
        for (int i = 0; i < ROUND_STEPS; i++) {
            xy[2 * i] = cx + rx * Math.cos(2 * Math.PI * i / ROUND_STEPS);
            xy[2 * i + 1] = cy + ry * Math.sin(2 * Math.PI * i / ROUND_STEPS);
        }
        return xy;
    }
}
