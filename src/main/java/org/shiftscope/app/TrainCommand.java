// `shiftscope train`: a headless training run that writes config.json, metrics.csv, layers.csv and
// summary.json into --out. Progress goes to stderr; bad arguments exit with code 2.
package org.shiftscope.app;

import org.shiftscope.model.Backend;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.data.InvalidDataException;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.hessian.HessianMemory;
import org.shiftscope.model.io.ModelExport;
import org.shiftscope.model.io.RunRecorder;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.run.HessianPolicy;
import org.shiftscope.model.run.RunDriver;
import org.shiftscope.model.run.RunTexts;
import org.shiftscope.model.train.LearningRateStress;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.TrainingSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train headless and write config.json, metrics.csv, layers.csv, summary.json (and hessian.csv, density.csv, model/) to --out.")
public final class TrainCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 2;
    private static final String[] STRESS_OPTIONS = {"--stress-factor", "--stress-every", "--stress-limit"};

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder for the run's files (created if missing).")
    private Path out;
    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist (embedded), synthetic, or a folder of MNIST-format IDX files or CIFAR-10 binary files. Default: ${DEFAULT-VALUE}.")
    private String dataset;
    @Option(names = "--depth", defaultValue = "8",
            description = "Hidden layers, " + Limits.MIN_DEPTH + "–" + Limits.MAX_DEPTH + ". Default: ${DEFAULT-VALUE}.")
    private int depth;
    @Option(names = "--width", defaultValue = "128",
            description = "Units per hidden layer, " + Limits.MIN_WIDTH + "–" + Limits.MAX_WIDTH + ". Default: ${DEFAULT-VALUE}.")
    private int width;
    @Option(names = "--activation", defaultValue = "relu", description = "relu, tanh, sigmoid or softplus. Default: ${DEFAULT-VALUE}.")
    private ActivationFunction activation;
    @Option(names = "--init", defaultValue = "he", description = "he or xavier. Default: ${DEFAULT-VALUE}.")
    private Initialization init;
    @CommandLine.Mixin
    private NetworkOptions network;
    @Option(names = "--bn", description = "The normalisation's mode: off, on (batch statistics) or frozen (BatchNorm's "
            + "running statistics). Default: on, or off with --norm none.")
    private BnMode bn;
    @Option(names = "--lr", defaultValue = "0.1", description = "Learning rate η. Default: ${DEFAULT-VALUE}.")
    private double learningRate;
    @Option(names = "--momentum", defaultValue = "0",
            description = "Momentum β in [0, " + Limits.MAX_MOMENTUM + "]. Default: ${DEFAULT-VALUE}.")
    private double momentum;
    @Option(names = "--nesterov", description = "Nesterov momentum instead of heavy-ball.")
    private boolean nesterov;
    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay λ. Default: ${DEFAULT-VALUE}.")
    private double weightDecay;
    @Option(names = "--batch", defaultValue = "128",
            description = "Mini-batch size, " + Limits.MIN_BATCH + "–" + Limits.MAX_BATCH + ". Default: ${DEFAULT-VALUE}.")
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
    @Option(names = "--top-k", defaultValue = "10",
            description = "Hessian eigenvalues to compute, 1–" + Limits.MAX_TOP_K + ". Default: ${DEFAULT-VALUE}.")
    private int topK;
    @Option(names = "--hessian-samples", defaultValue = "1024",
            description = "Size of the fixed Hessian evaluation set drawn from the training data. Default: ${DEFAULT-VALUE}.")
    private int hessianSamples;
    @Option(names = "--lanczos-iters", defaultValue = "0",
            description = "Lanczos iterations, 0–" + Limits.MAX_LANCZOS_ITERATIONS + "; 0 = 4·top-k. Default: ${DEFAULT-VALUE}.")
    private int lanczosIterations;
    @Option(names = "--lr-stress",
            description = "Learning-rate stress test: η starts at --lr and grows × --stress-factor every --stress-every steps until divergence or --stress-limit; hessian.csv gets λ1 at the end of each stretch, summary.json max_stable_lr.")
    private boolean lrStress;
    @Option(names = "--stress-factor", defaultValue = "" + StressSettings.DEFAULT_FACTOR,
            description = "Growth of η per stretch, " + Limits.MIN_STRESS_FACTOR + "–" + Limits.MAX_STRESS_FACTOR + ". Default: √2.")
    private double stressFactor;
    @Option(names = "--stress-every", defaultValue = "" + StressSettings.DEFAULT_EVERY,
            description = "Steps per stretch, " + Limits.MIN_STRESS_EVERY + "–" + Limits.MAX_STRESS_EVERY
                    + ". Default: ${DEFAULT-VALUE}.")
    private int stressEvery;
    @Option(names = "--stress-limit", defaultValue = "" + StressSettings.DEFAULT_LIMIT,
            description = "Largest η tried, from --lr to " + Limits.MAX_LEARNING_RATE + ". Default: ${DEFAULT-VALUE}.")
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
        var session = UsageErrors.build(spec, () -> new TrainingSession(config, data));
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
        err.printf("Training %s on %s with %s%n", RunTexts.describe(config), data.name(), Backend.describe());
        try {
            trainAndRecord(session, data, err);
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

    /** The run, through the same driver as the window and render, writing the run's files as it goes. */
    private void trainAndRecord(TrainingSession session, Dataset data, PrintWriter err) throws IOException {
        try (var recorder = new RunRecorder(out, session.config(), RunRecorder.datasetFacts(data))) {
            var schedule = new SettingsSchedule(List.of(), lrStress ? LearningRateStress.startingAt(
                    new StressSettings(stressFactor, stressEvery, stressLimit), learningRate, data.classes()) : null);
            var policy = HessianPolicy.of(session.config()).withDensityEvery(densityEvery, densityRequest);
            var driver = RunDriver.headless(session, schedule, policy, steps)
                    .addListener(recorder)
                    .addListener(new TrainProgress(err, session, densityRequest, steps));
            long start = System.nanoTime();
            driver.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (exportModel && !session.diverged()) {
                var last = recorder.lastHessian();
                if (last == null || last.step() != session.stepsTaken()) {
                    driver.measureNow();
                }
                exportModel(session, err);
            }
            recorder.finish(driver, seconds);
            if (lrStress) {
                err.println("Stress test: " + RunTexts.largestHealthyLine(schedule.maxStableLearningRate()));
            }
        }
    }

    /** The model, unless even its evaluation loss would not fit in memory now (then one line says so). */
    private void exportModel(TrainingSession session, PrintWriter err) throws IOException {
        var mode = session.liveSettings().bnMode();
        EvaluationSetLoss evalLoss;
        try {
            evalLoss = new EvaluationSetLoss(session.network(), mode, session.hessianSet(), session.config().statisticsRows(), 0);
        } catch (HessianMemory.TooLargeException e) {
            err.println("The model was not exported: " + e.getMessage());
            return;
        }
        ModelExport.write(out.resolve("model"), session.network(), mode, session.config().statisticsRows(), weightDecay,
                session.hessianSet(),
                evalLoss.value(evalLoss.initialParameters()), session.stepsTaken());
    }

    private TrainingConfig buildConfig() {
        if (nesterov && momentum == 0) {
            throw UsageErrors.usage(spec, "--nesterov needs --momentum > 0 (got --momentum 0)");
        }
        return UsageErrors.build(spec, () -> new TrainingConfig(DatasetSource.canonical(dataset), network.shape(), depth,
                width, activation, init, centerInputs, batch, steps, seed, evalEvery, trackedUnit,
                new LiveSettings(learningRate, momentum, nesterov, weightDecay, bn != null ? bn : network.defaultMode()),
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
                Limits.requireRange("stress-factor", stressFactor, Limits.MIN_STRESS_FACTOR, Limits.MAX_STRESS_FACTOR);
                Limits.requireRange("stress-every", stressEvery, Limits.MIN_STRESS_EVERY, Limits.MAX_STRESS_EVERY);
                Limits.requireRange("stress limit", stressLimit, learningRate, Limits.MAX_LEARNING_RATE);
            });
        }
    }
}
