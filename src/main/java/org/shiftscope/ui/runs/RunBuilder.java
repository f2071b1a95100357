// Builds new runs on the task executor for RunsViewModel. Only the newest request counts: an older build that
// finishes later is closed unseen and its failure not reported, and while one is pending, new requests start
// from its configuration and dataset. Once closed (the window is closing), nothing built is shown.
package org.shiftscope.ui.runs;

import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

final class RunBuilder {
    private final TaskExecutor executor;
    private long newest;
    /** The newest request's configuration and dataset while it is being built, else null. */
    private TrainingConfig pendingConfig;
    private Dataset pendingData;
    private volatile boolean closed;

    RunBuilder(TaskExecutor executor) {
        this.executor = executor;
    }

    void request(RunPlan plan, Dataset onto, Consumer<List<RunLane>> shown, Consumer<Throwable> failed) {
        long generation = ++newest;
        pendingConfig = plan.config();
        pendingData = onto;
        executor.submit(plan.describe(), () -> build(plan, onto), built -> {
            if (closed || generation != newest) {
                built.forEach(RunLane::close);
                return;
            }
            settle();
            shown.accept(built);
        }, failure -> {
            if (!closed && generation == newest) {
                settle();
                failed.accept(failure);
            }
        });
    }

    private List<RunLane> build(RunPlan plan, Dataset onto) {
        var built = new ArrayList<RunLane>();
        if (closed) {
            return built;
        }
        try {
            for (TrainingConfig c : plan.configs()) {
                built.add(new RunLane(c, onto, plan.scheduleFor(c, onto), executor));
            }
        } catch (RuntimeException | Error e) {
            built.forEach(RunLane::close);
            throw e;
        }
        return built;
    }

    private void settle() {
        pendingConfig = null;
        pendingData = null;
    }

    /** The configuration of the newest request still being built, or null. */
    TrainingConfig pendingConfig() {
        return pendingConfig;
    }

    /** The dataset of the newest request still being built, or null. */
    Dataset pendingData() {
        return pendingData;
    }

    /** From now on builds are skipped and whatever finishes is closed. */
    void close() {
        closed = true;
    }
}
