// One training run, stepped synchronously: the network, its optimiser, the data order and the per-layer
// statistics. Not thread-safe: a RunDriver steps it, on the caller's thread headless or on BackgroundTrainer's.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.NativeMemoryGuard;
import org.shiftscope.model.Workspaces;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.EvaluationSet;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.data.InputCentering;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.HessianAnalysis;
import org.shiftscope.model.hessian.HessianMemory;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.net.Pass;
import org.shiftscope.model.net.SoftmaxCrossEntropy;
import org.shiftscope.model.net.StatisticsProbes;
import org.shiftscope.model.stats.ChannelRows;
import org.shiftscope.model.stats.LayerStatistics;
import org.shiftscope.model.stats.LayerStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

public final class TrainingSession {
    /** A mean loss this many times ln(classes) (chance level) means the run has exploded. */
    public static final double EXPLODED_LOSS_FACTOR = 100;
    /** Test examples per evaluation pass, at most, and values of its widest array (a convnet's patches: 74 rows). */
    private static final int EVALUATION_CHUNK = 1000;
    private static final long EVALUATION_VALUES = 16L << 20;
    /** Seed offset that separates the data order's random stream from the weights'. */
    private static final long DATA_ORDER_SEED_OFFSET = 0x5EED_DA7AL;
    /** Seed offset of the Hessian's evaluation set. */
    private static final long EVALUATION_SET_SEED_OFFSET = 0xE7A1_5E7L;

    private final TrainingConfig config;
    private final Dataset data;
    private final Network network;
    private final SgdOptimizer optimizer = new SgdOptimizer();
    private final NativeMemoryGuard memoryGuard = new NativeMemoryGuard();
    private final BatchSampler sampler;
    private final Examples hessianSet;
    private final LayerStatistics[] preStatistics;
    private final LayerStatistics[] postStatistics;
    private LiveSettings settings;
    private long step;
    private Divergence divergence;
    /** Every change of settings and the divergence, oldest first; replaced (never written) so readers may keep it. */
    private List<RunEvent> events = List.of();
    /** The settings of the first step: a change before it is the run's start, not an event. */
    private LiveSettings startSettings;

    public TrainingSession(TrainingConfig config, Dataset dataset) {
        this.config = config;
        this.data = config.centerInputs() ? InputCentering.center(dataset) : dataset;
        this.settings = config.optimizer();
        this.startSettings = settings;
        this.network = new Network(config.networkSpec(data.inputs(), data.classes()), settings.bnMode(), DataType.FLOAT);
        network.setStatisticsGroupRows(config.network().ghostBatch());
        this.sampler = new BatchSampler(data.train().count(), config.batchSize(), config.seed() + DATA_ORDER_SEED_OFFSET);
        this.hessianSet = EvaluationSet.sample(data.train(), config.hessian().samples(),
                config.seed() + EVALUATION_SET_SEED_OFFSET);
        this.preStatistics = new LayerStatistics[config.depth()];
        this.postStatistics = new LayerStatistics[config.depth()];
        for (int i = 0; i < config.depth(); i++) {
            preStatistics[i] = new LayerStatistics();
            postStatistics[i] = new LayerStatistics();
        }
    }

    /**
     * Applies at the next step; the network keeps its weights, so BN can switch on → frozen mid-run. Each changed
     * setting becomes an event at the current step, made by {@code cause}; before the first step the change is
     * what the run starts with.
     */
    public void setLiveSettings(LiveSettings next, RunEvent.Cause cause) {
        TrainingConfig.requireBatchFitsBn(config.batchSize(), next.bnMode());
        TrainingConfig.requireModeFits(config.network(), next.bnMode());
        if (step == 0) {
            startSettings = next;
        } else {
            addEvents(RunEvent.between(step, settings, next, cause));
        }
        this.settings = next;
    }

    /** The configuration as the run started: the config with the settings of its first step. */
    public TrainingConfig startedAs() {
        return config.withOptimizer(startSettings);
    }

    /** Every change of settings so far and the divergence, oldest first (an immutable list). */
    public List<RunEvent> events() {
        return events;
    }

