// What the user chooses to run next, each a rebuild of the runs: a guided scenario, Page's stress test, Reset,
// another dataset, a settings file, or (after a short pause) a structural setting changed by hand. Datasets
// load and networks build on the task executor; the scenario being played is a property the banner shows.
package org.shiftscope.ui.controls;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.io.AtomicFile;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.scenario.Scenario;
import org.shiftscope.ui.runs.MessageKind;
import org.shiftscope.ui.runs.RunPlan;
import org.shiftscope.ui.runs.RunsViewModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

public final class RunChoicesViewModel {
    /** Pause after the last structural change before the networks are rebuilt (a spinner held down). */
    public static final long REBUILD_DEBOUNCE_NANOS = 400_000_000L;
    public static final String UNFROZEN_ON_RESET = "BN was frozen: the new network trains with BN on "
            + "(it has no running statistics yet: freeze it again once it has trained)";

    private final SettingsViewModel settings;
    private final RunsViewModel runs;
    private final LongSupplier clock;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(this, "scenario");
    private long rebuildDueAt = -1;
    /** Counts the user's choices, so a dataset that loads after a later choice is not acted on. */
    private long latestChoice;

    public RunChoicesViewModel(SettingsViewModel settings, RunsViewModel runs, LongSupplier clock) {
        this.settings = settings;
        this.runs = runs;
        this.clock = clock;
    }

    /** Settings were refused and set back: a rebuild they had asked for is no longer wanted. */
    public void cancelPendingRebuild() {
        rebuildDueAt = -1;
    }

    /** A structural setting changed by hand: the runs are rebuilt once the user has paused. */
    public void structuralChange() {
        rebuildDueAt = clock.getAsLong() + REBUILD_DEBOUNCE_NANOS;
    }

    /** Once per frame: rebuilds if a structural change has waited long enough. */
    public void refresh() {
        if (rebuildDueAt >= 0 && clock.getAsLong() >= rebuildDueAt) {
            reset();
        }
    }

    /**
     * New networks from the seed with the current settings; the charts start again. Frozen BN restarts as on:
     * a new network's running statistics are still their initial values (mean 0, variance 1), so "frozen"
     * would normalise with nothing measured and, at a usual η, diverge within a few steps.
     */
    public void reset() {
        scenario.set(null);
        boolean unfrozen = settings.bnModeProperty().get() == BnMode.FROZEN;
        if (unfrozen) {
            settings.quietly(() -> settings.bnModeProperty().set(BnMode.ON));     // the old runs are replaced
        }
        rebuildAsSet(null, () -> {
            if (unfrozen) {
                runs.showMessage(UNFROZEN_ON_RESET, MessageKind.INFO);
            }
        });
    }

    /**
     * Page's learning-rate stress test on fresh networks (both, in comparison mode): η starts at the current
     * value and grows × √2 every 200 steps until the loss diverges or η reaches 10.
     */
    public void startStressTest() {
        rebuildAsSet(StressSettings.defaults(), runs::start);
    }

    /** Rebuilds with what the controls describe, or refuses (controls set back) when that is not a valid network. */
    private void rebuildAsSet(StressSettings stress, Runnable then) {
        rebuildDueAt = -1;
        latestChoice++;
        TrainingConfig config;
        try {
            config = settings.config(runs.latestConfig());
        } catch (IllegalArgumentException e) {
            runs.refuse(e.getMessage());
            return;
        }
        runs.rebuild(settings.plan(config, stress, List.of()), null, then);
    }

    /**
     * Sets the controls as the scenario says, rebuilds the runs (two if it compares BN modes) with its schedule
     * and starts them. Leaving it (or touching a live setting) hands the controls back to the user.
     */
    public void play(Scenario chosen) {
        onData(chosen.config().dataset(), chosen.config().seed(), ifStillChosen(data -> {
            rebuildDueAt = -1;
            settings.load(chosen.config());
            settings.quietly(() -> {
                settings.comparisonProperty().set(chosen.comparison());
                if (chosen.comparison()) {
                    settings.compareBnModeProperty().set(chosen.runs().get(1).optimizer().bnMode());
                    settings.overlaidProperty().set(chosen.overlaid());
                }
            });
            scenario.set(null);
            runs.rebuild(RunPlan.of(chosen), data, () -> {
                scenario.set(chosen);
                runs.start();
            });
        }));
    }

