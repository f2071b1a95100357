// Writes the shown run into a temporary folder as it goes, in the CLI's formats, so "Export metrics" copies whole
// files without keeping every step in memory. A folder is locked while its window lives and deleted with its run,
// at exit (lock released first, as Windows requires) or by a later window; a failed deletion is retried then.
package org.shiftscope.ui.runs;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.io.RunRecorder;
import org.shiftscope.model.io.RunSummary;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.config.TrainingConfig;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

final class RunLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);
    private static final List<String> FILES = List.of("config.json", "metrics.csv", "layers.csv", "hessian.csv", "summary.json",
            RunRecorder.EVENTS_FILE, RunRecorder.GRADIENTS_FILE);
    static final String PREFIX = "shiftscope-run";
    static final String LOCK = "owner.lock";
    /** This JVM's open logs by folder, closed (lock released, folder deleted) by the shutdown hook. */
    private static final Map<Path, RunLog> OPEN = new ConcurrentHashMap<>();
    private static final Object ONCE = new Object();
    private static boolean started;

    private final Path folder;
    private final Deletion deletion;
    private final FileChannel lockChannel;
    private final RunRecorder recorder;
    private final long startNanos = System.nanoTime();
    private StepRecord last;
    private StepRecord lastEvaluated;
    private HessianReport lastHessian;

    /** Deletes one file or empty folder: Files::delete, or in tests one that fails as Windows does. */
    interface Deletion {
        void delete(Path path) throws IOException;
    }

    RunLog(TrainingConfig config, Dataset dataset) throws IOException {
        this(config, dataset, Files::delete);
    }

    RunLog(TrainingConfig config, Dataset dataset, Deletion deletion) throws IOException {
        startOnce();
        this.deletion = deletion;
        folder = Files.createTempDirectory(PREFIX);
        OPEN.put(folder, this);
        lockChannel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lockChannel.lock();
        recorder = new RunRecorder(folder, config, RunRecorder.datasetFacts(dataset));
    }

    /** The first log of this JVM: deletes abandoned folders and registers the deletion at shutdown. */
    private static void startOnce() {
        synchronized (ONCE) {
            if (started) {
                return;
            }
            started = true;
        }
        deleteAbandoned(Path.of(System.getProperty("java.io.tmpdir")), Files::delete);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.values().forEach(RunLog::close), "run-log-cleanup"));
    }

    /**
     * Deletes the run-log folders under {@code directory} whose lock no live window holds; returns how many. One
     * that cannot be deleted now (a file another program holds open, on Windows) is left for the next start.
     */
    static int deleteAbandoned(Path directory, Deletion deletion) {
        int deleted = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, PREFIX + "*")) {
            for (Path candidate : folders) {
                if (!OPEN.containsKey(candidate) && Files.isRegularFile(candidate.resolve(LOCK)) && unlocked(candidate)
                        && deleteFolder(candidate, deletion)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            LOG.warn("could not look for abandoned run logs in {}: {}", directory, e.getMessage());
        }
        return deleted;
    }

    private static boolean unlocked(Path candidate) {
        try (var channel = FileChannel.open(candidate.resolve(LOCK), StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Deletes the folder's files, the lock last, then the folder; false (logged quietly) if any stays. */
    private static boolean deleteFolder(Path folder, Deletion deletion) {
        if (!Files.exists(folder)) {
            return true;
        }
        try {
            List<Path> files;
            try (var listing = Files.list(folder)) {
                files = listing.filter(f -> !f.getFileName().toString().equals(LOCK)).toList();
            }
            for (Path file : files) {
                deletion.delete(file);
            }
            if (Files.exists(folder.resolve(LOCK))) {
                deletion.delete(folder.resolve(LOCK));
            }
            deletion.delete(folder);
            return true;
        } catch (IOException e) {
            LOG.debug("run log {} left for the next start: {}", folder, e.toString());
            return false;
        }
    }

    Path folder() {
        return folder;
    }

    /** Bytes the log's files take on disk now. */
    long bytes() throws UncheckedIOException {
        long total = 0;
        try {
            for (String name : FILES) {
                Path file = folder.resolve(name);
                if (Files.exists(file)) {
                    total += Files.size(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
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
     * Copies config.json, metrics.csv, layers.csv, hessian.csv (if any), a fresh summary.json and the run's
     * events into {@code target}. @param maxStableLearningRate the stress test's verdict, NaN without one
     * @param startedAs the configuration as the run started @param events every change of settings since
     * @param settings the settings now
     */
    void exportTo(Path target, double maxStableLearningRate, TrainingConfig startedAs, List<RunEvent> events,
                  LiveSettings settings) throws IOException {
        long steps = last == null ? 0 : last.step();
        recorder.finish(RunSummary.of(steps, recorder.recentTrainLossAndAccuracy(),
                lastEvaluated == null ? null : lastEvaluated.testLoss(),
                lastEvaluated == null ? null : lastEvaluated.testAccuracy(),
                last == null ? null : last.divergence(), (System.nanoTime() - startNanos) / 1e9, lastHessian, maxStableLearningRate),
                startedAs, events, settings);
        Files.createDirectories(target);
        // Every file is copied under a temporary name first, so a failure (disk full) leaves none of them.
        var copied = new ArrayList<String>();
        try {
            for (String name : FILES) {
                if (Files.exists(folder.resolve(name))) {
                    copied.add(name);
                    Files.copy(folder.resolve(name), target.resolve(name + ".tmp"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            for (String name : copied) {
                Files.deleteIfExists(target.resolve(name + ".tmp"));
            }
            throw e;
        }
        for (String name : copied) {
            Files.move(target.resolve(name + ".tmp"), target.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Closes the files, releases the lock and deletes the folder; a failure is logged, never thrown. */
    @Override
    public void close() {
        try {
            recorder.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not close the run log {}: {}", folder, e.getMessage());
        }
        try {
            lockChannel.close();
        } catch (IOException e) {
            LOG.warn("could not release the run log's lock {}: {}", folder, e.getMessage());
        }
        deleteFolder(folder, deletion);
        OPEN.remove(folder);
    }
}
