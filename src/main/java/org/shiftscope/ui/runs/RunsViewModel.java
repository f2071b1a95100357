// The runs the window shows: one lane, or two in comparison mode that differ only in BN mode. Commands go to
// every lane; new lanes are built on the task executor and swapped in on the FX thread, so the window never
// waits for a large network; refresh() pulls each frame's data and updates what the views bind to.
package org.shiftscope.ui.runs;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.shift.PerturbationRequest;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.ui.charts.ChartRun;
import org.shiftscope.ui.charts.RunHistory;
import org.shiftscope.ui.charts.ShiftBars;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;

public final class RunsViewModel implements AutoCloseable {
    private final TaskExecutor executor;
    private final RunBuilder builder;
    /** Swapped on the FX thread; copy-on-write so that close() from another thread never meets a swap half done. */
    private final List<RunLane> lanes = new CopyOnWriteArrayList<>();
    private final AppliedSettings applied = new AppliedSettings();
    private Dataset dataset;
    private SettingsFollower follower;
    private final RunFigures figures = new RunFigures();
    private final ObjectProperty<TrainerState> state = new SimpleObjectProperty<>(this, "state", TrainerState.READY);
    private final LongProperty steps = new SimpleLongProperty(this, "steps");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final StringProperty datasetName = new SimpleStringProperty(this, "datasetName");
    private final MessageLine messageLine = new MessageLine();

    /** Starts with one run of {@code initial} on {@code data}, built at once (the window is not shown yet). */
    public RunsViewModel(TrainingConfig initial, Dataset data, TaskExecutor executor) {
        this.executor = executor;
        this.builder = new RunBuilder(executor);
        this.dataset = data;
        this.follower = SettingsFollower.NONE;
        datasetName.set(data.name());
        lanes.add(new RunLane(initial, data, SettingsSchedule.none(), executor));
        applied.builtAs(lanes);
    }

    /** Who puts the controls back when settings are refused, and follows what a schedule chose. */
    public void setFollower(SettingsFollower follower) {
        this.follower = follower;
    }

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

    /** Perturbs a copy of every run's weights (Page's "cat neuron"); the charts show the classes before and after. */
    public void perturb(PerturbationRequest request) {
        lanes.forEach(l -> l.perturb(request));
        revision.set(revision.get() + 1);           // the charts say a perturbation is under way
    }

    /** Whether some run's latest perturbation can still be kept. */
    public boolean perturbationKeepable() {
        return lanes.stream().anyMatch(RunLane::perturbationKeepable);
    }

    /** Applies each run's latest perturbation to its weights, marked as an event at the current step. */
    public void keepPerturbation() {
        lanes.forEach(RunLane::keepPerturbation);
        revision.set(revision.get() + 1);
    }

    /**
     * Replaces the runs by those of {@code plan} on {@code data} (null: the newest data asked for), built on the
     * executor; the old runs go on until the new ones exist. {@code then} runs once they are shown; a plan that
     * cannot be built is refused (controls set back, message says why, {@code failed} gets the reason).
     */
    public void rebuild(RunPlan plan, Dataset data, Runnable then, Consumer<String> failed) {
        Dataset onto = data == null ? latestDataset() : data;
        builder.request(plan, onto, built -> swapIn(built, onto, then), failure -> {
            String reason = failure instanceof OutOfMemoryError
                    ? "not enough memory for that network: use a smaller depth or width" : failure.getMessage();
            refuse(reason);
            failed.accept(reason);
        });
    }

    public void rebuild(RunPlan plan, Dataset data, Runnable then) {
        rebuild(plan, data, then, reason -> { });
    }

    /** The configuration of the runs asked for last: being built, or shown. */
    public TrainingConfig latestConfig() {
        return builder.pendingConfig() != null ? builder.pendingConfig() : runningConfig();
    }

    /** The dataset of the runs asked for last: being loaded into new runs, or in use. */
    public Dataset latestDataset() {
        return builder.pendingData() != null ? builder.pendingData() : dataset;
    }

