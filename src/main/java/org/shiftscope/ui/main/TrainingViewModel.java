// The view-model of the main window (STYLE.md example 2): it owns the background run (two in comparison
// mode, differing only in BN mode), exposes the settings as properties and the runs as read-only properties
// and chart data, and never touches a control. The view calls refresh() once per frame; structural changes
// rebuild the networks after a short debounce. Scenarios and the stress test set the controls and schedules.
package org.shiftscope.ui.main;

import org.shiftscope.ui.charts.ChartBoard;
import org.shiftscope.ui.charts.RunHistory;
import org.shiftscope.ui.controls.ControlPanel;
import org.shiftscope.ui.runs.MessageKind;
import org.shiftscope.ui.runs.RunLane;

import org.shiftscope.model.train.LearningRateStress;
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
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.SettingsFile;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.RunEvents;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.TrainingSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import java.util.Locale;

public final class TrainingViewModel implements AutoCloseable {
    /** Quiet time after the last structural change before the network is rebuilt. */
    public static final long REBUILD_DEBOUNCE_NANOS = 400_000_000L;
    /** Said when a reset turned frozen BN back on. */
    public static final String UNFROZEN_ON_RESET = "BN was frozen: the new network trains with BN on "
            + "(it has no running statistics yet: freeze it again once it has trained)";

    private Dataset dataset;
    private final LongSupplier clock;
    private final List<RunLane> lanes = new ArrayList<>();
    /** The live settings last handed to each run (by the controls, a rebuild or its schedule): what they show. */
    private final LiveSettings[] applied = new LiveSettings[2];
    private long rebuildDueAt = -1;
    /** Set while the view-model copies settings chosen by a schedule into its properties (no echo back). */
    private boolean followingSchedule;
    /** Set while a scenario or the stress test sets several properties at once (one rebuild afterwards). */
    private boolean settingUp;

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
    private final BooleanProperty comparison = new SimpleBooleanProperty(this, "comparison");
    private final ObjectProperty<BnMode> compareBnMode = new SimpleObjectProperty<>(this, "compareBnMode", BnMode.OFF);
    private final BooleanProperty overlaid = new SimpleBooleanProperty(this, "overlaid");

