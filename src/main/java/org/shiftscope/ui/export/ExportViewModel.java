// What the window exports besides pictures: the runs' metrics in the CLI's file formats (written off the FX
// thread, after every row logged so far), and the one-line settings title that heads every exported figure.
package org.shiftscope.ui.export;

import org.shiftscope.model.run.RunNames;
import org.shiftscope.model.run.RunTexts;
import org.shiftscope.ui.runs.RunLane;
import org.shiftscope.ui.runs.RunsViewModel;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

public final class ExportViewModel {
    private final RunsViewModel runs;

    public ExportViewModel(RunsViewModel runs) {
        this.runs = runs;
    }

    /**
     * Writes the CLI's files (config.json, metrics.csv, layers.csv, hessian.csv, summary.json) into
     * {@code folder}; in comparison mode one subfolder per run ("bn-on", "bn-off"). {@code done} runs once all
     * are written, {@code failed} at the first failure.
     */
    public void exportMetrics(Path folder, Runnable done, Consumer<Throwable> failed) {
        List<RunLane> lanes = List.copyOf(runs.lanes());
        var left = new AtomicInteger(lanes.size());
        var failedOnce = new AtomicBoolean();
        for (RunLane lane : lanes) {
            Path target = lanes.size() == 1 ? folder : folder.resolve(RunNames.folderName(lane.label()));
            lane.exportMetrics(target, () -> {
                if (left.decrementAndGet() == 0 && !failedOnce.get()) {
                    done.run();
                }
            }, e -> {
                if (!failedOnce.getAndSet(true)) {
                    failed.accept(e);
                }
            });
        }
    }

    /**
     * One line recording the run, for the title of exported figures: the settings it started with and every
     * change since (BN on → frozen at 600), so a figure of a run that changed does not show only its end.
     */
    public String settingsTitle() {
        var snapshots = runs.lanes().stream().map(RunLane::snapshot).toList();
        return RunTexts.settingsTitle(snapshots.stream().map(s -> s.config()).toList(), runs.stepsProperty().get(),
                snapshots.get(0).events());
    }
}
