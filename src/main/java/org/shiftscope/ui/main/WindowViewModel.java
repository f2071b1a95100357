// The main window's view-model: composes the settings, the runs, the run choices (scenario, stress test, reset,
// dataset, settings file), the perturbation and the export, and wires them: a live setting goes to the runs at
// once, a structural one rebuilds after a pause, comparison mode rebuilds at once. None of them touches a node.
package org.shiftscope.ui.main;

import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.ui.controls.PerturbViewModel;
import org.shiftscope.ui.controls.RunChoicesViewModel;
import org.shiftscope.ui.controls.SettingsViewModel;
import org.shiftscope.ui.export.ExportViewModel;
import org.shiftscope.ui.runs.RunsViewModel;
import org.shiftscope.ui.runs.TaskExecutor;

import java.util.function.LongSupplier;

public final class WindowViewModel implements AutoCloseable {
    private final TaskExecutor executor;
    private final SettingsViewModel settings;
    private final RunsViewModel runs;
    private final RunChoicesViewModel choices;
    private final ExportViewModel export;
    private final PerturbViewModel perturbation;

    /** @param executor where long work runs: a {@code BackgroundExecutor} in the app, same-thread in tests */
    public WindowViewModel(TrainingConfig initial, Dataset dataset, LongSupplier clock, TaskExecutor executor) {
        this.executor = executor;
        settings = new SettingsViewModel(initial);
        runs = new RunsViewModel(initial, dataset, executor);
        choices = new RunChoicesViewModel(settings, runs, clock);
        export = new ExportViewModel(runs);
        perturbation = new PerturbViewModel(runs);
        runs.setFollower(settings);
        settings.onSetBack(choices::cancelPendingRebuild);
        settings.onChanges(() -> runs.applyLive(settings::live), choices::structuralChange, choices::reset);
    }

    /** Once per frame on the FX thread: a due rebuild, then the runs' new data. */
    public void refresh() {
        choices.refresh();
        runs.refresh();
        perturbation.refresh();
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public RunsViewModel runs() {
        return runs;
    }

    public RunChoicesViewModel choices() {
        return choices;
    }

    public ExportViewModel export() {
        return export;
    }

    public PerturbViewModel perturbation() {
        return perturbation;
    }

    public TaskExecutor executor() {
        return executor;
    }

    @Override
    public void close() {
        runs.close();
        executor.close();
    }
}
