// The stress test's lines against η: per stretch of steps at one η, the mean training accuracy; λ1 by η, one
// point per η (the stretch's last report: periodic reports within a stretch would draw a zig-zag), with the threshold.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.StabilityThreshold;
import org.shiftscope.model.stats.DecimatedSeries;
import org.shiftscope.model.train.StepRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

final class StressLines {
    private final DecimatedSeries accuracyByRate = new DecimatedSeries(RunHistory.CAPACITY);
    private final List<double[]> lambdaByRate = new ArrayList<>();             // {η, λ1, limit}
    private double stretchRate = Double.NaN;
    private double stretchAccuracySum;
    private int stretchSteps;

    /** A stretch ends when η changes; its mean training accuracy becomes one point at its η. */
    void add(StepRecord r) {
        if (r.learningRate() != stretchRate) {
            if (stretchSteps > 0) {
                accuracyByRate.add(stretchRate, stretchAccuracySum / stretchSteps);
            }
            stretchRate = r.learningRate();
            stretchAccuracySum = 0;
            stretchSteps = 0;
        }
        if (Double.isFinite(r.trainLoss())) {
            stretchAccuracySum += r.trainAccuracy();
            stretchSteps++;
        }
    }

    /** λ1 and the threshold at the report's η, replacing the point of an earlier report at the same η. */
    void add(HessianReport report) {
        double eta = report.settings().learningRate();
        var point = new double[]{eta, report.lambdaMax(), StabilityThreshold.curvatureLimit(report.settings())};
        if (!lambdaByRate.isEmpty() && lambdaByRate.get(lambdaByRate.size() - 1)[0] == eta) {
            lambdaByRate.set(lambdaByRate.size() - 1, point);
        } else {
            lambdaByRate.add(point);
        }
    }

    /** λ1 at each η (the last report of its stretch) and the threshold line named {@code thresholdName}. */
    List<ChartSeries> lambdaByLearningRate(String thresholdName) {
        var etas = new double[lambdaByRate.size()];
        var lambdas = new double[etas.length];
        var limits = new double[etas.length];
        for (int i = 0; i < etas.length; i++) {
            etas[i] = lambdaByRate.get(i)[0];
            lambdas[i] = lambdaByRate.get(i)[1];
            limits[i] = lambdaByRate.get(i)[2];
        }
        return List.of(new ChartSeries(LineKey.of(LineKey.Kind.STRESS_LAMBDA1), "λ1", etas, lambdas),
                new ChartSeries(LineKey.of(LineKey.Kind.STRESS_THRESHOLD), thresholdName, etas, limits)
                        .styled(Palette.INK, true));
    }

    /** Mean training accuracy of each stretch of steps at one η, the current stretch included. */
    ChartSeries accuracyByLearningRate() {
        int n = accuracyByRate.size();
        boolean open = stretchSteps > 0;
        var xs = Arrays.copyOf(accuracyByRate.xs(), n + (open ? 1 : 0));
        var ys = Arrays.copyOf(accuracyByRate.ys(), n + (open ? 1 : 0));
        if (open) {
            xs[n] = stretchRate;
            ys[n] = stretchAccuracySum / stretchSteps;
        }
        return new ChartSeries(LineKey.of(LineKey.Kind.STRESS_ACCURACY), "train accuracy (stretch mean)", xs, ys);
    }
}