    /** Adds changes made at the current step (settings, or the weights moved by hand). */
    public void addEvents(List<RunEvent> added) {
        if (!added.isEmpty()) {
            var all = new ArrayList<>(events);
            all.addAll(added);
            events = List.copyOf(all);
        }
    }

    public LiveSettings liveSettings() {
        return settings;
    }

    /** One SGD step on the next mini-batch; evaluates the test split every evalEvery steps. */
    public StepRecord step() {
        if (divergence != null) {
            throw new IllegalStateException("the run diverged at step " + divergence.step() + "; reset to continue");
        }
        var current = settings;
        network.setBnMode(current.bnMode());
        memoryGuard.check();
        try (var workspace = Workspaces.open("training-step")) {
            return step(current);
        }
    }

    private StepRecord step(LiveSettings current) {
        int[] indices = sampler.next();
        INDArray x = Batches.features(data.train(), indices, DataType.FLOAT); // (batch, inputs)
        int[] labels = Batches.labels(data.train(), indices);

        // Forward and backward on the mini-batch.
        network.zeroGradients();
        var result = network.lossAndGradient(x, labels, Pass.TRAINING_STEP);

        // Statistics of the pass that produced the gradient, before the weights move.
        var pre = new LayerStats[config.depth()];
        var post = new LayerStats[config.depth()];
        for (int i = 0; i < config.depth(); i++) {
            pre[i] = observe(preStatistics[i], network.preActivation(i));
            post[i] = observe(postStatistics[i], network.nonlinearityInput(i));
        }
        double[] gradientNorms = network.stageGradientNorms();

        // Update, then check that the run is still meaningful.
        optimizer.apply(network.parameters(), current);
        step++;
        divergence = checkDivergence(result.meanLoss());
        if (divergence != null) {
            addEvents(List.of(RunEvent.diverged(divergence)));
        }
        double testLoss = Double.NaN;
        double testAccuracy = Double.NaN;
        if (divergence == null && step % config.evalEvery() == 0) {
            var test = evaluateTest();
            testLoss = test.meanLoss();
            testAccuracy = test.accuracy();
        }
        return new StepRecord(step, current, result.meanLoss(),
                (double) result.correct() / labels.length, testLoss, testAccuracy, pre, post, gradientNorms, divergence);
    }

    /** Per unit, or per channel over batch × pixels for convolutions. */
    private LayerStats observe(LayerStatistics statistics, StatisticsProbes.Probe probe) {
        INDArray activations = probe.values();                                       // (batch, channels·area)
        double[] values = activations.dup('c').data().asDouble();
        int batch = (int) activations.size(0);
        int channels = probe.channels();
        return statistics.observe(ChannelRows.of(values, batch, channels, probe.area()), batch * probe.area(), channels,
                config.trackedUnit());
    }

    private Divergence checkDivergence(double loss) {
        if (!Double.isFinite(loss)) {
            return new Divergence(step, "the training loss became " + loss);
        }
        double exploded = EXPLODED_LOSS_FACTOR * Math.log(data.classes());
        if (loss > exploded) {
            return new Divergence(step, String.format("the training loss exploded to %.4g (over %.0f× chance level)",
                    loss, EXPLODED_LOSS_FACTOR));
        }
        for (Parameter p : network.parameters()) {
            if (!Double.isFinite(p.value().norm2Number().doubleValue())) {
                return new Divergence(step, "parameter " + p.name() + " became infinite or NaN");
            }
        }
        return null;
    }

    /** Mean loss and accuracy on the whole test split, BN with running statistics (inference). */
    public Evaluation evaluateTest() {
        var test = data.test();
        double lossSum = 0;
        long correct = 0;
        int chunk = (int) Math.max(1, Math.min(EVALUATION_CHUNK, EVALUATION_VALUES / network.spec().rowValues()));
        for (int from = 0; from < test.count(); from += chunk) {
            int[] indices = Batches.range(from, Math.min(test.count(), from + chunk));
            try (var workspace = Workspaces.open("evaluation")) {
                INDArray x = Batches.features(test, indices, DataType.FLOAT); // (chunk, inputs)
                var result = SoftmaxCrossEntropy.evaluate(network.forward(x, Pass.INFERENCE), Batches.labels(test, indices));
                lossSum += result.meanLoss() * indices.length;
                correct += result.correct();
            }
        }
        return new Evaluation(lossSum / test.count(), (double) correct / test.count());
    }

