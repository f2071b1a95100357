// Everything the charts show about one run, accumulated from the trainer's step records and Hessian reports
// into bounded, decimated series (issue "desktop app": thousands of steps stay fast; memory stays flat).
package org.shiftscope.ui;

import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.StabilityThreshold;
import org.shiftscope.model.stats.DecimatedSeries;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.train.StepRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

public final class RunHistory {
    /** Points kept per line. */
    public static final int CAPACITY = 2000;
    /** Steps shown as columns of the layers × time heatmap (the most recent ones). */
    public static final int HEATMAP_COLUMNS = 300;
    /** Weight of the newest mini-batch in the smoothed training loss. */
    public static final double SMOOTHING = 0.05;
    /**
     * The density chart shows the curve down to this fraction of its peak: one outlier's mass 1/n peaks about
     * 1e-5 below the bulk for the classroom network, well above it.
     */
    public static final double DENSITY_RANGE = 1e-8;

    private final DecimatedSeries trainLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries smoothLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries testLoss = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries trainAccuracy = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries testAccuracy = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries p15 = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries p50 = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries p85 = new DecimatedSeries(CAPACITY);
    private final List<DecimatedSeries[]> layerMeans = new ArrayList<>();      // [pre, post] per layer
    private final List<DecimatedSeries[]> layerVariances = new ArrayList<>();
    private final Deque<double[]> heatmapColumns = new ArrayDeque<>();        // between-share per layer
    private final Deque<Long> heatmapSteps = new ArrayDeque<>();
    private final List<DecimatedSeries> eigenvalues = new ArrayList<>();
    private final DecimatedSeries curvatureLimit = new DecimatedSeries(CAPACITY);
    // The stress-test view (Page): per stretch of steps at one η, the mean training accuracy; λ1 by η.
    private final DecimatedSeries accuracyByRate = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries lambdaByRate = new DecimatedSeries(CAPACITY);
    private final DecimatedSeries limitByRate = new DecimatedSeries(CAPACITY);
    private double stretchRate = Double.NaN;
    private double stretchAccuracySum;
    private int stretchSteps;
    private double smoothed = Double.NaN;
    private double smoothedAccuracy = Double.NaN;
    private HessianReport latestHessian;
    private DensityReport latestDensity;
    private StepRecord latestStep;

    public void add(StepRecord r) {
        latestStep = r;
        double step = r.step();
        addToStretch(r);
        if (Double.isFinite(r.trainLoss())) {
            smoothed = Double.isNaN(smoothed) ? r.trainLoss() : (1 - SMOOTHING) * smoothed + SMOOTHING * r.trainLoss();
            smoothedAccuracy = Double.isNaN(smoothedAccuracy) ? r.trainAccuracy()
                    : (1 - SMOOTHING) * smoothedAccuracy + SMOOTHING * r.trainAccuracy();
            trainLoss.add(step, r.trainLoss());
            smoothLoss.add(step, smoothed);
            trainAccuracy.add(step, smoothedAccuracy);
        }
        if (r.evaluated()) {
            testLoss.add(step, r.testLoss());
            testAccuracy.add(step, r.testAccuracy());
        }
        int depth = r.pre().length;
        while (layerMeans.size() < depth) {
            layerMeans.add(new DecimatedSeries[]{new DecimatedSeries(CAPACITY), new DecimatedSeries(CAPACITY)});
            layerVariances.add(new DecimatedSeries[]{new DecimatedSeries(CAPACITY), new DecimatedSeries(CAPACITY)});
        }
        var column = new double[depth];
        for (int l = 0; l < depth; l++) {
            layerMeans.get(l)[0].add(step, r.pre()[l].mean());
            layerMeans.get(l)[1].add(step, r.post()[l].mean());
            layerVariances.get(l)[0].add(step, r.pre()[l].variance());
            layerVariances.get(l)[1].add(step, r.post()[l].variance());
            column[l] = r.pre()[l].betweenShare();
        }
        heatmapColumns.addLast(column);
        heatmapSteps.addLast(r.step());
        if (heatmapColumns.size() > HEATMAP_COLUMNS) {
            heatmapColumns.removeFirst();
            heatmapSteps.removeFirst();
        }
        LayerStats last = r.post()[depth - 1];
        p15.add(step, last.p15());
        p50.add(step, last.p50());
        p85.add(step, last.p85());
    }

    public void add(HessianReport report) {
        latestHessian = report;
        while (eigenvalues.size() < report.eigenvalues().length) {
            eigenvalues.add(new DecimatedSeries(CAPACITY));
        }
        for (int i = 0; i < report.eigenvalues().length; i++) {
            eigenvalues.get(i).add(report.step(), report.eigenvalues()[i]);
        }
        curvatureLimit.add(report.step(), StabilityThreshold.curvatureLimit(report.settings()));
        lambdaByRate.add(report.settings().learningRate(), report.lambdaMax());
        limitByRate.add(report.settings().learningRate(), StabilityThreshold.curvatureLimit(report.settings()));
    }

    public void add(DensityReport density) {
        latestDensity = density;
    }

