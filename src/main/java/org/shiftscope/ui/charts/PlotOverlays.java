// What a chart lays over its plot: the key of its lines (ChartKey) in the corner its points leave freest, and a
// badge at the top left (how old the data are); either is left out when it would cover too much of the plot.
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.axes.Axis;
import javafx.geometry.BoundingBox;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

import java.util.ArrayList;
import java.util.List;

final class PlotOverlays {
    /** Gap between the key and the plot's frame, in pixels. */
    private static final double KEY_INSET = 4;
    /** Points a key's corner must cover fewer than the corner it is in before the key moves there. */
    private static final int KEY_MOVE_MARGIN = 3;
    /** The largest share of the plot's area a key may cover; a larger one is left out. */
    private static final double MAX_KEY_SHARE = 0.2;
    private final Pane plot;
    private final Axis xAxis;
    private final Axis yAxis;
    private final ChartKey key = new ChartKey();
    private final Label badge = new Label();
    private Pos keyCorner = Pos.TOP_RIGHT;
    private Pos keyAt = Pos.TOP_RIGHT;
    /** The badge's whole text; a small plot shows only its first parts ("stale (…)", then "latest: step …"). */
    private String badgeText = "";
    private boolean badgeWarning;
    /** The lines whose points the key avoids (those of the main axis). */
    private List<ChartSeries> avoided = List.of();

    PlotOverlays(Pane plot, Axis xAxis, Axis yAxis) {
        this.plot = plot;
        this.xAxis = xAxis;
        this.yAxis = yAxis;
        plot.getChildren().addAll(key, badge);
        plot.widthProperty().addListener(o -> place());
        plot.heightProperty().addListener(o -> place());
        badge.setMouseTransparent(true);
        badge.setVisible(false);
        badge.setManaged(false);                     // placed in the plot's top left corner, wrapped to its width
        badge.setWrapText(true);
    }

    ChartKey key() {
        return key;
    }

    /** The corner that holds the key unless another one covers fewer points. */
    void setKeyCorner(Pos corner) {
        keyCorner = corner;
        keyAt = corner;
    }

    /** A short note; {@code warning} draws it in the alert colour; an empty text hides it. */
    void setBadge(String text, boolean warning) {
        badgeText = text;
        badgeWarning = warning;
        badge.setText(text);
        badge.getStyleClass().setAll("label", warning ? "chart-badge-warning" : "chart-badge");
        place();
    }

    String badgeText() {
        return badgeText;
    }

    /** Keys these lines, the main axis' first, and places the key where the main axis' points leave room. */
    void showLines(List<ChartSeries> main, List<ChartSeries> secondary) {
        avoided = main;
        var lines = new ArrayList<>(main);
        lines.addAll(secondary);
        key.show(lines);
        place();                                     // new data may have moved under the key
    }

    /** Puts the key in its corner, wrapped to the plot's width, and the badge in the top left corner. */
    void place() {
        double room = Math.max(0, plot.getWidth() - 2 * KEY_INSET);
        fitBadge(room);
        badge.relocate(KEY_INSET, KEY_INSET);
        key.applyCss();
        double keyWidth = Math.min(key.contentWidth(), room);
        key.setPrefWrapLength(keyWidth);
        key.resize(keyWidth, key.prefHeight(keyWidth));
        key.setFits(keyWidth * key.getHeight() <= MAX_KEY_SHARE * plot.getWidth() * plot.getHeight());
        keyAt = emptiestCorner();
        key.relocate(keyArea(keyAt).getMinX(), keyArea(keyAt).getMinY());
    }

    /**
     * The badge's text with its last " · " parts left out while it would cover more than MAX_KEY_SHARE of the
     * plot. A warning's first part (why the report is stale) always stays; a plain note that does not fit goes.
     */
    private void fitBadge(double room) {
        List<String> parts = List.of(badgeText.split(" · "));
        badge.applyCss();
        for (int n = parts.size(); n >= 1; n--) {
            badge.setText(String.join(" · ", parts.subList(0, n)));
            double width = Math.min(badge.prefWidth(-1), room);
            badge.resize(width, badge.prefHeight(width));
            if (badge.getWidth() * badge.getHeight() <= MAX_KEY_SHARE * plot.getWidth() * plot.getHeight()) {
                badge.setVisible(!badgeText.isEmpty());
                return;
            }
        }
        badge.setVisible(badgeWarning);
    }

    /**
     * The corner where the key covers the fewest drawn points: the one it is in unless another covers clearly
     * fewer (so it does not hop about), the preferred one on a tie, never one where it would cover the badge.
     */
    private Pos emptiestCorner() {
        var free = new ArrayList<Pos>();
        for (Pos corner : List.of(keyCorner, Pos.TOP_RIGHT, Pos.BOTTOM_RIGHT, Pos.TOP_LEFT, Pos.BOTTOM_LEFT)) {
            boolean onBadge = badge.isVisible() && keyArea(corner).intersects(badge.getBoundsInParent());
            if (!onBadge && !free.contains(corner)) {
                free.add(corner);
            }
        }
        if (free.isEmpty()) {
            return keyCorner;
        }
        Pos best = free.contains(keyAt) ? keyAt : free.get(0);
        int fewest = pointsUnder(keyArea(best));
        for (Pos corner : free) {
            int covered = pointsUnder(keyArea(corner));
            if (covered + KEY_MOVE_MARGIN < fewest) {
                best = corner;
                fewest = covered;
            }
        }
        return best;
    }

    /** The key's rectangle in {@code corner} of the plot, in the plot's coordinates. */
    private BoundingBox keyArea(Pos corner) {
        double x = corner.getHpos() == HPos.RIGHT ? plot.getWidth() - key.getWidth() - KEY_INSET : KEY_INSET;
        double y = corner.getVpos() == VPos.BOTTOM ? plot.getHeight() - key.getHeight() - KEY_INSET : KEY_INSET;
        return new BoundingBox(Math.max(0, x), Math.max(0, y), key.getWidth(), key.getHeight());
    }

    /** How many points of the avoided lines lie in {@code area} (plot coordinates). */
    private int pointsUnder(BoundingBox area) {
        int n = 0;
        for (ChartSeries s : avoided) {
            for (int i = 0; i < s.size(); i++) {
                if (area.contains(xAxis.getDisplayPosition(s.xs()[i]), yAxis.getDisplayPosition(s.ys()[i]))) {
                    n++;
                }
            }
        }
        return n;
    }
}
