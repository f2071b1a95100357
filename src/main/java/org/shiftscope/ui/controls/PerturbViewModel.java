// The Perturb controls' state and commands (Page's "cat neuron", "How to train your ResNet 7"): the direction,
// the class of a class-mean direction, the step as a percentage of the weights' norm; Perturb and Keep.
package org.shiftscope.ui.controls;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.shiftscope.model.shift.PerturbationDirection;
import org.shiftscope.model.shift.PerturbationRequest;
import org.shiftscope.ui.runs.RunsViewModel;

public final class PerturbViewModel {
    /** The class picked at first: the one the scenarios' texts name. */
    public static final int DEFAULT_CLASS = 3;
    /** The step's percentage of ‖w‖ at least (the spinner's range; the most is PerturbationRequest's). */
    public static final double MIN_PERCENT = 0.1;
    /** Seed of the first random direction; each press of Perturb takes the next, so a random move is new each time. */
    private static final long FIRST_RANDOM_SEED = 1;

    private final RunsViewModel runs;
    private final ObjectProperty<PerturbationDirection> direction =
            new SimpleObjectProperty<>(this, "direction", PerturbationDirection.CLASS_MEAN);
    private final IntegerProperty classIndex = new SimpleIntegerProperty(this, "classIndex");
    private final DoubleProperty percent = new SimpleDoubleProperty(this, "percent", 100 * PerturbationRequest.DEFAULT_FRACTION);
    private final IntegerProperty classes = new SimpleIntegerProperty(this, "classes");
    private final BooleanProperty keepable = new SimpleBooleanProperty(this, "keepable");
    private long nextSeed = FIRST_RANDOM_SEED;

    public PerturbViewModel(RunsViewModel runs) {
        this.runs = runs;
        classes.set(runs.dataset().classes());
        classIndex.set(Math.min(DEFAULT_CLASS, classes.get() - 1));
    }

    // ---- Properties

    public ObjectProperty<PerturbationDirection> directionProperty() {
        return direction;
    }

    /** The class whose mean logit's gradient a class-mean move follows, from 0. */
    public IntegerProperty classIndexProperty() {
        return classIndex;
    }

    /** The step as a percentage of ‖w‖ (Page: 1%). */
    public DoubleProperty percentProperty() {
        return percent;
    }

    /** Classes of the runs' data: the class picker's range is 0 … classes − 1. */
    public ReadOnlyIntegerProperty classesProperty() {
        return classes;
    }

    /** Whether a perturbation can be kept now. */
    public ReadOnlyBooleanProperty keepableProperty() {
        return keepable;
    }

    // ---- Commands

    /** Perturbs a copy of every run's weights as asked; a request that is not valid is refused on the message line. */
    public void perturb() {
        try {
            runs.perturb(new PerturbationRequest(direction.get(), classIndex.get(), percent.get() / 100, nextSeed++));
        } catch (IllegalArgumentException e) {
            runs.refuse(e.getMessage());
        }
    }

    /** Applies the latest perturbation to every run's weights. */
    public void keep() {
        runs.keepPerturbation();
        keepable.set(runs.perturbationKeepable());
    }

    /** Once per frame: what Keep may do now, and the classes of the runs' data (a new dataset may have others). */
    public void refresh() {
        keepable.set(runs.perturbationKeepable());
        int count = runs.dataset().classes();
        if (count != classes.get()) {
            classes.set(count);
            classIndex.set(Math.min(classIndex.get(), count - 1));
        }
    }
}
