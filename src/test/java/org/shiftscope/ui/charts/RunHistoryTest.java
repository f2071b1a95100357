// The window's run history over a very long run (two hours of training without memory
// growth): a million steps and ten thousand Hessian reports leave every chart line and the heatmap bounded.
package org.shiftscope.ui.charts;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.StepRecord;

import java.util.ArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunHistoryTest {
    static final int STEPS = 1_000_000;
    static final int HESSIAN_EVERY = 100;
    static final int DEPTH = 8;
    static final int TOP_K = 10;
    static final int EVAL_EVERY = 50;

    @Test
    void aMillionStepsKeepEveryLineAndTheHeatmapBounded() {
        var history = new RunHistory(NetworkShape.mlpWithBatchNorm());
        var layers = new LayerStats[DEPTH];
        for (int l = 0; l < DEPTH; l++) {
            layers[l] = new LayerStats(0.1 * l, 1, 0.9, 0.1, -1, 0, 1, 0.01);
        }
        var settings = new LiveSettings(0.1, 0, false, 0, BnMode.ON);
        var eigenvalues = new double[TOP_K];
        for (int i = 0; i < TOP_K; i++) {
            eigenvalues[i] = TOP_K - i;
        }
        for (int step = 1; step <= STEPS; step++) {
            boolean evaluated = step % EVAL_EVERY == 0;
            history.add(new StepRecord(step, settings, 1.0 / step, 0.5, evaluated ? 0.4 : Double.NaN,
                    evaluated ? 0.8 : Double.NaN, layers, layers, new double[0], null));
            if (step % HESSIAN_EVERY == 0) {
                history.add(new HessianReport(step, 0, BnMode.ON, settings, eigenvalues, new double[TOP_K],
                        new double[TOP_K], new double[TOP_K], new double[TOP_K], 40, true, 512, 10, 1.0));
            }
        }
        var lines = new ArrayList<ChartSeries>();
        lines.addAll(history.lossSeries());
        lines.addAll(history.accuracySeries());
        lines.addAll(history.percentileSeries());
        lines.addAll(history.hessianSeries());
        for (boolean variance : new boolean[]{false, true}) {
            for (boolean post : new boolean[]{false, true}) {
                lines.addAll(history.layerSeries(variance, post));
            }
        }
        assertEquals(3 + 2 + 3 + TOP_K + 1 + 4 * DEPTH, lines.size());
        for (ChartSeries line : lines) {
            assertTrue(line.size() > 0 && line.size() <= RunHistory.CAPACITY + 3, line.name() + ": " + line.size() + " points");
        }
        int columns = history.heatmap().length;
        assertTrue(columns > RunHistory.HEATMAP_COLUMNS / 2 && columns <= RunHistory.HEATMAP_COLUMNS, columns + " columns");
        assertEquals(columns, history.heatmapSteps().length);
        assertEquals(1, history.heatmapSteps()[0], "the heatmap covers the whole run, from its first step");
        assertEquals(STEPS, history.latestStep().step());
    }
}
