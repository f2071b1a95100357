// A run's lines over steps: training and test loss and accuracy (the training ones smoothed by an exponential
// moving average), each layer's mean and variance before and after BN, the tracked unit's percentiles, and
// the layers × time heatmap of the between-channel share. A BN switch breaks every line and restarts smoothing.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import org.shiftscope.model.stats.ColumnHistory;
import org.shiftscope.model.stats.DecimatedSeries;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.train.StepRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.shiftscope.ui.charts.LineKey.Kind.ACCURACY_SMOOTHED;
import static org.shiftscope.ui.charts.LineKey.Kind.ACCURACY_TEST;
import static org.shiftscope.ui.charts.LineKey.Kind.LAYER_MEAN;
import static org.shiftscope.ui.charts.LineKey.Kind.LAYER_VARIANCE;
import static org.shiftscope.ui.charts.LineKey.Kind.LOSS_BATCH;
import static org.shiftscope.ui.charts.LineKey.Kind.LOSS_SMOOTHED;
import static org.shiftscope.ui.charts.LineKey.Kind.LOSS_TEST;
import static org.shiftscope.ui.charts.LineKey.Kind.PERCENTILE;
import static org.shiftscope.ui.charts.SeriesPoints.series;

final class StepLines {
    private final DecimatedSeries trainLoss = new DecimatedSeries(RunHistory.CAPACITY);
    private final DecimatedSeries smoothLoss = new DecimatedSeries(RunHistory.CAPACITY);
    private final DecimatedSeries testLoss = new DecimatedSeries(RunHistory.CAPACITY);
    private final DecimatedSeries trainAccuracy = new DecimatedSeries(RunHistory.CAPACITY);
    private final DecimatedSeries testAccuracy = new DecimatedSeries(RunHistory.CAPACITY);
    private final DecimatedSeries p15 = new DecimatedSeries(RunHistory.CAPACITY);
    private final DecimatedSeries p50 = new DecimatedSeries(RunHistory.CAPACITY);
    private final DecimatedSeries p85 = new DecimatedSeries(RunHistory.CAPACITY);
    private final List<DecimatedSeries[]> layerMeans = new ArrayList<>();      // [pre, post] per layer
    private final List<DecimatedSeries[]> layerVariances = new ArrayList<>();
    private final ColumnHistory heatmapColumns = new ColumnHistory(RunHistory.HEATMAP_COLUMNS);  // between-share per layer
    private double smoothed = Double.NaN;
    private double smoothedAccuracy = Double.NaN;

    /** @param switched the step is the first in a new BN mode */
    void add(StepRecord r, boolean switched) {
        double step = r.step();
        if (switched) {
            SeriesPoints.breakLines(all(), step - 1);      // the switch came after step − 1
            smoothed = Double.NaN;                         // each mode's smoothed loss starts afresh
            smoothedAccuracy = Double.NaN;
        }
        if (Double.isFinite(r.trainLoss())) {
            double w = RunHistory.SMOOTHING;
            smoothed = Double.isNaN(smoothed) ? r.trainLoss() : (1 - w) * smoothed + w * r.trainLoss();
            smoothedAccuracy = Double.isNaN(smoothedAccuracy) ? r.trainAccuracy()
                    : (1 - w) * smoothedAccuracy + w * r.trainAccuracy();
            SeriesPoints.add(trainLoss, step, r.trainLoss(), r.diverged());
            SeriesPoints.add(smoothLoss, step, smoothed, r.diverged());
            SeriesPoints.add(trainAccuracy, step, smoothedAccuracy, r.diverged());
        }
        if (r.evaluated()) {
            testLoss.add(step, r.testLoss());
            testAccuracy.add(step, r.testAccuracy());
        }
        addLayers(r);
        LayerStats last = r.post()[r.post().length - 1];
        p15.add(step, last.p15());
        p50.add(step, last.p50());
        p85.add(step, last.p85());
    }

    private void addLayers(StepRecord r) {
        double step = r.step();
        int depth = r.pre().length;
        while (layerMeans.size() < depth) {
            layerMeans.add(new DecimatedSeries[]{new DecimatedSeries(RunHistory.CAPACITY), new DecimatedSeries(RunHistory.CAPACITY)});
            layerVariances.add(new DecimatedSeries[]{new DecimatedSeries(RunHistory.CAPACITY), new DecimatedSeries(RunHistory.CAPACITY)});
        }
        var column = new double[depth];
        for (int l = 0; l < depth; l++) {
            SeriesPoints.add(layerMeans.get(l)[0], step, r.pre()[l].mean(), r.diverged());
            SeriesPoints.add(layerMeans.get(l)[1], step, r.post()[l].mean(), r.diverged());
            SeriesPoints.add(layerVariances.get(l)[0], step, r.pre()[l].variance(), r.diverged());
            SeriesPoints.add(layerVariances.get(l)[1], step, r.post()[l].variance(), r.diverged());
            column[l] = r.pre()[l].betweenShare();
        }
        heatmapColumns.add(r.step(), column);
    }

    private Stream<DecimatedSeries> all() {
        return Stream.of(Stream.of(trainLoss, smoothLoss, testLoss, trainAccuracy, testAccuracy, p15, p50, p85),
                layerMeans.stream().flatMap(Arrays::stream), layerVariances.stream().flatMap(Arrays::stream))
                .flatMap(s -> s);
    }

    List<ChartSeries> loss() {
        return List.of(series(LineKey.of(LOSS_SMOOTHED), "train (smoothed)", smoothLoss),
                series(LineKey.of(LOSS_BATCH), "train (batch)", trainLoss), series(LineKey.of(LOSS_TEST), "test", testLoss));
    }

    List<ChartSeries> accuracy() {
        return List.of(series(LineKey.of(ACCURACY_SMOOTHED), "train (smoothed)", trainAccuracy),
                series(LineKey.of(ACCURACY_TEST), "test", testAccuracy));
    }

    /** One line per layer of the mean (or variance) of z before BN ({@code post} false) or of the BN output. */
    List<ChartSeries> layers(boolean variance, boolean post) {
        var source = variance ? layerVariances : layerMeans;
        var out = new ArrayList<ChartSeries>();
        for (int l = 0; l < source.size(); l++) {
            double depthFraction = source.size() == 1 ? 0 : (double) l / (source.size() - 1);
            var key = LineKey.member(variance ? LAYER_VARIANCE : LAYER_MEAN, l + 1);
            out.add(series(key, "layer " + (l + 1), source.get(l)[post ? 1 : 0])
                    .styled(Palette.layerColor(depthFraction), false));
        }
        return out;
    }

    List<ChartSeries> percentiles() {
        return List.of(series(LineKey.member(PERCENTILE, 15), "15th", p15),
                series(LineKey.member(PERCENTILE, 50), "50th", p50), series(LineKey.member(PERCENTILE, 85), "85th", p85));
    }

    double[][] heatmap() {
        return heatmapColumns.columns();
    }

    long[] heatmapSteps() {
        return heatmapColumns.steps();
    }

    int stepsRecorded() {
        return trainLoss.size();
    }
}
