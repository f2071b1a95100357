// The view-model of the main window (STYLE.md example 2): it owns the background trainer, exposes the
// settings as properties and the run as read-only properties and chart data, and never touches a control.
// The view calls refresh() once per frame; structural changes rebuild the network after a short debounce.
package org.shiftscope.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.shiftscope.model.Backend;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.data.InvalidDataException;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.BackgroundTrainer;
import org.shiftscope.model.train.HessianSettings;
import org.shiftscope.model.train.Limits;
import org.shiftscope.model.train.OptimizerSettings;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.train.TrainingConfig;
import org.shiftscope.model.train.TrainingSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.LongSupplier;
import javafx.beans.Observable;
import java.util.Locale;

public final class TrainingViewModel implements AutoCloseable {
    /** Quiet time after the last structural change before the network is rebuilt. */
    public static final long REBUILD_DEBOUNCE_NANOS = 400_000_000L;

    private Dataset dataset;
    private final LongSupplier clock;
    private BackgroundTrainer trainer;
    private RunHistory history = new RunHistory();
    private RunLog log;
    private long shownGeneration;
    private long rebuildDueAt = -1;

    // Properties: settings the user edits.
    private final ObjectProperty<BnMode> bnMode = new SimpleObjectProperty<>(this, "bnMode");
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate");
    private final DoubleProperty momentum = new SimpleDoubleProperty(this, "momentum");
    private final BooleanProperty nesterov = new SimpleBooleanProperty(this, "nesterov");
    private final IntegerProperty depth = new SimpleIntegerProperty(this, "depth");
    private final IntegerProperty width = new SimpleIntegerProperty(this, "width");
    private final ObjectProperty<ActivationFunction> activation = new SimpleObjectProperty<>(this, "activation");
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize");
    private final BooleanProperty centerInputs = new SimpleBooleanProperty(this, "centerInputs");
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed");
    private final IntegerProperty hessianEvery = new SimpleIntegerProperty(this, "hessianEvery");
    private final IntegerProperty topK = new SimpleIntegerProperty(this, "topK");

    // Properties: what the run shows.
    private final ObjectProperty<TrainerState> state = new SimpleObjectProperty<>(this, "state", TrainerState.READY);
    private final LongProperty steps = new SimpleLongProperty(this, "steps");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty datasetName = new SimpleStringProperty(this, "datasetName");
    private final StringProperty hessianSummary = new SimpleStringProperty(this, "hessianSummary", "Hessian: not computed yet");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final String backend = Backend.describe();

    public TrainingViewModel(TrainingConfig initial, Dataset dataset, LongSupplier clock) {
        this.dataset = dataset;
        this.clock = clock;
        load(initial);
        datasetName.set(dataset.name());
        trainer = new BackgroundTrainer(initial, dataset);
        log = openLog(initial);
        bnMode.addListener((o, a, b) -> applyLiveSettings());
        learningRate.addListener((o, a, b) -> applyLiveSettings());
        momentum.addListener((o, a, b) -> applyLiveSettings());
        nesterov.addListener((o, a, b) -> applyLiveSettings());
        for (var structural : new Observable[]{depth, width, activation, batchSize, centerInputs, seed,
                hessianEvery, topK}) {
            structural.addListener(o -> rebuildDueAt = clock.getAsLong() + REBUILD_DEBOUNCE_NANOS);
        }
    }

    private void load(TrainingConfig c) {
        bnMode.set(c.optimizer().bnMode());
        learningRate.set(c.optimizer().learningRate());
        momentum.set(c.optimizer().momentum());
        nesterov.set(c.optimizer().nesterov());
        depth.set(c.depth());
        width.set(c.width());
        activation.set(c.activation());
        batchSize.set(c.batchSize());
        centerInputs.set(c.centerInputs());
        seed.set((int) c.seed());
        hessianEvery.set(c.hessian().every());
        topK.set(c.hessian().topK());
    }

    // Commands

    public void start() {
        trainer.start();
    }

    public void pause() {
        trainer.pause();
    }

