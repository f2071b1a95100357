// A ChartFX axis as vector items: its line, tick marks, tick labels and title, placed by the same offsets and
// pixel snapping ChartFX 11.3's AbstractAxis uses to draw them on its canvas (computePrefSize, drawAxis), read
// from the axis' public state after layout, in the axis' own coordinates.
package org.shiftscope.ui.export.vector;

import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.ui.css.LineStyle;
import io.fair_acc.chartfx.ui.geometry.Side;
import org.shiftscope.ui.export.vector.VectorScene.Role;

import java.util.List;

final class AxisReader {
    /** ChartFX's least gap between two tick marks before it leaves the minor ones out (AbstractAxis.MIN_TICK_GAP). */
    private static final double MIN_TICK_GAP = 1;
    private final AbstractAxis axis;
    private final Side side;
    private final Drawing d;

    private AxisReader(AbstractAxis axis, Drawing d) {
        this.axis = axis;
        this.side = axis.getSide();
        this.d = d;
    }

    static void read(AbstractAxis axis, Drawing d) {
        if (axis.getSide() != null) {
            new AxisReader(axis, d).read();
        }
    }

    private void read() {
        var major = axis.getMajorTickStyle();
        var minor = axis.getMinorTickStyle();
        var labels = axis.getTickLabelStyle();
        boolean horizontal = side.isHorizontal();
        boolean rendered = major.isVisible() && labels.isVisible() && Double.isFinite(axis.getMin())
                && Double.isFinite(axis.getMax());
        double tickSize = major.isVisible() ? axis.getTickLength() : major.getStrokeWidth();
        double labelSize = 0;
        if (rendered) {
            for (TickMark tick : axis.getTickMarks()) {
                labelSize = Math.max(labelSize, horizontal ? tick.getHeight() : tick.getWidth());
            }
        }
        boolean shifted = rendered && axis.getOverlapPolicy() == AxisLabelOverlapPolicy.FORCED_SHIFT_ALT;
        var title = axis.getAxisLabel();
        boolean titled = title.isVisible() && title.getText() != null && !title.getText().isEmpty();
        double titleSize = titled ? (horizontal ? title.getBoundsInParent().getHeight() : title.getBoundsInParent().getWidth()) : 0;
        double labelGap = labelSize <= 0 ? 0 : axis.getTickLabelGap();
        double tickMarkOffset = axis.getTickMarkGap();
        double evenOffset = tickMarkOffset + tickSize + labelGap;
        double oddOffset = shifted ? evenOffset + labelSize + labelGap : evenOffset;
        double extra = titleSize > 0 && (side == Side.LEFT || side == Side.CENTER_VER) ? axis.getTickLabelGap() : 0;
        double titleOffset = oddOffset + labelSize + (titleSize <= 0 ? 0 : axis.getAxisLabelGap()) + extra;

        double length = axis.getLength();
        if (rendered) {
            List<TickMark> majors = axis.getTickMarks();
            List<TickMark> minors = axis.getMinorTickMarks();
            double needed = majors.size() * (major.getStrokeWidth() + MIN_TICK_GAP)
                    + minors.size() * (minor.getStrokeWidth() + MIN_TICK_GAP);
            if (minor.isVisible() && axis.getMinorTickLength() > 0 && length > needed) {
                ticks(minors, axis.getMinorTickLength(), tickMarkOffset, length, minor);
            }
            ticks(majors, axis.getTickLength(), tickMarkOffset, length, major);
            boolean even = shifted && ((int) majors.get(0).getValue()) % 2 == 0;
            for (TickMark tick : majors) {
                even = !even;
                if (tick.isVisible()) {
                    double across = coordinate(even ? evenOffset : oddOffset);
                    d.text(Role.TICK_LABEL, tick.getText(), horizontal ? tick.getPosition() : across,
                            horizontal ? across : tick.getPosition(), labels.getFont(), labels.getFill(),
                            labels.getTextAlignment(), labels.getTextOrigin(), tick.getRotation());
                }
            }
        }
        if (titleSize > 0) {
            title(title, side == Side.CENTER_VER ? -titleOffset : titleOffset);
        }
        double line = coordinate(snap(tickMarkOffset));
        stroke(Role.AXIS, major, horizontal ? snap(0) : line, horizontal ? line : snap(0),
                horizontal ? snap(length) : line, horizontal ? line : snap(length));
    }

    private void ticks(List<TickMark> ticks, double tickLength, double offset, double length, LineStyle style) {
        if (tickLength <= 0 || !style.isVisible()) {
            return;
        }
        double start = coordinate(snap(side.isCenter() ? offset - tickLength : offset));
        double end = coordinate(snap(offset + tickLength));
        for (TickMark tick : ticks) {
            double at = snap(tick.getPosition());
            if (at >= 0 && at <= length) {
                if (side.isHorizontal()) {
                    stroke(Role.TICK, style, at, start, at, end);
                } else {
                    stroke(Role.TICK, style, start, at, end, at);
                }
            }
        }
    }

    /** The axis title, placed along the axis by its text alignment as ChartFX does. */
    private void title(io.fair_acc.chartfx.ui.css.TextStyle title, double offset) {
        double along;
        double gap;
        switch (title.getTextAlignment()) {
            case LEFT -> {
                along = 0;
                gap = axis.getTickLabelGap();
            }
            case RIGHT -> {
                along = 1;
                gap = -axis.getTickLabelGap();
            }
            default -> {
                along = 0.5;
                gap = 0;
            }
        }
        gap *= Math.signum(offset);
        double across = coordinate(offset);
        double x = side.isHorizontal() ? along * axis.getWidth() + gap : across;
        double y = side.isHorizontal() ? across : (1 - along) * axis.getHeight() + gap;
        d.text(Role.AXIS_TITLE, title.getText(), x, y, title.getFont(), title.getFill(), title.getTextAlignment(),
                title.getTextOrigin(), title.getRotate());
    }

    private void stroke(Role role, LineStyle style, double x1, double y1, double x2, double y2) {
        d.line(role, x1, y1, x2, y2, style.getStroke(), style.getStrokeWidth(),
                style.getStrokeDashArray().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Distance {@code offset} from the plot, across the axis (AbstractAxis.getCanvasCoordinate). */
    private double coordinate(double offset) {
        return switch (side) {
            case TOP -> axis.getHeight() - offset;
            case LEFT -> axis.getWidth() - offset;
            case CENTER_HOR -> axis.getAxisCenterPosition() * axis.getHeight() + offset;
            case CENTER_VER -> axis.getAxisCenterPosition() * axis.getWidth() + offset;
            default -> offset;
        };
    }

    /** The centre of a pixel, as ChartFX snaps its 1-pixel lines (AbstractAxis.snap). */
    static double snap(double coordinate) {
        return Math.round(coordinate) + 0.5;
    }
}
