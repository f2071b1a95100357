// Seeded fuzzing of whole MNIST-format folders (format: LeCun's MNIST page, http://yann.lecun.com/exdb/mnist/):
// a valid small folder with one of its four files mutated (IdxFuzzTest's mutations, headers claiming huge images
// included) either loads consistently or is refused with a one-line InvalidDataException naming the folder or the
// file — never another exception, a hang or a huge allocation — and all cases finish within a fixed time.
package org.shiftscope.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFolderFuzzTest {
    static final int CASES = 1000;
    static final long SEED = 20261128L;
    static final Duration TIME_LIMIT = Duration.ofSeconds(90);
    private static final int ROWS = 2;
    private static final int COLUMNS = 3;
    private static final int[] TRAIN_PIXELS = {0, 255, 51, 102, 153, 204, 255, 0, 1, 2, 3, 4};
    private static final int[] TRAIN_LABELS = {0, 9};
    private static final int[] TEST_PIXELS = {17, 34, 68, 85, 119, 136};
    private static final int[] TEST_LABELS = {7};

    @TempDir
    Path folder;

    @Test
    void foldersWithOneMutatedFileLoadConsistentlyOrAreRefusedNamingTheFile() {
        assertTimeoutPreemptively(TIME_LIMIT, this::fuzzFolders);
    }

    private void fuzzFolders() throws IOException {
        var valid = new byte[][] {
                IdxBytes.images(TRAIN_LABELS.length, ROWS, COLUMNS, TRAIN_PIXELS), IdxBytes.labels(TRAIN_LABELS),
                IdxBytes.images(TEST_LABELS.length, ROWS, COLUMNS, TEST_PIXELS), IdxBytes.labels(TEST_LABELS)};
        var files = MnistFile.values();
        var random = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            for (int f = 0; f < files.length; f++) {
                Files.write(folder.resolve(files[f].fileName()), valid[f]);
            }
            int victim = random.nextInt(files.length);
            Files.write(folder.resolve(files[victim].fileName()), IdxFuzzTest.mutate(valid[victim], random));
            try {
                var dataset = MnistFolder.load(folder);
                assertEquals(dataset.train().count() * dataset.inputs(), dataset.train().features().length);
                assertEquals(dataset.test().count() * dataset.inputs(), dataset.test().features().length);
                assertTrue(dataset.inputs() <= IdxReader.MAX_PIXELS_PER_IMAGE, "images stay under the cap");
            } catch (InvalidDataException e) {
                rejected++;
                assertTrue(e.getMessage().contains(folder.toString()), "names the folder or file: " + e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("case " + i + " (" + files[victim].fileName() + ") threw " + e);
            }
        }
        assertTrue(rejected > CASES / 2, "most mutations are invalid: " + rejected);
    }
}