    // Properties: what the run shows.
    private final ObjectProperty<TrainerState> state = new SimpleObjectProperty<>(this, "state", TrainerState.READY);
    private final LongProperty steps = new SimpleLongProperty(this, "steps");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final StringProperty resources = new SimpleStringProperty(this, "resources", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<MessageKind> messageKind = new SimpleObjectProperty<>(this, "messageKind", MessageKind.INFO);
    private final StringProperty curvature = new SimpleStringProperty(this, "curvature", "λ1: not computed yet");
    private final StringProperty datasetName = new SimpleStringProperty(this, "datasetName");
    private final StringProperty hessianSummary = new SimpleStringProperty(this, "hessianSummary", "Hessian: not computed yet");
    private final StringProperty stressSummary = new SimpleStringProperty(this, "stressSummary", "");
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final String backend = Backend.describe();

    public TrainingViewModel(TrainingConfig initial, Dataset dataset, LongSupplier clock) {
        this.dataset = dataset;
        this.clock = clock;
        load(initial);
        datasetName.set(dataset.name());
        lanes.add(new RunLane(initial, dataset, SettingsSchedule.none()));
        applied[0] = initial.optimizer();
        for (var live : new Observable[]{bnMode, compareBnMode, learningRate, momentum, nesterov}) {
            live.addListener(o -> applyLiveSettings());
        }
        for (var structural : new Observable[]{depth, width, activation, batchSize, centerInputs, seed,
                hessianEvery, topK}) {
            structural.addListener(o -> {
                if (!settingUp) {
                    rebuildDueAt = clock.getAsLong() + REBUILD_DEBOUNCE_NANOS;
                }
            });
        }
        comparison.addListener(o -> {
            if (!settingUp) {
                reset();
            }
        });
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
        lanes.forEach(l -> l.trainer().start());
    }

    public void pause() {
        lanes.forEach(l -> l.trainer().pause());
    }

    public void step() {
        lanes.forEach(l -> l.trainer().step());
    }

    public void computeHessianNow() {
        lanes.forEach(l -> l.trainer().requestHessian());
    }

    /**
     * Page's learning-rate stress test on fresh networks (both, in comparison mode): η starts at the current
     * value and grows × √2 every 200 steps until the loss diverges or η reaches 10.
     */
    public void startStressTest() {
        TrainingConfig config = buildableConfig();
        if (config != null && rebuildLanes(config, StressSettings.defaults(), List.of())) {
            start();
        }
    }

    /**
     * Sets the controls as the scenario says, rebuilds the runs (two if it compares BN modes) with its schedule
     * and starts them. Leaving it (or touching a live setting) hands the controls back to the user.
     */
    public void play(Scenario chosen) {
        if (!chosen.config().dataset().equals(dataset.name())) {
            useDataset(chosen.config().dataset());
            if (!chosen.config().dataset().equals(dataset.name())) {
                return;                        // the message says why the data could not be loaded
            }
        }
        settingUp = true;
        try {
            load(chosen.config());
            comparison.set(chosen.comparison());
            if (chosen.comparison()) {
                compareBnMode.set(chosen.compareWith());
                overlaid.set(chosen.overlaid());
            }
        } finally {
            settingUp = false;
        }
        if (rebuildLanes(chosen.config(), chosen.stress(), chosen.changes())) {
            scenario.set(chosen);
            start();
        } else {
            scenario.set(null);
        }
    }

    /** Back to free exploration: the runs go on with the settings they have; no schedule changes them any more. */
    public void leaveScenario() {
        scenario.set(null);
        applyLiveSettings();
    }

    /** A one-line note from the window itself (e.g. where a quick export went); the next message replaces it. */
    public void showMessage(String text, MessageKind kind) {
        messageKind.set(kind);
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
            showMessage(e.getMessage(), MessageKind.WARNING);
            return;
        }
        var old = currentConfig();
        TrainingConfig config;
        try {
            config = new TrainingConfig(spec, old.depth(), old.width(), old.activation(), old.init(), old.centerInputs(),
                    Math.min(old.batchSize(), loaded.train().count()), old.steps(), old.seed(), old.evalEvery(), 0,
                    old.optimizer(), old.hessian());
        } catch (IllegalArgumentException e) {
            showMessage(e.getMessage(), MessageKind.WARNING);
            return;
        }
        rebuildOn(loaded, config);
    }

    /** New runs on {@code data}; if they cannot be built, the dataset stays what it was. */
    private boolean rebuildOn(Dataset data, TrainingConfig config) {
        Dataset previous = dataset;
        dataset = data;
        if (!rebuildLanes(config, null, List.of())) {
            dataset = previous;
            return false;
        }
        datasetName.set(data.name());
        return true;
    }

    /**
     * New networks from the seed with the current settings; the charts start again. Frozen BN restarts as on:
     * a new network's running statistics are still their initial values (mean 0, variance 1), so "frozen"
     * would normalise with nothing measured and, at a usual η, diverge within a few steps.
     */
    public void reset() {
        scenario.set(null);
        boolean unfrozen = bnMode.get() == BnMode.FROZEN;
        if (unfrozen) {
            settingUp = true;                    // the old runs are replaced, not switched
            try {
                bnMode.set(BnMode.ON);
            } finally {
                settingUp = false;
            }
        }
        TrainingConfig config = buildableConfig();
        if (config != null && rebuildLanes(config, null, List.of()) && unfrozen) {
            showMessage(UNFROZEN_ON_RESET, MessageKind.INFO);
        }
    }

    /** The configuration the controls describe, or null (said why, controls set back) when it is not valid. */
    private TrainingConfig buildableConfig() {
        try {
            return currentConfig();
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
            return null;
        }
    }

