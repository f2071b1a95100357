// A write that fails mid-run (a full disk) ends with one line naming the folder and saying the disk is full,
// exit code 1, no exception class names and no stack trace. /dev/full stands in for the full disk.
package org.shiftscope.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteFailureTest {
    static final Path FULL_DEVICE = Path.of("/dev/full");
    static final String NO_SPACE = "No space left on device";

    @Test
    void aFullDiskDuringTrainNamesTheFolder(@TempDir Path out) throws Exception {
        Assumptions.assumeTrue(Files.isWritable(FULL_DEVICE), "needs /dev/full");
        Files.createSymbolicLink(out.resolve("layers.csv"), FULL_DEVICE);
        var outcome = TrainCommandTest.run("train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "3",
                "--width", "32", "--batch", "16", "--steps", "50");
        assertEquals(WriteFailure.EXIT_WRITE_FAILED, outcome.exitCode(), outcome.err());
        String last = outcome.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("error: could not write to " + out.toAbsolutePath()), last);
        assertTrue(last.contains("the disk is full"), last);
        assertFalse(outcome.err().contains("Exception"), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }

    @Test
    void theMessageNamesTheFileAndTheReasonInWords() {
        Path folder = Path.of("/runs/a");
        String full = WriteFailure.describe(folder,
                new UncheckedIOException(new FileSystemException("/runs/a/metrics.csv", null, NO_SPACE)));
        assertEquals("error: could not write to /runs/a (file /runs/a/metrics.csv): the disk is full (" + NO_SPACE + ")",
                full);
        assertEquals("error: could not write to /runs/a (file /runs/a/x): permission denied",
                WriteFailure.describe(folder, new AccessDeniedException("/runs/a/x")));
        assertEquals("error: could not write to /runs/a: the disk is full (" + NO_SPACE + ")",
                WriteFailure.describe(folder, new IOException(NO_SPACE)));
        assertEquals("the disk is full (There is not enough space on the disk)",
                WriteFailure.reason(new FileSystemException("C:\\runs\\a\\metrics.csv", null,
                        "There is not enough space on the disk")), "as Windows says it");
    }
}
