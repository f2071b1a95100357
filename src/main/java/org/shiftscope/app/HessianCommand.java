// `shiftscope hessian`: the top of the Hessian spectrum of an exported model (DIR/model from `train
// --export-model`) in a chosen BN mode, so a writer can compare modes on the same weights; with --density also
// the smoothed spectral density (stochastic Lanczos quadrature). Reported at the step the model was exported at.
package org.shiftscope.app;

import org.shiftscope.model.io.AtomicFile;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.hessian.HessianAnalysis;
import org.shiftscope.model.hessian.HessianMemory;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.io.DensityCsv;
import org.shiftscope.model.io.DensityFigures;
import org.shiftscope.model.io.HessianCsv;
import org.shiftscope.model.io.HessianFigures;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.ModelExport;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.LiveSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "hessian", mixinStandardHelpOptions = true,
        description = "Top-k Hessian eigenvalues of an exported model; writes hessian.csv and hessian.json (and density.csv) to --out.")
public final class HessianCommand implements Callable<Integer> {
    /** The step in hessian.csv and density.csv when the export does not record one (hessian.json says null). */
    static final long UNKNOWN_STEP = 0;
    private static final String STEP_FIELD = "step";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "A model export folder (DIR/model from train --export-model).")
    private Path model;
    @Option(names = "--bn-mode", defaultValue = "as-trained",
            description = "on (batch statistics per bn_chunk rows), frozen (running statistics) or as-trained. Default: ${DEFAULT-VALUE}.")
    private String bnMode;
    @Option(names = "--top-k", defaultValue = "10", description = "Eigenvalues, 1–30. Default: ${DEFAULT-VALUE}.")
    private int topK;
    @Option(names = "--lanczos-iters", defaultValue = "0", description = "Lanczos iterations, 0–1000; 0 = 4·top-k. Default: ${DEFAULT-VALUE}.")
    private int iterations;
    @Option(names = "--lr", defaultValue = "0.1", description = "Learning rate η for the full-batch threshold 2(1+β)/η. Default: ${DEFAULT-VALUE}.")
    private double learningRate;
    @Option(names = "--momentum", defaultValue = "0", description = "Momentum for the stability threshold. Default: ${DEFAULT-VALUE}.")
    private double momentum;
    @Option(names = "--out", required = true, description = "Folder for hessian.csv and hessian.json (and density.csv).")
    private Path out;
    @Option(names = "--density",
            description = "Also the spectral density (stochastic Lanczos quadrature): density.csv, and its figures in hessian.json.")
    private boolean density;
    @Option(names = "--density-probes", defaultValue = "1", description = "Random probe vectors, 1–1000. Default: ${DEFAULT-VALUE}.")
    private int densityProbes;
    @Option(names = "--density-steps", defaultValue = "80", description = "Lanczos steps per probe, 1–1000. Default: ${DEFAULT-VALUE}.")
    private int densitySteps;
    @Option(names = "--density-grid", defaultValue = "400", description = "Points of the density curve, 20–100000. Default: ${DEFAULT-VALUE}.")
    private int densityGrid;

    @Override
    public Integer call() throws IOException {
        BnMode requested = requestedMode();
        var request = UsageErrors.build(spec, () -> {
            Limits.requireRange("learning rate", learningRate, Limits.MIN_LEARNING_RATE, Limits.MAX_LEARNING_RATE);
            Limits.requireRange("momentum", momentum, 0, Limits.MAX_MOMENTUM);
            return new HessianAnalysis.Request(topK, iterations, HessianAnalysis.TOLERANCE);
        });
        var densityRequest = densityRequest();
        var folder = OutputFolder.prepare(spec, "--out", out);
        try {
            return analyse(requested, request, densityRequest);
        } finally {
            folder.removeIfLeftEmpty();
        }
    }

    /** Reads the model, checks the analysis fits, and writes its files into the prepared --out. */
    private int analyse(BnMode requested, HessianAnalysis.Request request, DensityAnalysis.Request densityRequest)
            throws IOException {
        var err = spec.commandLine().getErr();
        ModelExport.Loaded loaded;
        try {
            loaded = ModelExport.read(model);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return TrainCommand.EXIT_BAD_INPUT;
        }
        BnMode mode = resolveMode(requested, loaded.bnMode());
        var settings = UsageErrors.build(spec,
                () -> new LiveSettings(learningRate, momentum, false, loaded.weightDecay(), mode));
        try {
            HessianAnalysis.requireFits(loaded.network(), request, mode, loaded.evalSet(), loaded.bnChunk());
            if (densityRequest != null) {
                DensityAnalysis.requireFits(loaded.network(), densityRequest);
            }
        } catch (HessianMemory.TooLargeException e) {
            throw UsageErrors.usage(spec, e.getMessage());
        }
        long step = loaded.step().orElse(UNKNOWN_STEP);
        String at = loaded.step().isPresent() ? "step " + step : "an unrecorded step";
        err.printf("Hessian of %s (exported at %s, trained with BN %s) in BN mode %s, on %d examples…%n", model, at,
                loaded.bnMode().label(), mode.label(), loaded.evalSet().count());
        var report = HessianAnalysis.run(loaded.network(), mode, loaded.evalSet(), loaded.bnChunk(), settings, request,
                step, 0, () -> false);
        DensityReport densityReport = densityRequest == null ? null : DensityAnalysis.run(loaded.network(), mode,
                loaded.evalSet(), loaded.bnChunk(), loaded.weightDecay(), densityRequest, step, 0,
                HessianAnalysis.availableThreads(), () -> false);
        var loss = new EvaluationSetLoss(loaded.network(), mode, loaded.evalSet(), loaded.bnChunk(), 0.0);
        double evalLoss = loss.value(loss.initialParameters());
        try {
            write(report, densityReport, loaded.step().isPresent(), evalLoss);
        } catch (IOException e) {
            err.println(WriteFailure.describe(out, e));
            return WriteFailure.EXIT_WRITE_FAILED;
        }
        err.printf("At %s: mean loss %.6f, %s, %d iterations, converged %s, %.1f s%n", at, evalLoss, report.summary(),
                report.iterations(), report.converged(), report.seconds());
        if (densityReport != null) {
            var e = densityReport.estimate();
            err.printf("Density: %d probe(s) × %d Lanczos steps, nodes in [%.4g, %.4g], σ = %.3g, %.1f s%n", e.probes(),
                    e.steps(), e.smallestNode(), e.largestNode(), e.sigma(), densityReport.seconds());
        }
        return 0;
    }

    /** The density options within their ranges and only with --density; null without it. */
    private DensityAnalysis.Request densityRequest() {
        var parsed = spec.commandLine().getParseResult();
        for (String option : new String[]{"--density-probes", "--density-steps", "--density-grid"}) {
            if (!density && parsed.hasMatchedOption(option)) {
                throw UsageErrors.usage(spec, option + " needs --density (got " + option + " "
                        + String.join(" ", parsed.matchedOption(option).stringValues()) + " without it)");
            }
        }
        return density ? UsageErrors.build(spec, () -> new DensityAnalysis.Request(densityProbes, densitySteps, densityGrid))
                : null;
    }

    /** hessian.csv, hessian.json (and density.csv); an unrecorded export step is null in hessian.json. */
    /** @param evalLoss the mean loss on the evaluation set in the measured mode, without weight decay (as arch.json's) */
    private void write(HessianReport report, DensityReport densityReport, boolean stepKnown, double evalLoss)
            throws IOException {
        AtomicFile.write(out.resolve("hessian.csv"), file -> {
            try (var csv = new HessianCsv(file)) {
                csv.write(report);
            }
        });
        ObjectNode figures = Json.mapper().valueToTree(HessianFigures.of(report));
        if (!stepKnown) {
            figures.putNull(STEP_FIELD);
        }
        figures.put("eval_loss", evalLoss);
        if (densityReport != null) {
            AtomicFile.write(out.resolve("density.csv"), file -> {
                try (var csv = new DensityCsv(file)) {
                    csv.write(densityReport);
                }
            });
            ObjectNode densityFigures = Json.mapper().valueToTree(DensityFigures.of(densityReport));
            if (!stepKnown) {
                densityFigures.putNull(STEP_FIELD);
            }
            figures.set("density", densityFigures);
        }
        AtomicFile.write(out.resolve("hessian.json"), file -> Json.mapper().writeValue(file.toFile(), figures));
    }

    /** The --bn-mode asked for, null for as-trained; checked before the model is read. */
    private BnMode requestedMode() {
        if (bnMode.equalsIgnoreCase("as-trained")) {
            return null;
        }
        return Stream.of(BnMode.ON, BnMode.FROZEN).filter(m -> m.label().equalsIgnoreCase(bnMode.trim())).findFirst()
                .orElseThrow(() -> UsageErrors.usage(spec, "--bn-mode must be on, frozen or as-trained (got '" + bnMode + "')"));
    }

    private BnMode resolveMode(BnMode requested, BnMode trained) {
        if (requested == null) {
            return trained;
        }
        if (trained == BnMode.OFF) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "this model was trained without BN; only --bn-mode as-trained applies");
        }
        return requested;
    }
}