    /**
     * Replaces the runs: one, or two in comparison mode whose configurations differ only in BN mode (so both
     * start from the same weights and see the same batches), each following its own copy of the schedule.
     */
    private boolean rebuildLanes(TrainingConfig config, StressSettings stress, List<ScheduledChange> changes) {
        rebuildDueAt = -1;
        var built = new ArrayList<RunLane>();
        try {
            var configs = new ArrayList<TrainingConfig>();
            configs.add(config);
            if (comparison.get()) {
                configs.add(config.withOptimizer(config.optimizer().withBnMode(compareBnMode.get())));
            }
            for (var c : configs) {
                var schedule = new SettingsSchedule(changes,
                        stress == null ? null : LearningRateStress.startingAt(stress, c.optimizer().learningRate(), dataset.classes()));
                built.add(new RunLane(c, dataset, schedule));
            }
        } catch (RuntimeException | OutOfMemoryError e) {
            // The runs so far go on untouched (they are replaced only once the new ones exist).
            built.forEach(RunLane::close);
            refuse(e instanceof OutOfMemoryError ? "not enough memory for that network: use a smaller depth or width"
                    : e.getMessage());
            return false;
        }
        lanes.forEach(RunLane::close);
        lanes.clear();
        lanes.addAll(built);
        for (int i = 0; i < built.size(); i++) {
            applied[i] = built.get(i).snapshot().config().optimizer();
        }
        showMessage("", MessageKind.INFO);
        revision.set(revision.get() + 1);
        return true;
    }

    /**
     * Settings that cannot be built: says why and sets the controls back to what the first run uses, so
     * the controls always describe a run that exists.
     */
    private void refuse(String reason) {
        rebuildDueAt = -1;
        var running = lanes.get(0).snapshot();
        settingUp = true;
        try {
            load(running.config());
            bnMode.set(applied[0].bnMode());
            learningRate.set(applied[0].learningRate());
            momentum.set(applied[0].momentum());
            nesterov.set(applied[0].nesterov());
            comparison.set(lanes.size() > 1);
            if (lanes.size() > 1) {
                compareBnMode.set(applied[1].bnMode());
            }
        } finally {
            settingUp = false;
        }
        showMessage(reason + " (the current run goes on)", MessageKind.WARNING);
    }

    /** Once per frame on the UI thread: applies a due rebuild, pulls new records and updates the properties. */
    public void refresh() {
        if (rebuildDueAt >= 0 && clock.getAsLong() >= rebuildDueAt) {
            reset();
        }
        boolean changed = false;
        for (var lane : lanes) {
            changed |= lane.refresh();
        }
        followSchedules();
        TrainingSnapshot first = lanes.get(0).snapshot();
        state.set(combinedState());
        steps.set(first.stepsTaken());
        status.set(statusLine());
        resources.set(resourcesLine());
        hessianSummary.set(join(lane -> lane.hessianSummary(), "Hessian"));
        curvature.set(lanes.size() == 1 ? lanes.get(0).curvatureFigures()
                : lanes.stream().map(l -> l.label() + ": " + l.curvatureFigures()).collect(Collectors.joining("   ")));
        stressSummary.set(lanes.stream().anyMatch(l -> l.snapshot().stressTest()) ? stressLine() : "");
        var troubled = lanes.stream().filter(l -> l.problem() != null).toList();
        if (!troubled.isEmpty()) {
            showMessage(troubled.stream().map(l -> (lanes.size() > 1 ? l.label() + ": " : "") + l.problem())
                            .collect(Collectors.joining(" · ")),
                    troubled.stream().map(RunLane::problemKind).reduce(MessageKind.INFO, MessageKind::worse));
        }
        if (changed) {
            revision.set(revision.get() + 1);
        }
    }

    /** The controls follow what a schedule chose (the stress test's η, a scenario's BN switch). */
    private void followSchedules() {
        for (int i = 0; i < lanes.size(); i++) {
            var scheduled = lanes.get(i).scheduledSettingsChange();
            if (scheduled == null) {
                continue;
            }
            applied[i] = scheduled;
            followingSchedule = true;
            try {
                learningRate.set(scheduled.learningRate());
                (i == 0 ? bnMode : compareBnMode).set(scheduled.bnMode());
            } finally {
                followingSchedule = false;
            }
        }
    }

    /** Running while any run runs; otherwise the first run's state (diverged, paused, ...). */
    private TrainerState combinedState() {
        return lanes.stream().anyMatch(l -> l.snapshot().state() == TrainerState.RUNNING) ? TrainerState.RUNNING
                : lanes.get(0).snapshot().state();
    }

    private String join(Function<RunLane, String> part, String what) {
        if (lanes.size() == 1) {
            return what + ": " + part.apply(lanes.get(0));
        }
        return lanes.stream().map(l -> what + " · " + l.label() + ": " + part.apply(l)).collect(Collectors.joining("\n"));
    }

