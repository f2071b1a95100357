// A bad --out (empty, a file, a path through a file) is a usage error (exit 2) naming the option and the path,
// found before the data or model is read (the missing inputs below would otherwise be reported first), as are
// hessian's --lr and --momentum. A refused run removes the folders it created for --out and leaves a folder
// the user already had as it was.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.app.TrainCommandTest.assertUsageError;

class OutputFolderTest {
    static final String NO_SUCH_DATASET = "/no/such/dataset/folder";

    @Test
    void trainRefusesAnOutputThatCannotBeAFolder(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        Path through = file.resolve("sub");
        assertUsageError("--out " + through + ": " + file + " is a file, not a folder",
                "train", "--out", through.toString(), "--dataset", NO_SUCH_DATASET);
        assertUsageError("--out " + file + ": exists and is not a folder",
                "train", "--out", file.toString(), "--dataset", NO_SUCH_DATASET);
        assertUsageError("--out must name a folder (got an empty path)",
                "train", "--out", "", "--dataset", NO_SUCH_DATASET);
    }

    @Test
    void renderAndHessianCheckTheirOptionsBeforeReadingInput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        Path through = file.resolve("sub");
        assertUsageError("--out " + through + ": " + file + " is a file, not a folder",
                "render", "--scenario", "no-such-demo", "--out", through.toString());
        assertUsageError("--out " + file + ": exists and is not a folder",
                "hessian", "--model", dir.resolve("no-model").toString(), "--out", file.toString());
        assertUsageError("learning rate must be between", "hessian", "--model", dir.resolve("no-model").toString(),
                "--out", dir.resolve("h").toString(), "--lr", "0");
    }

    @Test
    void aRefusedRunLeavesNoNewFolderBehind(@TempDir Path dir) throws Exception {
        Path emptyData = Files.createDirectory(dir.resolve("empty-data"));
        Path created = dir.resolve("new");
        assertRefusedWithout(created, "train", "--out", created.resolve("run").toString(), "--dataset", emptyData.toString());
        assertRefusedWithout(created, "train", "--out", created.toString(), "--dataset", "synthetic", "--depth", "10",
                "--width", "1024", "--steps", "5", "--hessian-every", "1", "--top-k", "30", "--lanczos-iters", "1000");
        assertRefusedWithout(created, "hessian", "--model", dir.resolve("no-model").toString(), "--out", created.toString());
        assertRefusedWithout(created, "render", "--scenario", "no-such-demo", "--out", created.resolve("figures").toString());
    }

    @Test
    void aRefusedRunLeavesTheUsersOwnFolderInPlace(@TempDir Path dir) throws Exception {
        Path own = Files.createDirectory(dir.resolve("own"));
        var outcome = TrainCommandTest.run("train", "--out", own.toString(), "--dataset", dir.resolve("nothing").toString());
        assertEquals(TrainCommand.EXIT_BAD_INPUT, outcome.exitCode(), outcome.err());
        assertTrue(Files.isDirectory(own), "the folder the user gave is kept");
        try (var files = Files.list(own)) {
            assertEquals(0, files.count());
        }
    }

    private static void assertRefusedWithout(Path folder, String... args) {
        var outcome = TrainCommandTest.run(args);
        assertEquals(TrainCommand.EXIT_BAD_INPUT, outcome.exitCode(), outcome.err());
        assertFalse(Files.exists(folder), folder + " was created for the refused run and should be gone: " + outcome.err());
    }
}
