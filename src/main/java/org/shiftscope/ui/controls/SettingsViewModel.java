// The settings the controls show, as properties: the live ones (BN mode, η, momentum) that a run takes at its
// next step and the structural ones that need new networks. It says which kind changed, and follows the runs
// when they refuse a setting or a schedule changes one, so the controls always describe the runs that exist.
package org.shiftscope.ui.controls;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.ui.runs.RunPlan;
import org.shiftscope.ui.runs.SettingsFollower;

import java.util.List;

public final class SettingsViewModel implements SettingsFollower {
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
    /** Set while the settings are changed for the user (loaded, set back, following a schedule): no reaction. */
    private boolean quiet;
    private Runnable onSetBack = () -> { };

    public SettingsViewModel(TrainingConfig initial) {
        load(initial);
    }

    /**
     * Calls {@code live} when the user changes a live setting, {@code structural} when a change needs new
     * networks, {@code comparison} when comparison mode is switched; never for changes made for the user.
     */
    public void onChanges(Runnable live, Runnable structural, Runnable comparisonSwitched) {
        for (Observable o : new Observable[]{bnMode, compareBnMode, learningRate, momentum, nesterov}) {
            o.addListener(x -> react(live));
        }
        for (Observable o : new Observable[]{depth, width, activation, batchSize, centerInputs, seed, hessianEvery, topK}) {
            o.addListener(x -> react(structural));
        }
        comparison.addListener(x -> react(comparisonSwitched));
    }

    private void react(Runnable reaction) {
        if (!quiet) {
            reaction.run();
        }
    }

    /** Changes settings for the user: no rebuild, no live change follows. */
    public void quietly(Runnable change) {
        boolean was = quiet;
        quiet = true;
        try {
            change.run();
        } finally {
            quiet = was;
        }
    }

    /** Shows {@code c} in the controls (quietly). */
    public void load(TrainingConfig c) {
        quietly(() -> {
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
        });
    }

    /** Called whenever the settings are set back to the runs' (a rebuild they asked for is no longer wanted). */
    public void onSetBack(Runnable reaction) {
        onSetBack = reaction;
    }

    @Override
    public void setBack(TrainingConfig running, List<LiveSettings> applied) {
        onSetBack.run();
        quietly(() -> {
            load(running);
            bnMode.set(applied.get(0).bnMode());
            learningRate.set(applied.get(0).learningRate());
            momentum.set(applied.get(0).momentum());
            nesterov.set(applied.get(0).nesterov());
            comparison.set(applied.size() > 1);
            if (applied.size() > 1) {
                compareBnMode.set(applied.get(1).bnMode());
            }
        });
    }

    @Override
    public void follow(int lane, LiveSettings scheduled) {
        quietly(() -> {
            learningRate.set(scheduled.learningRate());
            (lane == 0 ? bnMode : compareBnMode).set(scheduled.bnMode());
        });
    }

    /**
     * The configuration the controls describe: {@code running}'s with the controls' values (the fields no
     * control sets are kept). @throws IllegalArgumentException when the controls describe no valid network
     */
    public TrainingConfig config(TrainingConfig running) {
        int trackedUnit = running.trackedUnit() < width.get() ? running.trackedUnit() : 0;
        return new TrainingConfig(running.dataset(), depth.get(), width.get(), activation.get(), running.init(),
                centerInputs.get(), batchSize.get(), running.steps(), seed.get(), running.evalEvery(), trackedUnit,
                live(0, running.optimizer()),
                new HessianSettings(hessianEvery.get(), topK.get(), running.hessian().samples(), running.hessian().iterations()));
    }

    /** The live settings run {@code lane} should take; what the controls do not set is kept from {@code had}. */
    @Override
    public LiveSettings live(int lane, LiveSettings had) {
        return new LiveSettings(learningRate.get(), momentum.get(), nesterov.get(), had.weightDecay(),
                lane == 0 ? bnMode.get() : compareBnMode.get());
    }

    /** The runs to build for {@code config}: two in comparison mode, following {@code stress} and {@code changes}. */
    public RunPlan plan(TrainingConfig config, StressSettings stress, List<ScheduledChange> changes) {
        return new RunPlan(config, comparison.get() ? compareBnMode.get() : null, stress, changes);
    }

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

    /** Comparison mode: a second run that differs only in BN mode. */
    public BooleanProperty comparisonProperty() {
        return comparison;
    }

    public ObjectProperty<BnMode> compareBnModeProperty() {
        return compareBnMode;
    }

    /** Both runs in one set of charts rather than side by side (a view setting: nothing is rebuilt). */
    public BooleanProperty overlaidProperty() {
        return overlaid;
    }
}
