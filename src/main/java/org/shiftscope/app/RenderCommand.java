// `shiftscope render`: runs a scenario or a saved settings file headless (no display: JavaFX on Monocle with
// software rendering) and writes the window's charts as PNG, SVG or PDF plus the CLI's CSV/JSON files per run,
// so a write-up's figures can be rebuilt exactly from a file. Same seed and settings, same figures.
package org.shiftscope.app;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.data.InvalidDataException;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.HessianMemory;
import org.shiftscope.model.run.RunDriver;
import org.shiftscope.model.run.RunListener;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.run.RunNames;
import org.shiftscope.model.run.RunTexts;
import org.shiftscope.model.io.SettingsFile;
import org.shiftscope.model.io.RunRecorder;
import org.shiftscope.model.scenario.InvalidScenarioException;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.scenario.ScenarioReader;
import org.shiftscope.model.scenario.ScenarioRunner;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.ui.charts.ChartRun;
import org.shiftscope.ui.export.FigureRenderer;
import org.shiftscope.ui.export.ImageFormat;
import org.shiftscope.ui.export.PngExport;
import org.shiftscope.ui.charts.RunHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Run a scenario or a settings file headless and write the window's charts as PNG (or SVG/PDF), "
                + "with the runs' CSV/JSON files, to --out. Needs no display.")
public final class RenderCommand implements Callable<Integer> {
    /** Longest wait for the charts to be drawn and written once the runs are done. */
    private static final long DRAW_TIMEOUT_S = 120;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(multiplicity = "1")
    private Source source;

    static final class Source {
        @Option(names = "--scenario", required = true,
                description = "A bundled scenario's id (see --list) or a scenario JSON file.")
        String scenario;
        @Option(names = "--config", required = true,
                description = "A settings JSON file (as the window's 'Save settings…' or a run's config.json \"config\").")
        Path config;
        @Option(names = "--list", required = true, description = "List the bundled scenarios and exit.")
        boolean list;
    }

    @Option(names = "--out", description = "Folder for the PNG, CSV and JSON files (created if missing).")
    private Path out;
    @Option(names = "--scale", defaultValue = "2", description = "PNG scale, 1–3. Default: ${DEFAULT-VALUE}.")
    private int scale;
    @Option(names = "--format", defaultValue = "png", paramLabel = "png|svg|pdf",
            description = "Figure format: png (pixels), or svg or pdf (text stays text, lines stay lines). Default: ${DEFAULT-VALUE}.")
    private Format format;
    @Option(names = "--steps", description = "Steps per run. Default: the scenario's or the file's steps.")
    private Long steps;
    @Option(names = "--overlaid", description = "Two runs in one set of charts instead of side by side (some scenarios ask for it).")
    private boolean overlaid;

    /** The figure formats `render` writes. */
    enum Format {
        PNG(ImageFormat.PNG), SVG(ImageFormat.SVG), PDF(ImageFormat.PDF);

        private final ImageFormat written;

        Format(ImageFormat written) {
            this.written = written;
        }

        static Format parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() throws Exception {
        if (source.list) {
            for (Scenario s : ScenarioReader.bundled()) {
                spec.commandLine().getOut().printf("%-26s %s%n", s.id(), s.title());
            }
            return 0;
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out is required");
        }
        if (scale < PngExport.MIN_SCALE || scale > PngExport.MAX_SCALE) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scale must be 1, 2 or 3 (got " + scale + ")");
        }
        if (steps != null && steps < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--steps must be at least 1 (got " + steps + ")");
        }
        var folder = OutputFolder.prepare(spec, "--out", out);
        try {
            return render();
        } finally {
            folder.removeIfLeftEmpty();
        }
    }