    public void step() {
        trainer.step();
    }

    public void computeHessianNow() {
        trainer.requestHessian();
    }

    /** A one-line note from the window itself (e.g. where a quick export went); the next message replaces it. */
    public void showMessage(String text) {
        message.set(text);
    }

    /**
     * Trains on another dataset ("fashion-mnist", "synthetic" or a folder of MNIST-format files): a new
     * network from the seed; a dataset that cannot be loaded leaves everything as it was and says why.
     */
    public void useDataset(String spec) {
        Dataset loaded;
        try {
            loaded = DatasetSource.load(spec, seed.get());
        } catch (InvalidDataException e) {
            message.set(e.getMessage());
            return;
        }
        var old = currentConfig();
        TrainingConfig config;
        try {
            config = new TrainingConfig(spec, old.depth(), old.width(), old.activation(), old.init(), old.centerInputs(),
                    Math.min(old.batchSize(), loaded.train().count()), old.steps(), old.seed(), old.evalEvery(), 0,
                    old.optimizer(), old.hessian());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        trainer.close();
        dataset = loaded;
        trainer = new BackgroundTrainer(config, loaded);
        shownGeneration = -1;          // a new trainer counts generations from 0 again
        datasetName.set(loaded.name());
        message.set("");
    }

    /** A new network from the seed with the current settings; the charts start again. */
    public void reset() {
        rebuildDueAt = -1;
        try {
            trainer.rebuild(currentConfig());
            message.set("");
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /** Once per frame on the UI thread: applies a due rebuild, pulls new records and updates the properties. */
    public void refresh() {
        if (rebuildDueAt >= 0 && clock.getAsLong() >= rebuildDueAt) {
            reset();
        }
        TrainingSnapshot snapshot = trainer.snapshot();
        boolean changed = false;
        if (snapshot.generation() != shownGeneration) {
            shownGeneration = snapshot.generation();
            history = new RunHistory();
            closeLog();
            log = openLog(snapshot.config());
            hessianSummary.set("Hessian: not computed yet");
            changed = true;
        }
        for (var record : trainer.drainRecords()) {
            history.add(record);
            if (log != null) {
                log.add(record);
            }
            changed = true;
        }
        for (HessianReport report : trainer.drainHessianReports()) {
            if (report.generation() == shownGeneration) {
                history.add(report);
                hessianSummary.set(describe(report));
                logHessian(report);
                changed = true;
            }
        }
        state.set(snapshot.state());
        steps.set(snapshot.stepsTaken());
        status.set(statusLine(snapshot));
        if (snapshot.message() != null) {
            message.set(snapshot.message());
        } else if (trainer.hessianError() != null) {
            message.set(trainer.hessianError());
        }
        if (changed) {
            revision.set(revision.get() + 1);
        }
    }

    private RunLog openLog(TrainingConfig config) {
        try {
            return new RunLog(config, dataset);
        } catch (IOException e) {
            message.set("Metrics will not be exportable: " + e.getMessage());
            return null;
        }
    }

    private void logHessian(HessianReport report) {
        if (log == null) {
            return;
        }
        try {
            log.add(report);
        } catch (IOException e) {
            message.set("Could not record the Hessian report: " + e.getMessage());
        }
    }

    private void closeLog() {
        if (log != null) {
            log.close();
            log = null;
        }
    }

    /** Writes the CLI's files (config.json, metrics.csv, layers.csv, hessian.csv, summary.json) into {@code folder}. */
    public void exportMetrics(Path folder) throws IOException {
        if (log == null) {
            throw new IOException("no metrics were recorded for this run");
        }
        log.exportTo(folder);
    }

    /** Saves the settings the controls describe as JSON (the same record as the CLI's config.json "config"). */
    public void saveSettings(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Json.mapper().writeValue(temporary.toFile(), currentConfig());
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads settings saved by {@link #saveSettings} and rebuilds; a bad file changes nothing. */
    public void loadSettings(Path file) throws IOException {
        TrainingConfig loaded;
        try {
            loaded = Json.mapper().readValue(file.toFile(), TrainingConfig.class);
        } catch (IOException e) {
            String reason = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage()
                    : e.getMessage().lines().findFirst().orElse("unreadable");
            throw new IOException(file.getFileName() + ": " + reason);
        }
        load(loaded);
        reset();
    }

    /** One line recording the run's settings, for the title of exported figures. */
    public String settingsTitle() {
        var c = currentConfig();
        var o = c.optimizer();
        return String.format(Locale.ROOT,
                "ShiftScope · %s · depth %d × width %d %s · BN %s · η %.4g · β %.2f%s · batch %d · seed %d · step %d",
                c.dataset(), c.depth(), c.width(), c.activation().label(), o.bnMode().label(), o.learningRate(),
                o.momentum(), o.nesterov() ? " (Nesterov)" : "", c.batchSize(), c.seed(), steps.get());
    }

    private String statusLine(TrainingSnapshot s) {
        String what = switch (s.state()) {
            case READY -> "ready";
            case RUNNING -> String.format("running, %.0f steps/s", s.stepsPerSecond());
            case PAUSED -> "paused";
            case DIVERGED -> "diverged at step " + (s.latest() == null ? s.stepsTaken() : s.latest().step());
            case FAILED -> "failed";
            case CLOSED -> "closed";
        };
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        return String.format("Step %d · %s · %s · heap %d MB", s.stepsTaken(), what, backend, usedMb);
    }

    private static String describe(HessianReport r) {
        return "Hessian at step " + r.step() + " (BN " + r.bnMode().label() + "): " + r.summary();
    }

    private void applyLiveSettings() {
        try {
            trainer.setOptimizerSettings(new OptimizerSettings(learningRate.get(), momentum.get(), nesterov.get(),
                    trainer.snapshot().settings().weightDecay(), bnMode.get()));
            message.set("");
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
        }
    }

    /** The configuration the controls describe now. */
    public TrainingConfig currentConfig() {
        var old = trainer.snapshot().config();
        return new TrainingConfig(old.dataset(), depth.get(), width.get(), activation.get(), old.init(),
                centerInputs.get(), batchSize.get(), old.steps(), seed.get(), old.evalEvery(), 0,
                new OptimizerSettings(learningRate.get(), momentum.get(), nesterov.get(), old.optimizer().weightDecay(),
                        bnMode.get()),
                new HessianSettings(hessianEvery.get(), topK.get(), old.hessian().samples(), old.hessian().iterations()));
    }

    @Override
    public void close() {
        trainer.close();
        closeLog();
    }

    public boolean trainingThreadAlive() {
        return trainer.isAlive();
    }

    /** The live optimiser settings as the trainer holds them (for tests and the title of exports). */
    public OptimizerSettings trainerSettings() {
        return trainer.snapshot().settings();
    }

    public RunHistory history() {
        return history;
    }

    public Dataset dataset() {
        return dataset;
    }

    // Properties

    public ObjectProperty<BnMode> bnModeProperty() {
        return bnMode;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public DoubleProperty momentumProperty() {
        return momentum;
    }

    public BooleanProperty nesterovProperty() {
        return nesterov;
    }

    public IntegerProperty depthProperty() {
        return depth;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public ObjectProperty<ActivationFunction> activationProperty() {
        return activation;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public BooleanProperty centerInputsProperty() {
        return centerInputs;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty hessianEveryProperty() {
        return hessianEvery;
    }

    public IntegerProperty topKProperty() {
        return topK;
    }

    public ReadOnlyObjectProperty<TrainerState> stateProperty() {
        return state;
    }

    public ReadOnlyLongProperty stepsProperty() {
        return steps;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty datasetNameProperty() {
        return datasetName;
    }

    public ReadOnlyStringProperty hessianSummaryProperty() {
        return hessianSummary;
    }

    /** Increases whenever new chart data arrived; views redraw on change. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public static double minLearningRate() {
        return 1e-4;
    }

    public static double maxLearningRate() {
        return Math.min(10, Limits.MAX_LEARNING_RATE);
    }
}
