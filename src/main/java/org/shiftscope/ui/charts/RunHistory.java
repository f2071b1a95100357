// Everything the charts show about one run, accumulated from the trainer's step records, Hessian reports and
// shift experiments into bounded, decimated series (thousands of steps stay fast; memory stays flat), and the
// run's events (BN switches, new learning rates, kept perturbations, the divergence) for the charts' markers.
package org.shiftscope.ui.charts;

import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.StabilityThreshold;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.model.shift.LayerShiftReport;
import org.shiftscope.model.shift.PerturbationReport;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.StepRecord;

import java.util.List;

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

    private final NetworkShape network;
    private final StepLines steps = new StepLines();
    private final LambdaLines lambdas = new LambdaLines();
    private final StressLines stress = new StressLines();
    private DensityReport latestDensity;
    private StepRecord latestStep;
    private List<RunEvent> events = List.of();
    private PerturbationReport latestPerturbation;
    private boolean perturbing;
    private boolean perturbationKept;
    private LayerShiftReport latestLayerShift;

    private StepRecord firstStep;

    /** @param network the run's, whose normalisation names its modes on the lines ("LayerNorm on") */
    public RunHistory(NetworkShape network) {
        this.network = network;
    }

    public Normalization normalization() {
        return network.normalization();
    }

    /** Whether the run's network is built of convolution stages (a convnet or a resnet), not an MLP. */
    public boolean convolutional() {
        return network.architecture() != Architecture.MLP;
    }

    /** Each weight layer's gradient norm at the first step and the latest; empty before a step. */
    public List<ChartSeries> gradientSeries() {
        return GradientLines.of(firstStep, latestStep);
    }

    /** A step in another BN mode than the last one breaks the lines over steps after the last one. */
    public void add(StepRecord r) {
        boolean switched = latestStep != null && latestStep.bnMode() != r.bnMode();
        lambdas.addLimit(r.step(), StabilityThreshold.curvatureLimit(r.settings()));
        if (firstStep == null) {
            firstStep = r;
        }
        latestStep = r;
        stress.add(r);
        steps.add(r, switched);
    }

    /** A report in another BN mode than the last one breaks the λ lines at its step (both points are kept). */
    public void add(HessianReport report) {
        lambdas.add(report);
        stress.add(report);
    }

    public void add(DensityReport density) {
        latestDensity = density;
    }

    /** A finished perturbation of a copy of the run's weights: the latest is shown, not yet kept. */
    public void add(PerturbationReport report) {
        latestPerturbation = report;
        perturbationKept = false;
    }

    public void add(LayerShiftReport report) {
        latestLayerShift = report;
    }

    /** Whether a perturbation is under way (the chart says so until it arrives). */
    public void setPerturbing(boolean underWay) {
        perturbing = underWay;
    }

    /** The latest perturbation's move was applied to the run's weights. */
    public void perturbationKept() {
        perturbationKept = true;
    }

    public PerturbationReport latestPerturbation() {
        return latestPerturbation;
    }

    public boolean isPerturbationKept() {
        return perturbationKept;
    }

    public LayerShiftReport latestLayerShift() {
        return latestLayerShift;
    }

    /** The classes predicted before and after the latest perturbation, as bars; empty before one. */
    public List<ChartSeries> perturbationSeries() {
        return ShiftBars.perturbation(latestPerturbation);
    }

    /** What the perturbation chart says: the move and its effect, or that one is under way. */
    public String perturbationNote() {
        return ShiftBars.perturbationNote(latestPerturbation, perturbing, perturbationKept);
    }

    /** ‖∂(mean logit c)/∂W_ℓ‖² by layer for the class with the largest total; empty before a split. */
    public List<ChartSeries> layerShiftSeries() {
        return ShiftBars.layerShift(latestLayerShift);
    }

    public String layerShiftNote() {
        return ShiftBars.layerShiftNote(latestLayerShift);
    }

    /** The run's events so far (the trainer's list: replaced, never written). */
    public void setEvents(List<RunEvent> all) {
        events = all;
    }

    public List<RunEvent> events() {
        return events;
    }

    /** The events the charts mark: BN switches, changes of η and β, kept perturbations, the divergence (a stress test's stretches are not marked one by one). */
    public List<RunEvent> markedEvents() {
        return events.stream().filter(e -> e.kind() != RunEvent.Kind.WEIGHT_DECAY
                && !(e.cause() == RunEvent.Cause.STRESS_TEST && e.kind() == RunEvent.Kind.LEARNING_RATE)).toList();
    }

    /** The BN mode of the latest step, or null before the first. */
    public BnMode latestBnMode() {
        return latestStep == null ? null : latestStep.bnMode();
    }

    /** The latest spectral density with the latest top-k as points on it; empty before a density. */
    public List<ChartSeries> densitySeries() {
        return DensityLines.of(latestDensity, lambdas.latest(), network.normalization());
    }

    public DensityReport latestDensity() {
        return latestDensity;
    }

    /** λ1 at each η (the last report of its stretch) and the full-batch threshold, against η. */
    public List<ChartSeries> lambdaByLearningRate() {
        return stress.lambdaByLearningRate(thresholdName());
    }

    /** Mean training accuracy of each stretch of steps at one η, the current stretch included. */
    public ChartSeries accuracyByLearningRate() {
        return stress.accuracyByLearningRate();
    }

    public List<ChartSeries> lossSeries() {
        return steps.loss();
    }

    public List<ChartSeries> accuracySeries() {
        return steps.accuracy();
    }

    /** One line per layer of the mean (or variance) of z before BN ({@code post} false) or of the BN output. */
    public List<ChartSeries> layerSeries(boolean variance, boolean post) {
        return steps.layers(variance, post);
    }

    public List<ChartSeries> percentileSeries() {
        return steps.percentiles();
    }

    /** Eigenvalue i over time, largest first, then the stability threshold line. */
    public List<ChartSeries> hessianSeries() {
        return lambdas.series(thresholdName());
    }

    /** The threshold line's name: its formula for the latest step's optimiser. */
    private String thresholdName() {
        var settings = latestStep == null ? null : latestStep.settings();
        return settings != null && settings.nesterov() && settings.momentum() > 0 ? NESTEROV_THRESHOLD_NAME : THRESHOLD_NAME;
    }

    /** Between-channel share, [column][layer], oldest column first: the whole run, columns averaged as it grows. */
    public double[][] heatmap() {
        return steps.heatmap();
    }

    /** The first step of each heatmap column. */
    public long[] heatmapSteps() {
        return steps.heatmapSteps();
    }

    public HessianReport latestHessian() {
        return lambdas.latest();
    }

    /**
     * When the latest report is the new mode's at a BN switch, the old mode's report of the very same weights
     * (the jump at the switch, as a pair); else null.
     */
    public HessianReport switchPartner() {
        return lambdas.switchPartner();
    }

    public StepRecord latestStep() {
        return latestStep;
    }

    public int stepsRecorded() {
        return steps.stepsRecorded();
    }
}
