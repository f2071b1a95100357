// A chart's overlays on real nodes, headless under Monocle: the key and the badge share the plot without
// covering each other, the key goes to the corner with the fewest points, and a plain badge too large for a
// small plot is left out while a stale warning keeps its reason.
package org.shiftscope.ui.charts;

import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ChartOverlaysTest {
    private static final int POINTS = 200;
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 640, 400));
        stage.show();
    }

    /** Lines rising from the bottom left to the top right, so the top right corner is crowded. */
    private static List<ChartSeries> rising(int count) {
        var lines = new ArrayList<ChartSeries>();
        for (int l = 0; l < count; l++) {
            var xs = new double[POINTS];
            var ys = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                xs[i] = i;
                ys[i] = i * (1 + 0.01 * l);
            }
            lines.add(new ChartSeries("line " + (char) ('a' + l), xs, ys));
        }
        return lines;
    }

    /** Many lines falling from the top left. */
    private static List<ChartSeries> falling(int count) {
        var lines = new ArrayList<ChartSeries>();
        for (int l = 0; l < count; l++) {
            var xs = new double[POINTS];
            var ys = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                xs[i] = i;
                ys[i] = (POINTS - i) * (1 + 0.01 * l);
            }
            lines.add(new ChartSeries(LineKey.lambda(l + 1), "λ" + (l + 1), xs, ys));
        }
        return lines;
    }

    private LiveChart chart(FxRobot robot, double width, double height) {
        var made = new ArrayList<LiveChart>();
        robot.interact(() -> {                                   // ChartFX is built on the FX thread only
            var chart = new LiveChart("test-chart", "A test chart", "step", "value", false).withKeyAt(Pos.TOP_RIGHT);
            chart.setMaxSize(width, height);
            root.getChildren().setAll(chart);
            made.add(chart);
        });
        LiveChart chart = made.get(0);
        robot.interact(() -> chart.show(rising(2)));
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> chart.show(rising(2)));      // axes ranged: the points are where they are drawn
        }
        return chart;
    }

    @Test
    void theKeyAvoidsTheCrowdedCornerAndNeverCoversTheBadge(FxRobot robot) {
        LiveChart chart = chart(robot, 600, 360);
        assertTrue(chart.key().isVisible());
        var key = chart.key().getBoundsInParent();
        var plot = chart.chart().getPlotForeground().getLayoutBounds();
        assertTrue(key.getMaxY() > plot.getHeight() / 2 && key.getMaxX() > plot.getWidth() / 2,
                "rising lines leave the bottom right free: " + key + " in " + plot);

        robot.interact(() -> chart.setBadge("latest: step 5, 3 steps old", false));
        robot.interact(() -> chart.show(rising(2)));
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 3; i++) {
            robot.interact(() -> {
                chart.show(falling(12));
                chart.setBadge("latest: step 5, 3 steps old", false);
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        var badge = chart.chart().getPlotForeground().getChildrenUnmodifiable().get(1);
        assertTrue(badge.isVisible());
        assertFalse(badge.getBoundsInParent().intersects(chart.key().getBoundsInParent()),
                "badge " + badge.getBoundsInParent() + ", key " + chart.key().getBoundsInParent());
    }

    @Test
    void aSmallPlotDropsAPlainBadgeButKeepsAStaleReason(FxRobot robot) {
        LiveChart chart = chart(robot, 220, 130);
        String note = "latest: step 1150, 976 steps old · λ: computing at step 2126…";
        robot.interact(() -> chart.setBadge(note, false));
        var badge = (javafx.scene.control.Label) chart.chart().getPlotForeground().getChildrenUnmodifiable().get(1);
        assertFalse(badge.isVisible(), "a plain note: " + badge.getText());
        assertTrue(chart.badgeText().equals(note), "the whole text is still the chart's");
        robot.interact(() -> chart.setBadge("stale (η is now 1.28) · " + note, true));
        assertTrue(badge.isVisible() && badge.getText().equals("stale (η is now 1.28)"), badge.getText());
    }
}
