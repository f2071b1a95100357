// The window's run log folders: a folder whose window was killed (its lock free) is deleted by the next
// window, a live one is left alone, closing a log whose folder has vanished does not throw, and an export
// that fails part-way leaves none of its files.
package org.shiftscope.ui.runs;

import org.shiftscope.ui.main.RebuildRefusalTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.BnMode;

import java.io.IOException;
import java.nio.channels.FileChannel;
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
                assertEquals(1, RunLog.deleteAbandoned(tmp));
                assertTrue(Files.isDirectory(liveCopy), "a folder whose lock is held is in use");
            }
            assertFalse(Files.exists(abandoned));
            assertTrue(Files.isDirectory(foreign), "a folder without a lock file is not the window's to delete");
            assertTrue(Files.isDirectory(unrelated));
            assertTrue(Files.isDirectory(liveFolder));
            RunLog.deleteAbandoned(liveFolder.getParent());
            assertTrue(Files.isDirectory(liveFolder), "this window's own log is kept");
        }
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
