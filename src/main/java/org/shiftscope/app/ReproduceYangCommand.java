// `shiftscope reproduce yang`: gradient norms per layer at initialisation, BN against no BN and a residual net,
// fitted against mean-field theory's π/(π−1) per layer (Yang et al. 2019, ICLR; docs/reproduce-yang.md).
package org.shiftscope.app;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.data.InvalidDataException;
import org.shiftscope.model.reproduce.yang.MeanField;
import org.shiftscope.model.reproduce.yang.Variant;
import org.shiftscope.model.reproduce.yang.VariantResult;
import org.shiftscope.model.reproduce.yang.YangExperiment;
import org.shiftscope.model.reproduce.yang.YangFiles;
import org.shiftscope.model.reproduce.yang.YangReportText;
import org.shiftscope.model.reproduce.yang.YangResult;
import org.shiftscope.model.reproduce.yang.YangSettings;
import org.shiftscope.ui.reproduce.GradientGrowthFigure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "yang", mixinStandardHelpOptions = true,
        description = "Yang et al. 2019: ‖∂loss/∂W‖² per layer at initialisation of a deep ReLU MLP with BN, without, "
                + "and with residual blocks, in float64 over several seeds, fitted against π/(π−1) per layer. "
                + "Writes report.md, report.json, gradients.csv and gradients.png to --out.")
public final class ReproduceYangCommand implements Callable<Integer> {
    /** Longest wait for the figure to be drawn and written. */
    private static final long DRAW_TIMEOUT_S = 60;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Folder for the report's files (created if missing).")
    private Path out;
    @Option(names = "--depth", defaultValue = "" + YangSettings.DEFAULT_DEPTH,
            description = "Hidden layers. Default: ${DEFAULT-VALUE}.")
    private int depth;
    @Option(names = "--width", defaultValue = "" + YangSettings.DEFAULT_WIDTH,
            description = "Units per hidden layer. Default: ${DEFAULT-VALUE}.")
    private int width;
    @Option(names = "--batch", defaultValue = "" + YangSettings.DEFAULT_BATCH,
            description = "Examples per measured batch (the theory is the large-batch limit). Default: ${DEFAULT-VALUE}.")
    private int batch;
    @Option(names = "--seeds", defaultValue = "" + YangSettings.DEFAULT_SEEDS,
            description = "Networks per variant, each on its own batch. Default: ${DEFAULT-VALUE}.")
    private int seeds;
    @Option(names = "--seed", defaultValue = "1", description = "The first seed. Default: ${DEFAULT-VALUE}.")
    private long firstSeed;
    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "fashion-mnist (embedded), synthetic, or a folder of MNIST-format or CIFAR-10 files. Default: ${DEFAULT-VALUE}.")
    private String dataset;
    @Option(names = "--no-figure", description = "Skip gradients.png (the figure starts JavaFX headless).")
    private boolean noFigure;

    @Override
    public Integer call() throws Exception {
        var settings = UsageErrors.build(spec, () -> new YangSettings(depth, width, batch, seeds, firstSeed));
        var folder = OutputFolder.prepare(spec, "--out", out);
        try {
            return reproduce(settings);
        } finally {
            folder.removeIfLeftEmpty();
        }
    }

    private int reproduce(YangSettings settings) throws Exception {
        var err = spec.commandLine().getErr();
        Dataset data;
        try {
            data = DatasetSource.load(dataset, firstSeed);
        } catch (InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return TrainCommand.EXIT_BAD_INPUT;
        }
        if (settings.batch() > data.train().count()) {
            err.println("error: --batch " + settings.batch() + " exceeds the " + data.train().count()
                    + " training examples of " + data.name());
            return TrainCommand.EXIT_BAD_INPUT;
        }
        err.printf("Reproducing Yang et al. 2019 on %s: depth %d, width %d, batch %d, %d seeds, float64%n",
                data.name(), settings.depth(), settings.width(), settings.batch(), settings.seeds());
        YangResult result = YangExperiment.run(data, settings, line -> {
            err.println(line);
            err.flush();
        });
        try {
            YangReportText.write(result, commandLine(settings), out.resolve("report.md"));
            YangFiles.writeJson(result, out.resolve("report.json"));
            YangFiles.writeCsv(result, out.resolve("gradients.csv"));
            if (!noFigure) {
                drawFigure(result, out.resolve("gradients.png"));
            }
        } catch (IOException | UncheckedIOException e) {
            err.println(WriteFailure.describe(out, e));
            return WriteFailure.EXIT_WRITE_FAILED;
        }
        summarise(result, err);
        return 0;
    }

    /** The command that repeats this run, with every default spelled out. */
    private String commandLine(YangSettings s) {
        return String.format(Locale.ROOT, "shiftscope reproduce yang --depth %d --width %d --batch %d --seeds %d --seed %d%s",
                s.depth(), s.width(), s.batch(), s.seeds(), s.firstSeed(),
                dataset.equals("fashion-mnist") ? "" : " --dataset " + dataset);
    }

    private void summarise(YangResult result, PrintWriter err) {
        var s = result.settings();
        err.printf(Locale.ROOT, "Growth of ‖∂L/∂W‖² per layer going back, fitted over layers %d–%d (mean of logs over seeds):%n",
                s.firstFittedLayer(), s.lastFittedLayer());
        for (VariantResult v : result.variants()) {
            double predicted = MeanField.predictedGrowth(v.variant());
            err.printf(Locale.ROOT, "  %-14s %.4f (per-seed %.4f ± %.4f)   predicted %s   across the fitted layers ×%.3g%n",
                    v.variant().title(), v.fit().factorPerLayerBack(), v.seedFactorMean(), v.seedFactorSpread(),
                    Double.isNaN(predicted) ? "not exponential" : String.format(Locale.ROOT, "%.4f", predicted),
                    v.fittedSpanGrowth());
        }
        var residual = result.of(Variant.RESIDUAL_BATCH_NORM).fit();
        err.printf(Locale.ROOT, "  residual + BN as a power law: ‖∂L/∂W_ℓ‖² ∝ ℓ^−%.2f (R² %.3f; exponential R² %.3f)%n",
                residual.powerLawExponent(), residual.powerLaw().rSquared(), residual.exponential().rSquared());
        err.printf(Locale.ROOT, "Measured in %.1f s. Wrote report.md, report.json, gradients.csv%s to %s%n", result.seconds(),
                noFigure ? "" : ", gradients.png", out.toAbsolutePath());
    }

    /** Draws the figure headless on the FX thread and waits for the file; a failed write comes back as IOException. */
    private static void drawFigure(YangResult result, Path file) throws Exception {
        HeadlessFx.draw(() -> GradientGrowthFigure.render(result, file), DRAW_TIMEOUT_S);
    }
}
