// Everything the charts show about one run, accumulated from the trainer's step records and Hessian reports
// into bounded, decimated series (issue "desktop app": thousands of steps stay fast; memory stays flat), and
// the run's events (BN switches, new learning rates, the divergence) for the charts' markers. Lines break at a
// BN mode switch (a NaN point): the two modes are different functions, so no line joins them.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.StabilityThreshold;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.stats.ColumnHistory;
import org.shiftscope.model.stats.DecimatedSeries;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.StepRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

public final class RunHistory {
    /** Points kept per line. */
    public static final int CAPACITY = 2000;
    /** Columns of the layers × time heatmap: the whole run, neighbouring steps averaged as it grows. */
    public static final int HEATMAP_COLUMNS = 300;
    /** Weight of the newest mini-batch in the smoothed training loss. */
    public static final double SMOOTHING = 0.05;
    /**
     * The density chart shows the curve down to this fraction of its peak: one outlier's mass 1/n peaks about
     * 1e-5 below the bulk for the classroom network, well above it.
     */
    public static final double DENSITY_RANGE = 1e-8;

    /** The line of λ1's bound, 2(1+β)/η for heavy-ball momentum: full-batch gradient descent's threshold on a quadratic. */
    public static final String THRESHOLD_NAME = "full-batch threshold 2(1+β)/η";
    /** The same for Nesterov momentum (StabilityThreshold). */
    public static final String NESTEROV_THRESHOLD_NAME = "full-batch threshold (2+2β)/((1+2β)η)";

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
    private final ColumnHistory heatmapColumns = new ColumnHistory(HEATMAP_COLUMNS);   // between-share per layer
    private final List<DecimatedSeries> eigenvalues = new ArrayList<>();
    private final DecimatedSeries curvatureLimit = new DecimatedSeries(CAPACITY);
    // The stress-test view (Page): per stretch of steps at one η, the mean training accuracy; λ1 by η, one
    // point per η (the stretch's last report: periodic reports within a stretch would draw a zig-zag).
    private final DecimatedSeries accuracyByRate = new DecimatedSeries(CAPACITY);
    private final List<double[]> lambdaByRate = new ArrayList<>();             // {η, λ1, limit}
    private double stretchRate = Double.NaN;
    private double stretchAccuracySum;
    private int stretchSteps;
    private double smoothed = Double.NaN;
    private double smoothedAccuracy = Double.NaN;
    private HessianReport latestHessian;
    private HessianReport switchPartner;
    private DensityReport latestDensity;
    private StepRecord latestStep;
    private List<RunEvent> events = List.of();

    public void add(StepRecord r) {
        double step = r.step();
        boolean switched = latestStep != null && latestStep.bnMode() != r.bnMode();
        if (switched) {
            breakLines(stepSeries(), step - 1);            // the switch came after step − 1
            smoothed = Double.NaN;                         // each mode's smoothed loss starts afresh
            smoothedAccuracy = Double.NaN;
        }
        addLimit(step, StabilityThreshold.curvatureLimit(r.settings()));
        latestStep = r;
        addToStretch(r);
        if (Double.isFinite(r.trainLoss())) {
            smoothed = Double.isNaN(smoothed) ? r.trainLoss() : (1 - SMOOTHING) * smoothed + SMOOTHING * r.trainLoss();
            smoothedAccuracy = Double.isNaN(smoothedAccuracy) ? r.trainAccuracy()
                    : (1 - SMOOTHING) * smoothedAccuracy + SMOOTHING * r.trainAccuracy();
            add(trainLoss, step, r.trainLoss(), r.diverged());
            add(smoothLoss, step, smoothed, r.diverged());
            add(trainAccuracy, step, smoothedAccuracy, r.diverged());
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
            add(layerMeans.get(l)[0], step, r.pre()[l].mean(), r.diverged());
            add(layerMeans.get(l)[1], step, r.post()[l].mean(), r.diverged());
            add(layerVariances.get(l)[0], step, r.pre()[l].variance(), r.diverged());
            add(layerVariances.get(l)[1], step, r.post()[l].variance(), r.diverged());
            column[l] = r.pre()[l].betweenShare();
        }
        heatmapColumns.add(r.step(), column);
        LayerStats last = r.post()[depth - 1];
        p15.add(step, last.p15());
        p50.add(step, last.p50());
        p85.add(step, last.p85());
    }

    /** A point of the step at which the run diverged is kept, whatever thinning does later. */
    private static void add(DecimatedSeries series, double step, double value, boolean diverged) {
        if (diverged) {
            series.addPinned(step, value);
        } else {
            series.add(step, value);
        }
    }

