// Writes the run the window shows into a temporary folder as it goes, in exactly the CLI's file formats,
// so "Export metrics" can copy complete files without the view-model keeping every step in memory. The
// folder is deleted when the run is replaced or the window closes.
package org.shiftscope.ui;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.io.RunRecorder;
import org.shiftscope.model.io.RunSummary;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.train.TrainingConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

final class RunLog implements AutoCloseable {
    private static final List<String> FILES = List.of("config.json", "metrics.csv", "layers.csv", "hessian.csv", "summary.json");

    private final Path folder;
    private final RunRecorder recorder;
    private final long startNanos = System.nanoTime();
    private StepRecord last;
    private StepRecord lastEvaluated;
    private HessianReport lastHessian;

    RunLog(TrainingConfig config, Dataset dataset) throws IOException {
        folder = Files.createTempDirectory("shiftscope-run");
        recorder = new RunRecorder(folder, config, RunRecorder.datasetFacts(dataset));
    }

    void add(StepRecord record) {
        recorder.record(record);
        last = record;
        if (record.evaluated()) {
            lastEvaluated = record;
        }
    }

    void add(HessianReport report) throws IOException {
        recorder.recordHessian(report);
        lastHessian = report;
    }

    /**
     * Copies config.json, metrics.csv, layers.csv, hessian.csv (if any) and a fresh summary.json into
     * {@code target}. @param maxStableLearningRate the stress test's verdict, NaN without one
     */
    void exportTo(Path target, double maxStableLearningRate) throws IOException {
        long steps = last == null ? 0 : last.step();
        recorder.finish(RunSummary.of(steps, recorder.recentTrainLossAndAccuracy(),
                lastEvaluated == null ? null : lastEvaluated.testLoss(),
                lastEvaluated == null ? null : lastEvaluated.testAccuracy(),
                last == null ? null : last.divergence(), (System.nanoTime() - startNanos) / 1e9, lastHessian, maxStableLearningRate));
        Files.createDirectories(target);
        for (String name : FILES) {
            Path source = folder.resolve(name);
            if (Files.exists(source)) {
                Path temporary = target.resolve(name + ".tmp");
                Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, target.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Closes the files and deletes the temporary folder (a folder with files in it survives deleteOnExit). */
    @Override
    public void close() {
        try {
            recorder.close();
            for (String name : FILES) {
                Files.deleteIfExists(folder.resolve(name));
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
