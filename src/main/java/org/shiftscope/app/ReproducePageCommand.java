// `shiftscope reproduce page`: Page's experiments of "How to train your ResNet 7" in one command (PageExperiment),
// with report.md (his figures beside ours), report.json, PNG figures and the three nets exported to --out.
package org.shiftscope.app;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.data.InvalidDataException;
import org.shiftscope.model.io.AtomicFile;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.reproduce.page.PageExperiment;
import org.shiftscope.model.reproduce.page.PageProtocol;
import org.shiftscope.model.reproduce.page.PagePublished;
import org.shiftscope.model.reproduce.page.PageReport;
import org.shiftscope.ui.reproduce.PageFigures;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

@Command(name = "page", mixinStandardHelpOptions = true,
        description = "David Page's Batch Norm experiments (How to train your ResNet 7): a BN net, its frozen twin and a "
                + "no-BN net; top-25 Hessian, shift overlaps, projected λ1, perturbations, per-layer shift. Writes "
                + "report.md, report.json, PNG figures and models/ to --out.")
public final class ReproducePageCommand implements Callable<Integer> {
    /** Longest wait for the figures to be drawn and written once the measurements are done. */
    private static final long DRAW_TIMEOUT_S = 120;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", defaultValue = "mlp", description = "mlp or convnet. Default: ${DEFAULT-VALUE}.")
    private Architecture architecture;
    @Option(names = "--out", defaultValue = "page-report", description = "Folder of the report. Default: ${DEFAULT-VALUE}.")
    private Path out;
    @Option(names = "--dataset", description = "fashion-mnist (embedded), synthetic or a folder. Default: fashion-mnist.")
    private String dataset;
    @Option(names = "--depth", description = "Hidden layers (convnet: stages). Default: 4 (convnet 3).")
    private Integer depth;
    @Option(names = "--width", description = "Units (convnet: first stage's channels). Default: 128 (convnet 8).")
    private Integer width;
    @Option(names = "--steps", description = "Length of the one-cycle run; measured halfway. Default: 1000 (convnet 600).")
    private Integer steps;
    @Option(names = "--bn-lr", description = "The BN net's peak learning rate. Default: 1.0 (convnet 0.4).")
    private Double bnPeak;
    @Option(names = "--hessian-samples", description = "Examples of the evaluation set. Default: 512 (convnet 256).")
    private Integer samples;
    @Option(names = "--top-k", description = "Eigenvalues per net, 11–30. Default: 25.")
    private Integer topK;
    @Option(names = "--lanczos-iters", description = "Lanczos products per Hessian at most. Default: 100 (convnet 80).")
    private Integer iterations;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights, data order and evaluation set. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Override
    public Integer call() throws IOException, InterruptedException, TimeoutException {
        var protocol = UsageErrors.build(spec, this::protocol);
        var folder = OutputFolder.prepare(spec, "--out", out);
        PrintWriter printer = spec.commandLine().getOut();
        try {
            Dataset data;
            try {
                data = DatasetSource.load(protocol.dataset(), protocol.seed());
            } catch (InvalidDataException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return TrainCommand.EXIT_BAD_INPUT;
            }
            long start = System.nanoTime();
            var results = PageExperiment.run(protocol, data, out.resolve("models"), line -> {
                printer.println(String.format("[%4.0f s] %s", (System.nanoTime() - start) / 1e9, line));
                printer.flush();
            });
            var figures = HeadlessFx.draw(() -> PageFigures.write(results, out), DRAW_TIMEOUT_S);
            writeJson(results);
            String report = PageReport.markdown(results, figures, (System.nanoTime() - start) / 1e9);
            AtomicFile.write(out.resolve("report.md"), file -> Files.writeString(file, report));
            printer.println("wrote " + out.resolve("report.md") + ", report.json, " + figures.size() + " figures and models/");
            return 0;
        } finally {
            folder.removeIfLeftEmpty();
        }
    }

    private PageProtocol protocol() {
        var d = PageProtocol.defaults(architecture);
        return new PageProtocol(dataset != null ? DatasetSource.canonical(dataset) : d.dataset(), architecture,
                depth != null ? depth : d.depth(), width != null ? width : d.width(), d.batch(),
                steps != null ? steps : d.steps(), bnPeak != null ? bnPeak : d.bnPeak(),
                samples != null ? samples : d.samples(), topK != null ? topK : d.topK(),
                iterations != null ? iterations : d.iterations(), d.fraction(), d.perturbedClass(), seed);
    }

    private void writeJson(PageExperiment.Results results) throws IOException {
        var root = new LinkedHashMap<String, Object>();
        root.put("protocol", results.protocol());
        root.put("measured_step", results.measuredStep());
        root.put("units", "eigenvalues of the Hessian of the mean loss over the evaluation set (plus weight decay); "
                + "Page's are of the loss summed over " + PagePublished.SUMMED_OVER + " examples");
        var nets = new LinkedHashMap<String, Object>();
        results.nets().forEach(n -> nets.put(n.name(), n));
        root.put("nets", nets);
        root.put("page_published", PagePublished.NETS);
        AtomicFile.write(out.resolve("report.json"), file -> Json.mapper().writeValue(file.toFile(), root));
    }
}