    /** Back to free exploration: the runs go on with the settings they have; no schedule changes them any more. */
    public void leaveScenario() {
        scenario.set(null);
        runs.applyLive(settings::live);
    }

    /**
     * Trains on another dataset ("fashion-mnist", "synthetic" or a folder of MNIST-format or CIFAR-10 files): a new
     * network from the seed; a dataset that cannot be loaded leaves everything as it was and says why.
     */
    public void useDataset(String spec) {
        rebuildDueAt = -1;
        load(spec, settings.seedProperty().get(), ifStillChosen(loaded -> {
            TrainingConfig config;
            try {
                var old = settings.config(runs.latestConfig());
                config = new TrainingConfig(spec, old.network(), old.depth(), old.width(), old.activation(), old.init(), old.centerInputs(),
                        Math.min(old.batchSize(), loaded.train().count()), old.steps(), old.seed(), old.evalEvery(), 0,
                        old.optimizer(), old.hessian());
            } catch (IllegalArgumentException e) {
                runs.showMessage(e.getMessage(), MessageKind.WARNING);
                return;
            }
            scenario.set(null);
            runs.rebuild(settings.plan(config, null, List.of()), loaded, () -> { });
        }));
    }

    /** Saves the settings the controls describe as JSON (the CLI's config.json "config"), off the FX thread. */
    public void saveSettings(Path file, Runnable done, Consumer<Throwable> failed) {
        TrainingConfig config = settings.config(runs.latestConfig());
        runs.executor().submit("Saving " + file.getFileName(), () -> {
            AtomicFile.write(file, temporary -> Json.mapper().writeValue(temporary.toFile(), config));
            return file;
        }, saved -> done.run(), e -> failed.accept(new IOException(file.getFileName() + ": " + e.getMessage(), e)));
    }

    /** Loads settings saved by {@link #saveSettings} (and their dataset) and rebuilds; a bad file changes nothing. */
    public void loadSettings(Path file, Consumer<Throwable> failed) {
        Dataset inUse = runs.latestDataset();
        runs.executor().submit("Loading " + file.getFileName(), () -> LoadedSettings.read(file, inUse), ifStillChosen(loaded -> {
            settings.load(loaded.config());
            scenario.set(null);
            rebuildDueAt = -1;
            runs.rebuild(settings.plan(loaded.config(), null, List.of()), loaded.data(), () -> { },
                    reason -> failed.accept(new IOException(file.getFileName() + ": " + reason)));
        }), failed);
    }

    /** A new choice: {@code then} acts only if no other choice came before it is called. */
    private <T> Consumer<T> ifStillChosen(Consumer<T> then) {
        long mine = ++latestChoice;
        return value -> {
            if (mine == latestChoice) {
                then.accept(value);
            }
        };
    }

    /** Runs {@code then} with the dataset {@code spec}: the one in use, or loaded (a failure is said and stops). */
    private void onData(String spec, long seed, Consumer<Dataset> then) {
        if (spec.equals(runs.latestDataset().name())) {
            then.accept(runs.latestDataset());
        } else {
            load(spec, seed, then);
        }
    }

    /** Loads a dataset ("fashion-mnist", "synthetic" or a folder) on the executor; one that cannot be loaded is said. */
    private void load(String spec, long seed, Consumer<Dataset> then) {
        runs.executor().submit("Loading " + spec, () -> DatasetSource.load(spec, seed), then,
                failure -> runs.showMessage(failure.getMessage(), MessageKind.WARNING));
    }

    /** The scenario being played, or null. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }
}
