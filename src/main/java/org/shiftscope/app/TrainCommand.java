// `shiftscope train`: a headless training run that writes config.json, metrics.csv, layers.csv and
// summary.json into --out. Progress goes to stderr; bad arguments exit with code 2.
package org.shiftscope.app;

import org.shiftscope.model.Backend;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.data.InvalidDataException;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.HessianAnalysis;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.io.DensityFigures;
import org.shiftscope.model.io.ModelExport;
import org.shiftscope.model.io.RunRecorder;
import org.shiftscope.model.io.RunSummary;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.train.LearningRateStress;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.TrainingSession;
import org.shiftscope.model.hessian.HessianMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train headless and write config.json, metrics.csv, layers.csv, summary.json (and hessian.csv, density.csv, model/) to --out.")
public final class TrainCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;
    /** Progress lines printed over a run. */
    private static final int PROGRESS_LINES = 20;
    /** Growth of η per stretch: above 1 or η never grows; 10 already skips a decade per stretch. */
    static final double MIN_STRESS_FACTOR = 1.01;
    static final double MAX_STRESS_FACTOR = 10;
    private static final String[] STRESS_OPTIONS = {"--stress-factor", "--stress-every", "--stress-limit"};

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder for the run's files (created if missing).")
    private Path out;
    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist (embedded), synthetic, or a folder of MNIST-format IDX files. Default: ${DEFAULT-VALUE}.")
    private String dataset;
    @Option(names = "--depth", defaultValue = "8", description = "Hidden layers, 1–50. Default: ${DEFAULT-VALUE}.")
    private int depth;
    @Option(names = "--width", defaultValue = "128", description = "Units per hidden layer, 8–1024. Default: ${DEFAULT-VALUE}.")
    private int width;
    @Option(names = "--activation", defaultValue = "relu", description = "relu, tanh, sigmoid or softplus. Default: ${DEFAULT-VALUE}.")
    private ActivationFunction activation;
    @Option(names = "--init", defaultValue = "he", description = "he or xavier. Default: ${DEFAULT-VALUE}.")
    private Initialization init;
    @Option(names = "--bn", defaultValue = "on", description = "off, on (batch statistics) or frozen (running statistics). Default: ${DEFAULT-VALUE}.")
    private BnMode bn;
    @Option(names = "--lr", defaultValue = "0.1", description = "Learning rate η. Default: ${DEFAULT-VALUE}.")
    private double learningRate;
    @Option(names = "--momentum", defaultValue = "0", description = "Momentum β in [0, 0.999]. Default: ${DEFAULT-VALUE}.")
    private double momentum;
    @Option(names = "--nesterov", description = "Nesterov momentum instead of heavy-ball.")
    private boolean nesterov;
    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay λ. Default: ${DEFAULT-VALUE}.")
    private double weightDecay;
    @Option(names = "--batch", defaultValue = "128", description = "Mini-batch size. Default: ${DEFAULT-VALUE}.")
    private int batch;
    @Option(names = "--steps", defaultValue = "1000", description = "Training steps. Default: ${DEFAULT-VALUE}.")
    private int steps;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the weights and the data order. Default: ${DEFAULT-VALUE}.")
    private long seed;
    @Option(names = "--eval-every", defaultValue = "50", description = "Steps between test evaluations. Default: ${DEFAULT-VALUE}.")
    private int evalEvery;
    @Option(names = "--tracked-unit", defaultValue = "0", description = "Unit whose 15/50/85th percentiles are recorded. Default: ${DEFAULT-VALUE}.")
    private int trackedUnit;
    @Option(names = "--center-inputs", description = "Subtract the training set's per-feature mean from the inputs.")
    private boolean centerInputs;
    @Option(names = "--hessian-every", defaultValue = "0",
            description = "Steps between top-k Hessian eigenvalue computations (also at step 0); 0 = never. Default: ${DEFAULT-VALUE}.")
    private int hessianEvery;
    @Option(names = "--top-k", defaultValue = "10", description = "Hessian eigenvalues to compute, 1–30. Default: ${DEFAULT-VALUE}.")
    private int topK;
    @Option(names = "--hessian-samples", defaultValue = "1024",
            description = "Size of the fixed Hessian evaluation set drawn from the training data. Default: ${DEFAULT-VALUE}.")
    private int hessianSamples;
    @Option(names = "--lanczos-iters", defaultValue = "0", description = "Lanczos iterations, 0–1000; 0 = 4·top-k. Default: ${DEFAULT-VALUE}.")
    private int lanczosIterations;
    @Option(names = "--lr-stress",
            description = "Learning-rate stress test: η starts at --lr and grows × --stress-factor every --stress-every steps until divergence or --stress-limit; summary.json gets max_stable_lr.")
    private boolean lrStress;
    @Option(names = "--stress-factor", defaultValue = "1.4142135623730951", description = "Growth of η per stretch, 1.01–10. Default: √2.")
    private double stressFactor;
    @Option(names = "--stress-every", defaultValue = "200", description = "Steps per stretch. Default: ${DEFAULT-VALUE}.")
    private int stressEvery;
    @Option(names = "--stress-limit", defaultValue = "10", description = "Largest η tried. Default: ${DEFAULT-VALUE}.")
    private double stressLimit;
    @Option(names = "--export-model",
            description = "At the end, compute the Hessian on the final weights and export the model to DIR/model/ (arch.json + .npy).")
    private boolean exportModel;
    @Option(names = "--density-every", defaultValue = "0",
            description = "Steps between Hessian spectral-density estimates (also at step 0), written to density.csv; 0 = never. Default: ${DEFAULT-VALUE}.")
    private int densityEvery;
    @Option(names = "--density-probes", defaultValue = "1", description = "Random probe vectors of the density, 1–1000. Default: ${DEFAULT-VALUE}.")
    private int densityProbes;
    @Option(names = "--density-steps", defaultValue = "80", description = "Lanczos steps per density probe, 1–1000. Default: ${DEFAULT-VALUE}.")
    private int densitySteps;
    @Option(names = "--density-grid", defaultValue = "400", description = "Points of the density curve, 20–100000. Default: ${DEFAULT-VALUE}.")
    private int densityGrid;
    private DensityAnalysis.Request densityRequest;

    @Override
    public Integer call() throws IOException {
        TrainingConfig config = buildConfig();
        checkStress();
        densityRequest = UsageErrors.build(spec, () -> {
            Limits.requireRange("density-every", densityEvery, 0, Integer.MAX_VALUE);
            return new DensityAnalysis.Request(densityProbes, densitySteps, densityGrid);
        });
        var folder = OutputFolder.prepare(spec, "--out", out);
        try {
            return train(config);
        } finally {
            folder.removeIfLeftEmpty();
        }
    }

    /** Loads the data, checks what needs it, and trains into the prepared --out. */
    private int train(TrainingConfig config) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Dataset data;
        try {
            data = DatasetSource.load(config.dataset(), seed);
        } catch (InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (batch > data.train().count()) {
            throw UsageErrors.usage(spec, "--batch " + batch + " exceeds the " + data.train().count() + " training examples");
        }
        var session = new TrainingSession(config, data);
        if (config.hessian().every() > 0 || lrStress || exportModel) {
            try {
                session.requireHessianFits();
            } catch (HessianMemory.TooLargeException e) {
                throw UsageErrors.usage(spec, e.getMessage());
            }
        }
        if (densityEvery > 0) {
            try {
                DensityAnalysis.requireFits(session.network(), densityRequest);
            } catch (HessianMemory.TooLargeException e) {
                throw UsageErrors.usage(spec, e.getMessage());
            }
        }
        err.printf("Training %s on %s with %s%n", describe(config), data.name(), Backend.describe());
        LearningRateStress stress = lrStress ? stressSchedule(data.classes()) : null;
        try {
            trainAndRecord(config, session, stress, data, err);
        } catch (IOException | UncheckedIOException e) {
            err.println(WriteFailure.describe(out, e));
            return WriteFailure.EXIT_WRITE_FAILED;
        }
        if (session.diverged()) {
            err.printf("Diverged at step %d: %s%n", session.divergence().step(), session.divergence().reason());
        }
        err.println("Wrote " + out.toAbsolutePath());
        return 0;
    }

    /** The training loop, writing the run's files as it goes. */
    private void trainAndRecord(TrainingConfig config, TrainingSession session, LearningRateStress stress, Dataset data,
                                PrintWriter err) throws IOException {
        try (var recorder = new RunRecorder(out, config, RunRecorder.datasetFacts(data))) {
            long start = System.nanoTime();
            long progressEvery = Math.max(1, steps / PROGRESS_LINES);
            HessianReport lastHessian = hessianEvery > 0 ? analyse(session, recorder, err) : null;
            DensityReport lastDensity = densityEvery > 0 ? density(session, recorder, err) : null;
            while (session.stepsTaken() < steps && !session.diverged()) {
                if (stress != null) {
                    if (stress.finishedAt(session.stepsTaken())) {
                        break;
                    }
                    session.setLiveSettings(session.liveSettings()
                            .withLearningRate(stress.learningRateAt(session.stepsTaken())), RunEvent.Cause.STRESS_TEST);
                }
                var record = session.step();
                recorder.record(record);
                if (stress != null) {
                    stress.record(record);
                }
                if (record.step() % progressEvery == 0 || record.diverged()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    err.printf("step %d/%d  loss %.4f  acc %.3f%s  (%.1f steps/s)%n", record.step(), steps,
                            record.trainLoss(), record.trainAccuracy(),
                            record.evaluated() ? String.format("  test %.4f/%.3f", record.testLoss(), record.testAccuracy()) : "",
                            record.step() / seconds);
                }
                if (hessianEvery > 0 && record.step() % hessianEvery == 0 && !record.diverged()) {
                    lastHessian = analyse(session, recorder, err);
                }
                if (densityEvery > 0 && record.step() % densityEvery == 0 && !record.diverged()) {
                    lastDensity = density(session, recorder, err);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exportModel && !session.diverged()) {
                if (lastHessian == null || lastHessian.step() != session.stepsTaken()) {
                    lastHessian = analyse(session, recorder, err);
                }
                exportModel(session);
            }
            var summary = summarise(session, recorder, seconds, lastHessian,
                    stress == null ? Double.NaN : stress.maxStableLearningRate());
            recorder.finish(lastDensity == null ? summary : summary.withDensity(DensityFigures.of(lastDensity)),
                    session.startedAs(), session.events(), session.liveSettings());
            if (stress != null) {
                err.printf("Largest healthy learning rate: %s%n", Double.isNaN(stress.maxStableLearningRate())
                        ? "none" : String.format("%.4g", stress.maxStableLearningRate()));
            }
        }
    }

    /** Announced first: on a large network the top-k takes seconds, and a silent terminal looks stuck. */
    private HessianReport analyse(TrainingSession session, RunRecorder recorder, PrintWriter err) throws IOException {
        err.printf("step %d: computing the top-%d Hessian eigenvalues on %d examples…%n", session.stepsTaken(), topK,
                session.hessianSet().count());
        var report = session.analyseHessian(0, () -> false);
        recorder.recordHessian(report);
        err.printf("Hessian at step %d: %s, %d iterations, %.1f s%n", report.step(), report.summary(),
                report.iterations(), report.seconds());
        return report;
    }

    /** The spectral density at the current weights, in the current BN mode, as the top-k's loss is built. */
    private DensityReport density(TrainingSession session, RunRecorder recorder, PrintWriter err) throws IOException {
        err.printf("step %d: estimating the Hessian's spectral density (%d probe(s) × %d Lanczos steps)…%n",
                session.stepsTaken(), densityProbes, densitySteps);
        var settings = session.liveSettings();
        var report = DensityAnalysis.run(session.network(), settings.bnMode(), session.hessianSet(), batch,
                settings.weightDecay(), densityRequest, session.stepsTaken(), 0, HessianAnalysis.availableThreads(), () -> false);
        recorder.recordDensity(report);
        err.printf("Density at step %d: nodes in [%.4g, %.4g], %.1f s%n", report.step(),
                report.estimate().smallestNode(), report.estimate().largestNode(), report.seconds());
        return report;
    }

    private void exportModel(TrainingSession session) throws IOException {
        var mode = session.liveSettings().bnMode();
        var evalLoss = new EvaluationSetLoss(session.network(), mode, session.hessianSet(), batch, 0);
        ModelExport.write(out.resolve("model"), session.network(), mode, batch, weightDecay, session.hessianSet(),
                evalLoss.value(evalLoss.initialParameters()), session.stepsTaken());
    }

    private TrainingConfig buildConfig() {
        if (nesterov && momentum == 0) {
            throw UsageErrors.usage(spec, "--nesterov needs --momentum > 0 (got --momentum 0)");
        }
        return UsageErrors.build(spec, () -> new TrainingConfig(DatasetSource.canonical(dataset), depth, width, activation, init, centerInputs,
                batch, steps, seed, evalEvery, trackedUnit,
                new LiveSettings(learningRate, momentum, nesterov, weightDecay, bn),
                new HessianSettings(hessianEvery, topK, hessianSamples, lanczosIterations)));
    }

    /** The stress options apply only with --lr-stress, and then within their ranges; checked before the data loads. */
    private void checkStress() {
        var parsed = spec.commandLine().getParseResult();
        for (String option : STRESS_OPTIONS) {
            if (!lrStress && parsed.hasMatchedOption(option)) {
                throw UsageErrors.usage(spec, option + " needs --lr-stress (got " + option + " "
                        + String.join(" ", parsed.matchedOption(option).stringValues()) + " without it)");
            }
        }
        if (lrStress) {
            UsageErrors.check(spec, () -> {
                Limits.requireRange("stress-factor", stressFactor, MIN_STRESS_FACTOR, MAX_STRESS_FACTOR);
                Limits.requireRange("stress-every", stressEvery, 1, Integer.MAX_VALUE);
                Limits.requireRange("stress limit", stressLimit, learningRate, Limits.MAX_LEARNING_RATE);
            });
        }
    }

    private LearningRateStress stressSchedule(int classes) {
        return new LearningRateStress(learningRate, stressFactor, stressEvery, stressLimit, classes);
    }

    /** The summary.json of a finished headless run (train and render): final test figures unless it diverged. */
    static RunSummary summarise(TrainingSession session, RunRecorder recorder, double seconds, HessianReport hessian,
                                double maxStableLearningRate) {
        Double testLoss = null;
        Double testAccuracy = null;
        if (!session.diverged()) {
            var test = session.evaluateTest();
            testLoss = test.meanLoss();
            testAccuracy = test.accuracy();
        }
        return RunSummary.of(session.stepsTaken(), recorder.recentTrainLossAndAccuracy(), testLoss, testAccuracy,
                session.divergence(), seconds, hessian, maxStableLearningRate);
    }

    private static String describe(TrainingConfig c) {
        var o = c.optimizer();
        return String.format("depth %d × width %d %s, BN %s, lr %s, momentum %s%s, batch %d, %d steps, seed %d",
                c.depth(), c.width(), c.activation().label(), o.bnMode().label(), o.learningRate(), o.momentum(),
                o.nesterov() ? " (Nesterov)" : "", c.batchSize(), c.steps(), c.seed());
    }
}
