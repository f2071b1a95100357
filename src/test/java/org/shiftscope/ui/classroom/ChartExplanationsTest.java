// Every chart the board can show has an explanation entry, laid out or not (the stress chart, the density,
// the second run's charts side by side): hovering any chart's title always explains it.
package org.shiftscope.ui.classroom;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.shiftscope.ui.charts.ChartBoard;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ChartExplanationsTest {
    /**
     * loss, accuracy, means, variances, percentiles, λ, top-k, density, gradients, stress, perturbation, layer shift,
     * heatmap, six second-run copies.
     */
    static final int CHARTS = 19;
    private ChartBoard board;
    private ExplanationPanel panel;

    @Start
    void start(Stage stage) {
        board = new ChartBoard();
        panel = new ExplanationPanel(new Explanations(Locale.ROOT));
        stage.show();
    }

    @Test
    void everyChartOnTheBoardHasAnExplanation(FxRobot robot) {
        List<String> missing = new ArrayList<>();
        robot.interact(() -> board.chartIds().stream().filter(id -> !panel.showChart(id)).forEach(missing::add));
        assertEquals(CHARTS, board.chartIds().size());
        assertTrue(missing.isEmpty(), "no explanation for " + missing);
    }
}
