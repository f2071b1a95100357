// The window's run log folders: a folder whose window was killed (its lock free) is deleted by the next
// window, a live one is left alone, deletions that fail as on Windows are quiet and retried, closing a log whose
// folder has vanished does not throw, and an export that fails part-way leaves none of its files.
package org.shiftscope.ui.runs;

import org.shiftscope.ui.main.RebuildRefusalTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.BnMode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunLogTest {
    @Test
    void abandonedFoldersAreDeletedAndLiveOnesKept(@TempDir Path tmp) throws IOException {
        Path abandoned = Files.createDirectory(tmp.resolve(RunLog.PREFIX + "123"));
        Files.writeString(abandoned.resolve(RunLog.LOCK), "");
        Files.writeString(abandoned.resolve("layers.csv"), "step,layer\n1,1\n");
        Path foreign = Files.createDirectory(tmp.resolve(RunLog.PREFIX + "-without-lock"));
        Path unrelated = Files.createDirectory(tmp.resolve("other-folder"));
        Files.writeString(unrelated.resolve(RunLog.LOCK), "");

        try (var live = new RunLog(RebuildRefusalTest.config(BnMode.ON), SyntheticData.generate(1))) {
            Path liveFolder = live.folder();
            Path liveCopy = Files.createDirectory(tmp.resolve(RunLog.PREFIX + "live"));
            Files.writeString(liveCopy.resolve(RunLog.LOCK), "");
            try (var channel = FileChannel.open(liveCopy.resolve(RunLog.LOCK), StandardOpenOption.WRITE);
                 var lock = channel.lock()) {
                assertEquals(1, RunLog.deleteAbandoned(tmp, Files::delete));
                assertTrue(Files.isDirectory(liveCopy), "a folder whose lock is held is in use");
            }
            assertFalse(Files.exists(abandoned));
            assertTrue(Files.isDirectory(foreign), "a folder without a lock file is not the window's to delete");
            assertTrue(Files.isDirectory(unrelated));
            assertTrue(Files.isDirectory(liveFolder));
            RunLog.deleteAbandoned(liveFolder.getParent(), Files::delete);
            assertTrue(Files.isDirectory(liveFolder), "this window's own log is kept");
        }
    }

    /** Deletes as Windows does: a file whose lock is held (here, by this JVM) cannot be deleted. */
    private static void deleteLikeWindows(Path path) throws IOException {
        if (path.getFileName().toString().equals(RunLog.LOCK)) {
            try (var channel = FileChannel.open(path, StandardOpenOption.WRITE); var lock = channel.tryLock()) {
                if (lock == null) {
                    throw new AccessDeniedException(path.toString(), null, "locked by another process");
                }
            } catch (OverlappingFileLockException held) {
                throw new AccessDeniedException(path.toString(), null, "locked");
            }
        }
        Files.delete(path);
    }

    @Test
    void aFolderThatCannotBeDeletedNowIsSkippedQuietlyAndDeletedAtTheNextStart(@TempDir Path tmp) throws IOException {
        Path abandoned = Files.createDirectory(tmp.resolve(RunLog.PREFIX + "456"));
        Files.writeString(abandoned.resolve(RunLog.LOCK), "");
        Files.writeString(abandoned.resolve("metrics.csv"), "step\n");
        Files.writeString(abandoned.resolve("summary.json.tmp"), "{");
        assertEquals(0, RunLog.deleteAbandoned(tmp, path -> {
            throw new AccessDeniedException(path.toString(), null, "in use by another process");
        }));
        assertTrue(Files.isDirectory(abandoned));
        assertEquals(1, RunLog.deleteAbandoned(tmp, RunLogTest::deleteLikeWindows));
        assertFalse(Files.exists(abandoned), "every file goes, a leftover temporary one too");
    }

    @Test
    void closingReleasesTheLockBeforeDeletingTheFolder() throws IOException {
        var log = new RunLog(RebuildRefusalTest.config(BnMode.ON), SyntheticData.generate(1), RunLogTest::deleteLikeWindows);
        Path folder = log.folder();
        assertThrows(AccessDeniedException.class, () -> deleteLikeWindows(folder.resolve(RunLog.LOCK)), "the lock is held");
        log.close();
        assertFalse(Files.exists(folder));
    }

    @Test
    void closingALogWhoseFolderVanishedDoesNotThrow() throws IOException {
        var log = new RunLog(RebuildRefusalTest.config(BnMode.ON), SyntheticData.generate(1));
        Path folder = log.folder();
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(folder);
        log.close();
        assertFalse(Files.exists(folder));
    }

    @Test
    void aFailedExportLeavesNoneOfTheFiles(@TempDir Path target) throws IOException {
        Path blocker = Files.createDirectories(target.resolve("layers.csv.tmp").resolve("occupied"));
        try (var log = new RunLog(RebuildRefusalTest.config(BnMode.ON), SyntheticData.generate(1))) {
            assertThrows(IOException.class, () -> log.exportTo(target, Double.NaN, RebuildRefusalTest.config(BnMode.ON), List.of(),
                    RebuildRefusalTest.config(BnMode.ON).optimizer()));
            try (var left = Files.list(target)) {
                assertEquals(List.of(target.resolve("layers.csv.tmp")), left.toList(),
                        "neither config.json nor metrics.csv, nor their temporary copies");
            }
            Files.delete(blocker);
            Files.delete(blocker.getParent());
            log.exportTo(target, Double.NaN, RebuildRefusalTest.config(BnMode.ON), List.of(),
                    RebuildRefusalTest.config(BnMode.ON).optimizer());
            assertTrue(Files.isRegularFile(target.resolve("config.json")));
            assertTrue(Files.isRegularFile(target.resolve("layers.csv")));
            assertTrue(Files.isRegularFile(target.resolve("summary.json")));
        }
    }
}
