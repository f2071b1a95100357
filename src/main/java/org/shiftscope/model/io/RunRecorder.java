// Writes a run's files as it goes (a RunListener): config.json at the start, metrics.csv, layers.csv and
// gradients.csv rows per step, and at the end summary.json, events.csv and config.json again with the final settings. The column
// layout is part of the CLI's contract (README, "Output files"): new columns are only ever appended.
package org.shiftscope.model.io;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.DensityReport;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.run.RunDriver;
import org.shiftscope.model.run.RunListener;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.config.TrainingConfig;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class RunRecorder implements RunListener, AutoCloseable {
    public static final String METRICS_HEADER = "step,lr,train_loss,train_acc,test_loss,test_acc,bn_mode";
    public static final String GRADIENTS_FILE = "gradients.csv";
    public static final String GRADIENTS_HEADER = "step,layer,weight_gradient_norm,bn_mode";
    public static final String LAYERS_HEADER = "step,layer,where,mean,var,unit_var,between_share,p15,p50,p85,drift,bn_mode,lr";
    public static final String EVENTS_FILE = "events.csv";
    /** Steps averaged for the final training loss, which is noisy per mini-batch. */
    public static final int FINAL_WINDOW = 50;

    private final Path directory;
    private final BufferedWriter metrics;
    private final BufferedWriter layers;
    private final BufferedWriter gradients;
    private final ArrayDeque<double[]> lastLossAndAccuracy = new ArrayDeque<>();
    private final Map<String, Object> configJson = new LinkedHashMap<>();
    private HessianCsv hessian;
    private DensityCsv density;
    private HessianReport lastHessian;
    private DensityReport lastDensity;

    /** @param datasetFacts what the dataset resolved to (name, inputs, classes, sizes), saved beside the config */
    public RunRecorder(Path directory, TrainingConfig config, Map<String, Object> datasetFacts) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        configJson.put("config", config);
        configJson.put("dataset_facts", datasetFacts);
        writeJson("config.json", configJson);
        metrics = Files.newBufferedWriter(directory.resolve("metrics.csv"));
        layers = Files.newBufferedWriter(directory.resolve("layers.csv"));
        metrics.write(METRICS_HEADER);
        metrics.newLine();
        layers.write(LAYERS_HEADER);
        layers.newLine();
        gradients = Files.newBufferedWriter(directory.resolve(GRADIENTS_FILE));
        gradients.write(GRADIENTS_HEADER);
        gradients.newLine();
    }

    /** What a dataset resolved to, saved beside the config (name, inputs, classes, split sizes). */
    public static Map<String, Object> datasetFacts(Dataset data) {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("name", data.name());
        facts.put("inputs", data.inputs());
        facts.put("classes", data.classes());
        facts.put("train_examples", data.train().count());
        facts.put("test_examples", data.test().count());
        return facts;
    }

    public void record(StepRecord r) {
        try {
            metrics.write(r.step() + "," + number(r.learningRate()) + "," + number(r.trainLoss()) + ","
                    + number(r.trainAccuracy()) + "," + number(r.testLoss()) + "," + number(r.testAccuracy()) + ","
                    + r.bnMode().label());
            metrics.newLine();
            String settings = "," + r.bnMode().label() + "," + number(r.learningRate());
            writeLayers(r.step(), "pre", r.pre(), settings);
            writeLayers(r.step(), "post", r.post(), settings);
            for (int i = 0; i < r.gradientNorms().length; i++) {
                gradients.write(r.step() + "," + i + "," + number(r.gradientNorms()[i]) + "," + r.bnMode().label());
                gradients.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lastLossAndAccuracy.addLast(new double[]{r.trainLoss(), r.trainAccuracy()});
        if (lastLossAndAccuracy.size() > FINAL_WINDOW) {
            lastLossAndAccuracy.removeFirst();
        }
    }

    private void writeLayers(long step, String where, LayerStats[] stats, String settings) throws IOException {
        for (int i = 0; i < stats.length; i++) {
            LayerStats s = stats[i];
            layers.write(step + "," + i + "," + where + "," + number(s.mean()) + "," + number(s.variance()) + ","
                    + number(s.unitVariance()) + "," + number(s.betweenShare()) + "," + number(s.p15()) + ","
                    + number(s.p50()) + "," + number(s.p85()) + "," + number(s.drift()) + settings);
            layers.newLine();
        }
    }

    /** Appends a Hessian computation to hessian.csv (created at the first one). */
    public void recordHessian(HessianReport report) throws IOException {
        if (hessian == null) {
            hessian = new HessianCsv(directory.resolve("hessian.csv"));
        }
        hessian.write(report);
        lastHessian = report;
    }

    /** Appends a spectral-density computation to density.csv (created at the first one). */
    public void recordDensity(DensityReport report) throws IOException {
        if (density == null) {
            density = new DensityCsv(directory.resolve("density.csv"));
        }
        density.write(report);
        lastDensity = report;
    }

    @Override
    public void stepTaken(StepRecord record) {
        record(record);
    }

    @Override
    public void hessian(HessianReport report) {
        try {
            recordHessian(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void density(DensityReport report) {
        try {
            recordDensity(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last Hessian report recorded, or null. */
    public HessianReport lastHessian() {
        return lastHessian;
    }

    /** Mean training loss and accuracy over the last {@link #FINAL_WINDOW} recorded steps (NaN if none). */
    public double[] recentTrainLossAndAccuracy() {
        double loss = 0;
        double accuracy = 0;
        for (double[] entry : lastLossAndAccuracy) {
            loss += entry[0];
            accuracy += entry[1];
        }
        int n = lastLossAndAccuracy.size();
        return n == 0 ? new double[]{Double.NaN, Double.NaN} : new double[]{loss / n, accuracy / n};
    }

    /**
     * Writes summary.json, events.csv and config.json again: "config" is what the run started with (the settings
     * of its first step), and "events" and "final_settings" say how it went on from there.
     */
    public void finish(RunSummary summary, TrainingConfig startedAs, List<RunEvent> events, LiveSettings finalSettings)
            throws IOException {
        metrics.flush();
        layers.flush();
        gradients.flush();
        writeJson("summary.json", summary);
        EventsCsv.write(directory.resolve(EVENTS_FILE), events);
        configJson.put("config", startedAs);
        configJson.put("config_is", "the settings the run started with; every later change is a row of " + EVENTS_FILE);
        configJson.put("events", EVENTS_FILE);
        configJson.put("settings_changes", events.stream().filter(e -> e.kind() != RunEvent.Kind.DIVERGED
                && e.kind() != RunEvent.Kind.WEIGHTS).count());
        configJson.put("final_settings", finalSettings);
        writeJson("config.json", configJson);
    }

    /**
     * Finishes the files of {@code driver}'s run: its summary (with the final test figures unless it diverged, the
     * last reports recorded and the stress verdict), events and settings; {@code seconds} of training.
     */
    public void finish(RunDriver driver, double seconds) throws IOException {
        var session = driver.session();
        finish(RunSummary.of(session, recentTrainLossAndAccuracy(), seconds, lastHessian, lastDensity,
                driver.schedule().maxStableLearningRate()), session.startedAs(), session.events(), session.liveSettings());
    }

    private void writeJson(String name, Object value) throws IOException {
        AtomicFile.write(directory.resolve(name), file -> Json.mapper().writeValue(file.toFile(), value));
    }

    /** Round-trip decimal text; an empty cell for NaN (not evaluated). */
    static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    @Override
    public void close() throws IOException {
        try (metrics; layers; gradients; HessianCsv h = hessian; DensityCsv d = density) {
            metrics.flush();
            layers.flush();
            gradients.flush();
        }
    }
}
