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
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.ui.runs.RunPlan;
import org.shiftscope.ui.runs.SettingsFollower;

import java.util.List;

public final class SettingsViewModel implements SettingsFollower {
    /** Stages and channels a convnet starts with when picked: Page's doubling channels, 32/64/128. */
    public static final int CONVNET_DEPTH = 3;
    public static final int CONVNET_WIDTH = 32;
    private final ObjectProperty<Architecture> architecture = new SimpleObjectProperty<>(this, "architecture");
    private final ObjectProperty<Normalization> normalization = new SimpleObjectProperty<>(this, "normalization");
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
    /** The network settings no control shows (ghost batch, groups), kept from the runs. */
    private NetworkShape shape = NetworkShape.mlpWithBatchNorm();

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
        architecture.addListener((o, was, now) -> react(() -> {
            quietly(() -> sizesFor(was, now));
            structural.run();
        }));
        normalization.addListener((o, was, now) -> react(() -> {
            quietly(() -> modesFor(now));
            structural.run();
        }));
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
            shape = c.network();
            architecture.set(c.network().architecture());
            normalization.set(c.network().normalization());
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
        var network = new NetworkShape(architecture.get(), normalization.get(),
                normalization.get().batchStatistics() ? shape.ghostBatch() : 0, shape.groups());
        return new TrainingConfig(running.dataset(), network, depth.get(), width.get(), activation.get(), running.init(),
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

    /** A picked architecture starts at its classroom sizes: convnets at 3 stages of 32/64/128 channels, the MLP at 8 × 128. */
    private void sizesFor(Architecture was, Architecture now) {
        if (was != null && was.convolutional() != now.convolutional()) {
            var mlp = TrainingConfig.classroomDefault();
            depth.set(now.convolutional() ? CONVNET_DEPTH : mlp.depth());
            width.set(now.convolutional() ? CONVNET_WIDTH : mlp.width());
        }
    }

    /** The BN modes move to ones the normalisation has: off without one, on for LayerNorm and GroupNorm when frozen. */
    private void modesFor(Normalization now) {
        for (var mode : List.of(bnMode, compareBnMode)) {
            if (!now.supports(mode.get())) {
                mode.set(now == Normalization.NONE ? BnMode.OFF : BnMode.ON);
            }
        }
    }

    public ObjectProperty<Architecture> architectureProperty() {
        return architecture;
    }

    public ObjectProperty<Normalization> normalizationProperty() {
        return normalization;
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
