// `shiftscope reproduce ghorbani`: Ghorbani, Krishnan & Xiao (2019, arXiv 1901.10159) on ShiftScope's MLP: BN vs no
// BN (and BN frozen) from one seed, their Hessian densities, λ1/λK and the gradient's share in the top-K eigenspace
// at a few steps; writes report.md, report.json, density-*.csv and densities.png to --out.
package org.shiftscope.app;

import org.shiftscope.model.Backend;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.data.InvalidDataException;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.HessianMemory;
import org.shiftscope.model.reproduce.ghorbani.GhorbaniExperiment;
import org.shiftscope.model.reproduce.ghorbani.GhorbaniFiles;
import org.shiftscope.model.reproduce.ghorbani.GhorbaniMarkdown;
import org.shiftscope.model.reproduce.ghorbani.GhorbaniResult;
import org.shiftscope.model.reproduce.ghorbani.GhorbaniSettings;
import org.shiftscope.ui.export.PngExport;
import org.shiftscope.ui.reproduce.GhorbaniFigure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

@Command(name = "ghorbani", mixinStandardHelpOptions = true,
        description = "Ghorbani, Krishnan & Xiao 2019: Hessian spectral densities, λ1/λK and the gradient's share in the "
                + "top-K eigenspace of an MLP with and without BN at a few steps; writes report.md, report.json, "
                + "density-*.csv and densities.png to --out.")
public final class ReproduceGhorbaniCommand implements Callable<Integer> {
    /** Longest wait for the figure to be drawn and written once the measurements are done. */
    private static final long DRAW_TIMEOUT_S = 120;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder for the report, the densities and the figure.")
    private Path out;
    @Option(names = "--depth", defaultValue = "" + GhorbaniSettings.DEFAULT_DEPTH,
            description = "Hidden layers of both MLPs. Default: ${DEFAULT-VALUE}.")
    private int depth;
    @Option(names = "--width", defaultValue = "" + GhorbaniSettings.DEFAULT_WIDTH,
            description = "Units per hidden layer. Default: ${DEFAULT-VALUE}.")
    private int width;
    @Option(names = "--at", split = ",", paramLabel = "STEPS", defaultValue = "0,100,400,1000",
            description = "Steps at which every net is measured, ascending. Default: ${DEFAULT-VALUE}.")
    private List<Integer> checkpoints;
    @Option(names = "--lr", defaultValue = "" + GhorbaniSettings.DEFAULT_LEARNING_RATE,
            description = "Learning rate of plain SGD, the same for both nets. Default: ${DEFAULT-VALUE}.")
    private double learningRate;
    @Option(names = "--batch", defaultValue = "" + GhorbaniSettings.DEFAULT_BATCH,
            description = "Mini-batch size (and BN's statistics group in the Hessian). Default: ${DEFAULT-VALUE}.")
    private int batch;
    @Option(names = "--seed", defaultValue = "" + GhorbaniSettings.DEFAULT_SEED,
            description = "Seed of both nets' weights and data order. Default: ${DEFAULT-VALUE}.")
    private long seed;
    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist (embedded), synthetic, or a folder of MNIST-format or CIFAR-10 files. Default: ${DEFAULT-VALUE}.")
    private String dataset;
    @Option(names = "--hessian-samples", defaultValue = "" + GhorbaniSettings.DEFAULT_HESSIAN_SAMPLES,
            description = "Size of the fixed evaluation set the Hessian is of. Default: ${DEFAULT-VALUE}.")
    private int hessianSamples;
    @Option(names = "--density-probes", defaultValue = "" + DensityAnalysis.DEFAULT_PROBES,
            description = "Random probe vectors of each density, 1–1000. Default: ${DEFAULT-VALUE}.")
    private int densityProbes;
    @Option(names = "--density-steps", defaultValue = "" + DensityAnalysis.DEFAULT_STEPS,
            description = "Lanczos steps per probe, 1–1000. Default: ${DEFAULT-VALUE}.")
    private int densitySteps;
    @Option(names = "--frozen", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also measure the BN net with population statistics (--no-frozen skips it). Default: on.")
    private boolean frozen;
    @Option(names = "--scale", defaultValue = "2", description = "PNG scale, 1–3. Default: ${DEFAULT-VALUE}.")
    private int scale;

    @Override
    public Integer call() throws Exception {
        var settings = UsageErrors.build(spec, () -> new GhorbaniSettings(DatasetSource.canonical(dataset), depth, width,
                checkpoints, learningRate, batch, seed, hessianSamples,
                new DensityAnalysis.Request(densityProbes, densitySteps, DensityAnalysis.DEFAULT_GRID), frozen));
        if (scale < PngExport.MIN_SCALE || scale > PngExport.MAX_SCALE) {
            throw UsageErrors.usage(spec, "--scale must be 1, 2 or 3 (got " + scale + ")");
        }
        var folder = OutputFolder.prepare(spec, "--out", out);
        try {
            return reproduce(settings);
        } finally {
            folder.removeIfLeftEmpty();
        }
    }

    /** Loads the data, trains and measures both nets, and writes the report and the figure into the prepared --out. */
    private int reproduce(GhorbaniSettings settings) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Dataset data;
        try {
            data = DatasetSource.load(settings.dataset(), settings.seed());
        } catch (InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return TrainCommand.EXIT_BAD_INPUT;
        }
        GhorbaniExperiment experiment;
        try {
            experiment = new GhorbaniExperiment(settings, data, line -> {
                err.println(line);
                err.flush();
            });
        } catch (HessianMemory.TooLargeException | IllegalArgumentException e) {
            throw UsageErrors.usage(spec, e.getMessage());
        }
        err.printf("Reproducing Ghorbani, Krishnan & Xiao 2019: %s on %s with %s, measured at steps %s%n",
                settings.describe(), data.name(), Backend.describe(), settings.checkpoints());
        err.flush();
        GhorbaniResult result = experiment.run();
        err.print(GhorbaniMarkdown.table(result));
        err.print(GhorbaniMarkdown.claims(result));
        try {
            GhorbaniFiles.write(result, out);
            draw(result);
        } catch (IOException | UncheckedIOException e) {
            err.println(WriteFailure.describe(out, e));
            return WriteFailure.EXIT_WRITE_FAILED;
        }
        err.printf("Trained and measured in %.0f s; wrote %s%n", result.seconds(), out.toAbsolutePath());
        return 0;
    }

    /** densities.png; a failed write comes back as the IOException that failed it. */
    private void draw(GhorbaniResult result) throws InterruptedException, TimeoutException, IOException {
        HeadlessFx.draw(() -> GhorbaniFigure.write(result, out.resolve(GhorbaniFiles.FIGURE), scale), DRAW_TIMEOUT_S);
    }
}