    /**
     * The full-batch threshold 2(1+β)/η as a step function of the steps: a change of η or β is drawn as a
     * vertical jump at its step, both of its ends kept.
     */
    private void addLimit(double step, double limit) {
        double previous = curvatureLimit.lastY();
        if (!Double.isNaN(previous) && previous != limit) {
            curvatureLimit.addPinned(step - 1, previous);
            curvatureLimit.addPinned(step - 1, limit);
        } else {
            curvatureLimit.add(step, limit);
        }
    }

    /** Ends every line at x and starts it afresh there: the latest point and a NaN break are kept. */
    private static void breakLines(Stream<DecimatedSeries> lines, double x) {
        lines.forEach(line -> {
            if (line.size() > 0) {
                line.pinLatest();
                line.addPinned(x, Double.NaN);
            }
        });
    }

    private Stream<DecimatedSeries> stepSeries() {
        return Stream.of(Stream.of(trainLoss, smoothLoss, testLoss, trainAccuracy, testAccuracy, p15, p50, p85),
                layerMeans.stream().flatMap(Arrays::stream), layerVariances.stream().flatMap(Arrays::stream))
                .flatMap(s -> s);
    }

    /** A report in another BN mode than the last one breaks the λ lines at its step (both points are kept). */
    public void add(HessianReport report) {
        boolean switched = latestHessian != null && latestHessian.bnMode() != report.bnMode()
                && latestHessian.generation() == report.generation();
        switchPartner = switched && latestHessian.step() == report.step() ? latestHessian : null;
        latestHessian = report;
        if (switched) {
            breakLines(eigenvalues.stream(), report.step());
        }
        while (eigenvalues.size() < report.eigenvalues().length) {
            eigenvalues.add(new DecimatedSeries(CAPACITY));
        }
        for (int i = 0; i < report.eigenvalues().length; i++) {
            if (switched) {
                eigenvalues.get(i).addPinned(report.step(), report.eigenvalues()[i]);
            } else {
                eigenvalues.get(i).add(report.step(), report.eigenvalues()[i]);
            }
        }
        double eta = report.settings().learningRate();
        var point = new double[]{eta, report.lambdaMax(), StabilityThreshold.curvatureLimit(report.settings())};
        if (!lambdaByRate.isEmpty() && lambdaByRate.get(lambdaByRate.size() - 1)[0] == eta) {
            lambdaByRate.set(lambdaByRate.size() - 1, point);
        } else {
            lambdaByRate.add(point);
        }
    }

    /** The run's events so far (the trainer's list: replaced, never written). */
    public void setEvents(List<RunEvent> all) {
        events = all;
    }

    public List<RunEvent> events() {
        return events;
    }

    /** The events the charts mark: BN switches, changes of η and β, the divergence (a stress test's stretches are not marked one by one). */
    public List<RunEvent> markedEvents() {
        return events.stream().filter(e -> e.kind() != RunEvent.Kind.WEIGHT_DECAY
                && !(e.cause() == RunEvent.Cause.STRESS_TEST && e.kind() == RunEvent.Kind.LEARNING_RATE)).toList();
    }

    /** The BN mode of the latest step, or null before the first. */
    public BnMode latestBnMode() {
        return latestStep == null ? null : latestStep.bnMode();
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

    /** λ1 at each η (the last report of its stretch) and the full-batch threshold, against η. */
    public List<ChartSeries> lambdaByLearningRate() {
        var etas = new double[lambdaByRate.size()];
        var lambdas = new double[etas.length];
        var limits = new double[etas.length];
        for (int i = 0; i < etas.length; i++) {
            etas[i] = lambdaByRate.get(i)[0];
            lambdas[i] = lambdaByRate.get(i)[1];
            limits[i] = lambdaByRate.get(i)[2];
        }
        return List.of(new ChartSeries("λ1", etas, lambdas),
                new ChartSeries(thresholdName(), etas, limits).styled(Palette.INK, true));
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
        out.add(series(thresholdName(), curvatureLimit).styled(Palette.INK, true));
        return out;
    }

    /** The threshold line's name: its formula for the latest step's optimiser. */
    private String thresholdName() {
        var settings = latestStep == null ? null : latestStep.settings();
        return settings != null && settings.nesterov() && settings.momentum() > 0 ? NESTEROV_THRESHOLD_NAME : THRESHOLD_NAME;
    }

    /** Between-channel share, [column][layer], oldest column first: the whole run, columns averaged as it grows. */
    public double[][] heatmap() {
        return heatmapColumns.columns();
    }

    /** The first step of each heatmap column. */
    public long[] heatmapSteps() {
        return heatmapColumns.steps();
    }

    public HessianReport latestHessian() {
        return latestHessian;
    }

    /**
     * When the latest report is the new mode's at a BN switch, the old mode's report of the very same weights
     * (the jump at the switch, as a pair); else null.
     */
    public HessianReport switchPartner() {
        return switchPartner;
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
