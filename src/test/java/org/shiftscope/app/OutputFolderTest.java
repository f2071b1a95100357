// A bad --out (empty, a file, a path through a file) is a usage error (exit 2) naming the option and the path,
// found before the data or model is read (the missing inputs below would otherwise be reported first), as are
// hessian's --lr and --momentum.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
