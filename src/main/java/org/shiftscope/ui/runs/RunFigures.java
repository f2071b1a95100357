// The lines of text the window shows about its runs, rebuilt each frame from the lanes: the state, the
// backend and heap, λ1 and η·λ1, the Hessian line and the stress test's progress. One run's figures are
// shown bare; two runs' are labelled "BN on", "BN off".
package org.shiftscope.ui.runs;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.shiftscope.model.Backend;
import org.shiftscope.model.run.RunTexts;
import org.shiftscope.model.train.TrainingSnapshot;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class RunFigures {
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper resources = new ReadOnlyStringWrapper(this, "resources", "");
    private final ReadOnlyStringWrapper curvature = new ReadOnlyStringWrapper(this, "curvature", "λ1: not computed yet");
    private final ReadOnlyStringWrapper hessianSummary = new ReadOnlyStringWrapper(this, "hessianSummary",
            "Hessian: not computed yet");
    private final ReadOnlyStringWrapper stressSummary = new ReadOnlyStringWrapper(this, "stressSummary", "");
    private final String backend = Backend.describe();

    void update(List<RunLane> lanes) {
        status.set(lanes.size() == 1 ? describe(lanes.get(0).snapshot())
                : lanes.stream().map(l -> l.label() + " " + describe(l.snapshot())).collect(Collectors.joining(" · ")));
        Runtime rt = Runtime.getRuntime();
        resources.set(String.format(Locale.ROOT, "%s · heap %d MB", backend, (rt.totalMemory() - rt.freeMemory()) >> 20));
        hessianSummary.set(join(lanes, RunLane::hessianSummary, "Hessian"));
        curvature.set(lanes.size() == 1 ? lanes.get(0).curvatureFigures()
                : lanes.stream().map(l -> l.label() + ": " + l.curvatureFigures()).collect(Collectors.joining("   ")));
        stressSummary.set(lanes.stream().anyMatch(l -> l.snapshot().stressTest()) ? join(lanes, l -> "η now "
                + format(l.snapshot().settings().learningRate()) + ", largest healthy "
                + RunTexts.largestHealthy(l.snapshot().maxStableLearningRate(), "none yet"), "Stress test") : "");
    }

    /** A learning rate as the controls and the summaries write it: four significant digits. */
    public static String format(double learningRate) {
        return String.format(Locale.ROOT, "%.4g", learningRate);
    }

    private static String join(List<RunLane> lanes, Function<RunLane, String> part, String what) {
        if (lanes.size() == 1) {
            return what + ": " + part.apply(lanes.get(0));
        }
        return lanes.stream().map(l -> what + " · " + l.label() + ": " + part.apply(l)).collect(Collectors.joining("\n"));
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

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resourcesProperty() {
        return resources.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty curvatureProperty() {
        return curvature.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hessianSummaryProperty() {
        return hessianSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stressSummaryProperty() {
        return stressSummary.getReadOnlyProperty();
    }
}