    /** Reads the scenario and its data, runs it, and writes the charts and files into the prepared --out. */
    private int render() throws Exception {
        var err = spec.commandLine().getErr();
        Scenario scenario;
        Dataset data;
        try {
            scenario = resolveScenario();
            data = DatasetSource.load(scenario.config().dataset(), scenario.config().seed());
        } catch (InvalidScenarioException | InvalidDataException e) {
            err.println("error: " + e.getMessage());
            return TrainCommand.EXIT_BAD_INPUT;
        }
        for (TrainingConfig run : scenario.runs()) {
            if (run.batchSize() > data.train().count()) {
                err.println("error: " + scenario.title() + ": batch " + run.batchSize() + " exceeds the "
                        + data.train().count() + " training examples of " + data.name());
                return TrainCommand.EXIT_BAD_INPUT;
            }
        }
        long total = steps != null ? steps : scenario.config().steps();
        err.printf("Rendering '%s': %d run(s), up to %d steps each%n", scenario.title(), scenario.runs().size(), total);
        List<Path> written;
        try {
            var runs = runAll(scenario, data, total, err);
            String title = RunTexts.settingsTitle(scenario.runs(),
                    runs.stream().filter(r -> r.history().latestStep() != null)
                            .mapToLong(r -> r.history().latestStep().step()).max().orElse(0), runs.get(0).history().events());
            written = draw(runs, overlaid || scenario.overlaid(), scenario.stress() != null, title);
        } catch (IOException | UncheckedIOException e) {
            err.println(WriteFailure.describe(out, e));
            return WriteFailure.EXIT_WRITE_FAILED;
        } catch (HessianMemory.TooLargeException e) {
            err.println("error: " + scenario.title() + ": " + e.getMessage());
            return TrainCommand.EXIT_BAD_INPUT;
        }
        err.printf("Wrote %d %s files%s and the runs' data to %s%n", written.size(), format.name(),
                format.written.vector() ? "" : " (scale " + scale + ")", out.toAbsolutePath());
        return 0;
    }

    private Scenario resolveScenario() throws InvalidScenarioException {
        if (source.config != null) {
            TrainingConfig config;
            try {
                config = SettingsFile.read(source.config);           // a settings file or a run's config.json
            } catch (IOException e) {
                throw new InvalidScenarioException(e.getMessage());  // it names the file
            }
            return new Scenario("settings", source.config.getFileName().toString(), List.of("Settings file"), "",
                    config, null, null, List.of(), false);
        }
        var bundled = ScenarioReader.bundled(source.scenario);
        if (bundled != null) {
            return bundled;
        }
        Path file = Path.of(source.scenario);
        if (!Files.exists(file)) {
            throw new InvalidScenarioException("no bundled scenario is called '" + source.scenario
                    + "' and no such file exists (see render --list)");
        }
        return ScenarioReader.read(file);
    }


    /** Runs the scenario, writing each run's files; returns each run's label and chart history. */
    private List<ChartRun> runAll(Scenario scenario, Dataset data, long total, PrintWriter err)
            throws IOException {
        var configs = scenario.runs();
        var drivers = ScenarioRunner.drivers(scenario, data, total);
        var recorders = new ArrayList<RunRecorder>();
        var runs = new ArrayList<ChartRun>();
        for (int i = 0; i < configs.size(); i++) {
            var run = new ChartRun(RunNames.label(configs.get(i)), new RunHistory(configs.get(i).network()));
            var recorder = new RunRecorder(RunNames.folder(out, configs, i), configs.get(i), RunRecorder.datasetFacts(data));
            drivers.get(i).addListener(recorder).addListener(charted(run, err));
            recorders.add(recorder);
            runs.add(run);
        }
        long started = System.nanoTime();
        ScenarioRunner.run(drivers);
        double seconds = (System.nanoTime() - started) / 1e9;
        for (int i = 0; i < runs.size(); i++) {
            RunDriver driver = drivers.get(i);
            recorders.get(i).finish(driver, seconds);
            recorders.get(i).close();
            runs.get(i).history().setEvents(driver.session().events());
            if (driver.schedule().hasStress()) {
                err.println(runs.get(i).label() + ": " + RunTexts.largestHealthyLine(driver.schedule().maxStableLearningRate()));
            }
        }
        return runs;
    }

    /** Feeds a run's chart history and says on stderr where it diverged and what each Hessian report found. */
    private static RunListener charted(ChartRun run, PrintWriter err) {
        return new RunListener() {
            @Override
            public void stepTaken(StepRecord record) {
                run.history().add(record);
                if (record.diverged()) {
                    err.printf("%s diverged at step %d: %s%n", run.label(), record.step(), record.divergence().reason());
                }
            }

            @Override
            public void hessian(HessianReport report) {
                run.history().add(report);
                err.printf("%s, Hessian at step %d (mode %s): %s%n", run.label(), report.step(), report.bnMode().label(),
                        report.summary());
            }

            @Override
            public void refused(BackgroundHessian.Kind kind, long step, String why) {
                err.printf("%s, step %d: not computed: %s%n", run.label(), step, why);
            }
        };
    }

    /** The charts as figure files; a failed write comes back as the IOException that failed it. */
    private List<Path> draw(List<ChartRun> runs, boolean overlaidRuns, boolean stressTest, String title)
            throws InterruptedException, TimeoutException, IOException {
        return HeadlessFx.draw(() -> FigureRenderer.render(runs, overlaidRuns, stressTest, title, out, scale,
                format.written), DRAW_TIMEOUT_S);
    }
}