    /** Mean loss and accuracy over a set of examples. */
    public record Evaluation(double meanLoss, double accuracy) { }

    /** The data order (package access: tests check that compared runs see the same batches). */
    BatchSampler sampler() {
        return sampler;
    }

    public long stepsTaken() {
        return step;
    }

    public Divergence divergence() {
        return divergence;
    }

    public boolean diverged() {
        return divergence != null;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The training data as fed to the network (centred if the config asks for it). */
    public Dataset data() {
        return data;
    }

    public Network network() {
        return network;
    }

    /** The fixed Hessian evaluation set, drawn from the (preprocessed) training split at the start. */
    public Examples hessianSet() {
        return hessianSet;
    }

    /** @throws HessianMemory.TooLargeException when this run's Hessian requests would not fit in the heap */
    public void requireHessianFits() {
        HessianAnalysis.requireFits(network, HessianAnalysis.Request.of(config.hessian()), settings.bnMode(), hessianSet,
                config.statisticsRows());
    }

    /** The top of the Hessian spectrum at the current weights, in the current BN mode, computed now on every core. */
    public HessianReport analyseHessian(long generation, BooleanSupplier cancelled) {
        return (HessianReport) hessianJob(generation).work().apply(cancelled);
    }

    /**
     * A top-k Hessian analysis of the weights as they are now, to run later on any thread and every core: the
     * weights (a copy), the settings and the step are captured here, so training may go on meanwhile.
     */
    public BackgroundHessian.Job hessianJob(long generation) {
        Network weights = network.copy(DataType.FLOAT);
        var capturedSettings = settings;
        long capturedStep = step;
        return new BackgroundHessian.Job(BackgroundHessian.Kind.TOP_K, capturedStep, generation, capturedSettings.bnMode(),
                cancelled -> topK(weights, capturedSettings, capturedStep, generation, cancelled));
    }

    /**
     * The top-k analysis of the weights as they are now in two settings, {@code before} then the current ones: the
     * curvature on both sides of a change (a freeze), on the same weights. Its work returns both reports, in order.
     */
    public BackgroundHessian.Job changeJob(long generation, LiveSettings before) {
        Network weights = network.copy(DataType.FLOAT);
        var after = settings;
        long capturedStep = step;
        return new BackgroundHessian.Job(BackgroundHessian.Kind.TOP_K, capturedStep, generation, after.bnMode(),
                cancelled -> List.of(topK(weights, before, capturedStep, generation, cancelled),
                        topK(weights, after, capturedStep, generation, cancelled)));
    }

    private HessianReport topK(Network weights, LiveSettings at, long atStep, long generation, BooleanSupplier cancelled) {
        return HessianAnalysis.run(weights, at.bnMode(), hessianSet, config.statisticsRows(), at, HessianAnalysis.Request.of(config.hessian()),
                atStep, generation, cancelled);
    }

    /** The spectral density of the weights as they are now (SLQ), to run later on any thread, as {@link #hessianJob}. */
    public BackgroundHessian.Job densityJob(long generation, DensityAnalysis.Request request) {
        Network weights = network.copy(DataType.FLOAT);
        var capturedSettings = settings;
        long capturedStep = step;
        return new BackgroundHessian.Job(BackgroundHessian.Kind.DENSITY, capturedStep, generation, capturedSettings.bnMode(),
                cancelled -> DensityAnalysis.run(weights, capturedSettings.bnMode(), hessianSet, config.statisticsRows(),
                        capturedSettings.weightDecay(), request, capturedStep, generation,
                        HessianAnalysis.availableThreads(), cancelled));
    }
}