    private String stressLine() {
        return join(l -> {
            double best = l.snapshot().maxStableLearningRate();
            return "η now " + ControlPanel.format(l.snapshot().settings().learningRate()) + ", largest healthy "
                    + (Double.isNaN(best) ? "none yet" : ControlPanel.format(best));
        }, "Stress test");
    }

    /**
     * Writes the CLI's files (config.json, metrics.csv, layers.csv, hessian.csv, summary.json) into
     * {@code folder}; in comparison mode one subfolder per run ("bn-on", "bn-off").
     */
    public void exportMetrics(Path folder) throws IOException {
        if (lanes.size() == 1) {
            lanes.get(0).exportMetrics(folder);
            return;
        }
        for (var lane : lanes) {
            lane.exportMetrics(folder.resolve(lane.label().toLowerCase(Locale.ROOT).replace(' ', '-')));
        }
    }

    /** Saves the settings the controls describe as JSON (the same record as the CLI's config.json "config"). */
    public void saveSettings(Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Json.mapper().writeValue(temporary.toFile(), currentConfig());
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);            // a full disk leaves neither file nor temporary
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Loads settings saved by {@link #saveSettings} and rebuilds; a bad file changes nothing. */
    public void loadSettings(Path file) throws IOException {
        TrainingConfig loaded = SettingsFile.read(file);                 // its message names the file
        if (loaded.seed() != (int) loaded.seed()) {
            throw new IOException(file.getFileName() + ": seed " + loaded.seed()
                    + " is outside what the window's seed box holds (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
        }
        Dataset data = dataset;
        if (!loaded.dataset().equals(dataset.name())) {
            try {
                data = DatasetSource.load(loaded.dataset(), loaded.seed());
            } catch (InvalidDataException e) {
                throw new IOException(file.getFileName() + ": " + e.getMessage());
            }
        }
        settingUp = true;
        try {
            load(loaded);
        } finally {
            settingUp = false;
        }
        scenario.set(null);
        if (!rebuildOn(data, loaded)) {
            throw new IOException(file.getFileName() + ": " + message.get());
        }
    }

    /**
     * One line recording the run, for the title of exported figures: the settings it started with and every
     * change since (BN on → frozen at 600), so a figure of a run that changed does not show only its end.
     */
    public String settingsTitle() {
        var snapshots = lanes.stream().map(RunLane::snapshot).toList();
        String bn = snapshots.stream().map(s -> s.config().optimizer().bnMode().label()).collect(Collectors.joining(" vs "));
        return settingsTitle(snapshots.get(0).config(), bn, steps.get(), snapshots.get(0).events());
    }

    /**
     * "ShiftScope · fashion-mnist · depth 8 × width 128 relu · BN on vs off · η 0.1 · … · step 900 · BN on → frozen at
     * 600": the figures' title band, from the settings the run started with and its changes.
     */
    public static String settingsTitle(TrainingConfig c, String bn, long step, List<RunEvent> events) {
        var o = c.optimizer();
        String changes = RunEvents.headline(events);
        return String.format(Locale.ROOT,
                "ShiftScope · %s · depth %d × width %d %s · BN %s · η %.4g · β %.2f%s · batch %d · seed %d · step %d%s",
                c.dataset(), c.depth(), c.width(), c.activation().label(), bn, o.learningRate(),
                o.momentum(), o.nesterov() ? " (Nesterov)" : "", c.batchSize(), c.seed(), step,
                changes.isEmpty() ? "" : " · " + changes);
    }

    private String statusLine() {
        return lanes.size() == 1 ? describe(lanes.get(0).snapshot())
                : lanes.stream().map(l -> l.label() + " " + describe(l.snapshot())).collect(Collectors.joining(" · "));
    }

    private String resourcesLine() {
        Runtime rt = Runtime.getRuntime();
        long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        return String.format("%s · heap %d MB", backend, usedMb);
    }

    private static String describe(TrainingSnapshot s) {
        return switch (s.state()) {
            case READY -> "ready";
            case RUNNING -> String.format("running, %.0f steps/s", s.stepsPerSecond());
            case PAUSED -> "paused";
            case DIVERGED -> "diverged at step " + (s.latest() == null ? s.stepsTaken() : s.latest().step());
            case FAILED -> "failed";
            case CLOSED -> "closed";
        };
    }

    /** A live setting changed by hand: every run takes it at its next step, and no schedule overrides it. */
    private void applyLiveSettings() {
        if (followingSchedule || settingUp) {
            return;
        }
        try {
            for (int i = 0; i < lanes.size(); i++) {
                var settings = new LiveSettings(learningRate.get(), momentum.get(), nesterov.get(),
                        applied[i].weightDecay(), i == 0 ? bnMode.get() : compareBnMode.get());
                lanes.get(i).trainer().setLiveSettings(settings);
                lanes.get(i).noteBnModeRequested(settings.bnMode());
                applied[i] = settings;
            }
            showMessage("", MessageKind.INFO);
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
        }
    }

    /** The configuration the controls describe now (of the first run; the second differs only in BN mode). */
    public TrainingConfig currentConfig() {
        var old = lanes.get(0).snapshot().config();
        int trackedUnit = old.trackedUnit() < width.get() ? old.trackedUnit() : 0;
        return new TrainingConfig(old.dataset(), depth.get(), width.get(), activation.get(), old.init(),
                centerInputs.get(), batchSize.get(), old.steps(), seed.get(), old.evalEvery(), trackedUnit,
                new LiveSettings(learningRate.get(), momentum.get(), nesterov.get(), old.optimizer().weightDecay(),
                        bnMode.get()),
                new HessianSettings(hessianEvery.get(), topK.get(), old.hessian().samples(), old.hessian().iterations()));
    }

    @Override
    public void close() {
        lanes.forEach(RunLane::close);
    }

    public boolean trainingThreadAlive() {
        return lanes.stream().anyMatch(l -> l.trainer().isAlive());
    }

    /** The live optimiser settings as the first run's trainer holds them (for tests and the title of exports). */
    /** Seconds from the last BN switch by hand to the λ chart's first report in that mode (first run); NaN before one. */
    public double lastSwitchSeconds() {
        return lanes.get(0).lastSwitchSeconds();
    }

    public LiveSettings trainerSettings() {
        return trainerSettings(0);
    }

    /** The live optimiser settings of run {@code lane} (0, or 1 in comparison mode). */
    public LiveSettings trainerSettings(int lane) {
        return lanes.get(lane).snapshot().settings();
    }

    /** The first run's chart history. */
    public RunHistory history() {
        return lanes.get(0).history();
    }

    /** Every run's label ("BN on") and chart history, first run first. */
    public List<ChartBoard.Run> runs() {
        return lanes.stream().map(l -> l.hessianStatus() == null ? new ChartBoard.Run(l.label(), l.history())
                : new ChartBoard.Run(l.label(), l.history(), l.hessianStatus().badge(), l.hessianStatus().stale())).toList();
    }

    /** The stress test's largest healthy η of run {@code lane} so far, NaN if none. */
    public double maxStableLearningRate(int lane) {
        return lanes.get(lane).snapshot().maxStableLearningRate();
    }

    public int runCount() {
        return lanes.size();
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

    /** How each run is doing: "running, 88 steps/s", "BN off diverged at step 310 · BN on running, …". */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** What the runs use: "CPU (OpenBLAS, 1 thread) · heap 312 MB". */
    public ReadOnlyStringProperty resourcesProperty() {
        return resources;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** What the message is (its style in the status bar). */
    public ReadOnlyObjectProperty<MessageKind> messageKindProperty() {
        return messageKind;
    }

    /** λ1 and η·λ1 of the latest report, of each run in comparison mode: the header shows them large. */
    public ReadOnlyStringProperty curvatureProperty() {
        return curvature;
    }

    public ReadOnlyStringProperty datasetNameProperty() {
        return datasetName;
    }

    public ReadOnlyStringProperty hessianSummaryProperty() {
        return hessianSummary;
    }

    public BooleanProperty comparisonProperty() {
        return comparison;
    }

    public ObjectProperty<BnMode> compareBnModeProperty() {
        return compareBnMode;
    }

    /** Comparison charts overlaid (true) or side by side with shared axes (false). */
    public BooleanProperty overlaidProperty() {
        return overlaid;
    }

    public ReadOnlyStringProperty stressSummaryProperty() {
        return stressSummary;
    }

    /** The scenario being played, or null. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario;
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