    /** Shows the new runs; live settings changed while they were built reach them too. */
    private void swapIn(List<RunLane> built, Dataset onto, Runnable then) {
        lanes.forEach(RunLane::close);
        lanes.clear();
        lanes.addAll(built);
        applied.builtAs(built);
        dataset = onto;
        datasetName.set(onto.name());
        showMessage("", MessageKind.INFO);
        try {
            applied.catchUp(lanes, follower);
        } catch (IllegalArgumentException e) {
            follower.setBack(runningConfig(), applied.list());
        }
        revision.set(revision.get() + 1);
        then.run();
    }

    /**
     * A live setting changed by hand: each lane takes {@code settingsFor(lane, what it has)} at its next step,
     * and no schedule overrides it; settings that are not valid are refused.
     */
    public void applyLive(BiFunction<Integer, LiveSettings, LiveSettings> settingsFor) {
        try {
            applied.byHand(lanes, settingsFor);
            showMessage("", MessageKind.INFO);
        } catch (IllegalArgumentException e) {
            refuse(e.getMessage());
        }
    }

    /** Settings that cannot be used: says why and sets the controls back to what the runs use. */
    public void refuse(String reason) {
        follower.setBack(runningConfig(), applied.list());
        showMessage(reason + " (the current run goes on)", MessageKind.WARNING);
    }

    /** Once per frame on the FX thread: pulls new records and updates the properties. */
    public void refresh() {
        boolean changed = false;
        for (var lane : lanes) {
            changed |= lane.refresh();
        }
        applied.followSchedules(lanes, follower);
        state.set(lanes.stream().anyMatch(l -> l.snapshot().state() == TrainerState.RUNNING) ? TrainerState.RUNNING
                : lanes.get(0).snapshot().state());
        steps.set(lanes.get(0).snapshot().stepsTaken());
        figures.update(lanes);
        boolean perturbed = false;
        for (var lane : lanes) {
            perturbed |= lane.takePerturbationArrived();
        }
        if (perturbed) {
            showMessage(ShiftBars.summary(runs()), MessageKind.INFO);     // the figures, whatever room the charts have
        }
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

    /** A one-line note (e.g. where a quick export went); the next message replaces it. */
    public void showMessage(String text, MessageKind kind) {
        messageLine.show(text, kind);
    }

    /** The lanes, first run first (read-only; for the export). */
    public List<RunLane> lanes() {
        return Collections.unmodifiableList(lanes);
    }

    /** Every run's label ("BN on") and chart history, first run first. */
    public List<ChartRun> runs() {
        return lanes.stream().map(RunLane::chartRun).toList();
    }

    /** The first run's configuration as it was built. */
    public TrainingConfig runningConfig() {
        return lanes.get(0).snapshot().config();
    }

    /** The first run's chart history. */
    public RunHistory history() {
        return lanes.get(0).history();
    }

    /** The live optimiser settings of run {@code lane} (0, or 1 in comparison mode) as its trainer holds them. */
    public LiveSettings trainerSettings(int lane) {
        return lanes.get(lane).snapshot().settings();
    }

    /** Seconds from the last BN switch by hand to the λ chart's first report in that mode (first run); NaN before. */
    public double lastSwitchSeconds() {
        return lanes.get(0).lastSwitchSeconds();
    }

    public TaskExecutor executor() {
        return executor;
    }

    public int runCount() {
        return lanes.size();
    }

    public Dataset dataset() {
        return dataset;
    }

    public boolean trainingThreadAlive() {
        return lanes.stream().anyMatch(l -> l.trainer().isAlive());
    }

    public RunFigures figures() {
        return figures;
    }

    public ReadOnlyObjectProperty<TrainerState> stateProperty() {
        return state;
    }

    public ReadOnlyLongProperty stepsProperty() {
        return steps;
    }

    /** Increases whenever new chart data arrived; views redraw on change. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public ReadOnlyStringProperty datasetNameProperty() {
        return datasetName;
    }

    public MessageLine messageLine() {
        return messageLine;
    }

    @Override
    public void close() {
        builder.close();
        lanes.forEach(RunLane::close);
    }
}