    /**
     * The latest spectral density on a log axis, and the latest top-k eigenvalues as points on it (Ghorbani et
     * al. 2019, Fig. 1: the outliers stand apart from the bulk), each named with its step; empty before a density.
     */
    public List<ChartSeries> densitySeries() {
        if (latestDensity == null) {
            return List.of();
        }
        var estimate = latestDensity.estimate();
        double[] curve = estimate.plottable(DENSITY_RANGE);
        var lines = new ArrayList<ChartSeries>();
        lines.add(new ChartSeries("density (step " + latestDensity.step() + ", BN " + latestDensity.bnMode().label() + ")",
                estimate.grid(), curve));
        if (latestHessian != null && latestHessian.bnMode() == latestDensity.bnMode()) {
            double[] lambdas = latestHessian.eigenvalues();
            var heights = new double[lambdas.length];
            double[] ascending = lambdas.clone();
            Arrays.sort(ascending);
            for (int i = 0; i < ascending.length; i++) {
                heights[i] = densityAt(estimate.grid(), curve, ascending[i]);
            }
            lines.add(new ChartSeries("top-" + lambdas.length + " eigenvalues (step " + latestHessian.step() + ")",
                    ascending, heights).asPoints());
        }
        return lines;
    }

    /** The curve's value at λ by linear interpolation, its floor outside the grid. */
    private static double densityAt(double[] grid, double[] curve, double lambda) {
        if (lambda <= grid[0] || lambda >= grid[grid.length - 1]) {
            return curve[lambda <= grid[0] ? 0 : curve.length - 1];
        }
        int i = Arrays.binarySearch(grid, lambda);
        if (i >= 0) {
            return curve[i];
        }
        int after = -i - 1;
        double t = (lambda - grid[after - 1]) / (grid[after] - grid[after - 1]);
        return curve[after - 1] + t * (curve[after] - curve[after - 1]);
    }

    public DensityReport latestDensity() {
        return latestDensity;
    }

    /** A stretch ends when η changes; its mean training accuracy becomes one point at its η. */
    private void addToStretch(StepRecord r) {
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

    /** λ1 of every Hessian report and the stability limit, against the η it was measured at. */
    public List<ChartSeries> lambdaByLearningRate() {
        return List.of(series("λ1", lambdaByRate), series("stability limit for λ1", limitByRate).styled("#000000", true));
    }

    /** Mean training accuracy of each stretch of steps at one η, the current stretch included. */
    public ChartSeries accuracyByLearningRate() {
        int n = accuracyByRate.size();
        boolean open = stretchSteps > 0;
        var xs = Arrays.copyOf(accuracyByRate.xs(), n + (open ? 1 : 0));
        var ys = Arrays.copyOf(accuracyByRate.ys(), n + (open ? 1 : 0));
        if (open) {
            xs[n] = stretchRate;
            ys[n] = stretchAccuracySum / stretchSteps;
        }
        return new ChartSeries("train accuracy (stretch mean)", xs, ys);
    }

    public List<ChartSeries> lossSeries() {
        return List.of(series("train (smoothed)", smoothLoss), series("train (batch)", trainLoss), series("test", testLoss));
    }

    public List<ChartSeries> accuracySeries() {
        return List.of(series("train (smoothed)", trainAccuracy), series("test", testAccuracy));
    }

    /** One line per layer of the mean (or variance) of z before BN ({@code post} false) or of the BN output. */
    public List<ChartSeries> layerSeries(boolean variance, boolean post) {
        var source = variance ? layerVariances : layerMeans;
        var out = new ArrayList<ChartSeries>();
        for (int l = 0; l < source.size(); l++) {
            double depthFraction = source.size() == 1 ? 0 : (double) l / (source.size() - 1);
            out.add(series("layer " + (l + 1), source.get(l)[post ? 1 : 0])
                    .styled(Palette.layerColor(depthFraction), false));
        }
        return out;
    }

    public List<ChartSeries> percentileSeries() {
        return List.of(series("15th", p15), series("50th", p50), series("85th", p85));
    }

    /** Eigenvalue i over time, largest first, then the stability threshold line. */
    public List<ChartSeries> hessianSeries() {
        var out = new ArrayList<ChartSeries>();
        for (int i = 0; i < eigenvalues.size(); i++) {
            out.add(series("λ" + (i + 1), eigenvalues.get(i)));
        }
        out.add(series("stability limit for λ1", curvatureLimit).styled(Palette.INK, true));
        return out;
    }

    /** Between-channel share, [column (step)][layer], oldest column first. */
    public double[][] heatmap() {
        return heatmapColumns.toArray(new double[0][]);
    }

    public long[] heatmapSteps() {
        return heatmapSteps.stream().mapToLong(Long::longValue).toArray();
    }

    public HessianReport latestHessian() {
        return latestHessian;
    }

    public StepRecord latestStep() {
        return latestStep;
    }

    public int stepsRecorded() {
        return trainLoss.size();
    }

    private static ChartSeries series(String name, DecimatedSeries s) {
        return new ChartSeries(name, s.xs(), s.ys());
    }
}
