// The CIFAR-10 binary loader on small files the test writes: records in order with labels and channel-major
// pixels scaled to [0, 1]; truncated or empty files, labels out of range, a missing test file and a gap in the
// training files' numbers each give one line naming the file; a folder of them is found by DatasetSource.
package org.shiftscope.model.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CifarFolderTest {
    static final float PIXEL_TOLERANCE = 1e-7f;

    @TempDir
    Path folder;

    /** {@code labels.length} records; record r's pixel p is (r + p) mod 256. */
    private Path write(String name, int... labels) throws IOException {
        var bytes = new byte[labels.length * CifarFolder.RECORD_BYTES];
        for (int r = 0; r < labels.length; r++) {
            int at = r * CifarFolder.RECORD_BYTES;
            bytes[at] = (byte) labels[r];
            for (int p = 0; p < CifarFolder.PIXELS; p++) {
                bytes[at + 1 + p] = (byte) ((r + p) % 256);
            }
        }
        return Files.write(folder.resolve(name), bytes);
    }

    @Test
    void recordsLoadInOrderWithChannelMajorPixelsScaledToOne() throws Exception {
        write(CifarFolder.trainFile(1), 3, 9);
        write(CifarFolder.trainFile(2), 0);
        write(CifarFolder.TEST_FILE, 7, 1);

        var data = DatasetSource.load(folder.toString(), 1);

        assertEquals(CifarFolder.PIXELS, data.inputs());
        assertEquals(CifarFolder.CLASSES, data.classes());
        assertEquals(3, data.train().count());
        assertEquals(2, data.test().count());
        assertEquals("[3, 9, 0]", Arrays.toString(data.train().labels()));
        assertEquals("[7, 1]", Arrays.toString(data.test().labels()));
        float[] x = data.train().features();
        assertEquals(0f, x[0], PIXEL_TOLERANCE);                                       // record 0, red (0, 0)
        assertEquals(255 / 255f, x[255], PIXEL_TOLERANCE);                              // record 0, pixel 255
        assertEquals(1 / 255f, x[CifarFolder.PIXELS], PIXEL_TOLERANCE);                 // record 1, pixel 0
        assertEquals((1024 % 256) / 255f, x[1024], PIXEL_TOLERANCE);                    // record 0, green (0, 0)
    }

    @Test
    void aTruncatedFileIsNamed() throws Exception {
        write(CifarFolder.trainFile(1), 1, 2);
        write(CifarFolder.TEST_FILE, 3);
        Path train = folder.resolve(CifarFolder.trainFile(1));
        Files.write(train, Arrays.copyOf(Files.readAllBytes(train), CifarFolder.RECORD_BYTES + 100));
        var e = assertThrows(InvalidDataException.class, () -> CifarFolder.load(folder));
        assertEquals(train + " has 3,173 bytes, not a whole number of 3,073-byte records (a label and 32×32×3 pixels): "
                + "it may be truncated", e.getMessage());
    }

    @Test
    void anEmptyFileIsNamed() throws Exception {
        write(CifarFolder.trainFile(1), 1);
        Files.write(folder.resolve(CifarFolder.TEST_FILE), new byte[0]);
        var e = assertThrows(InvalidDataException.class, () -> CifarFolder.load(folder));
        assertTrue(e.getMessage().startsWith(folder.resolve(CifarFolder.TEST_FILE) + " has 0 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aLabelOutOfRangeNamesItsRecord() throws Exception {
        write(CifarFolder.trainFile(1), 1, 4, 10);
        write(CifarFolder.TEST_FILE, 3);
        var e = assertThrows(InvalidDataException.class, () -> CifarFolder.load(folder));
        assertEquals(folder.resolve(CifarFolder.trainFile(1)) + ": record 3 has label 10; CIFAR-10 labels are 0–9",
                e.getMessage());
    }

    @Test
    void aMissingTestFileOrAGapInTheTrainingFilesIsSaid() throws Exception {
        write(CifarFolder.trainFile(1), 1);
        var missing = assertThrows(InvalidDataException.class, () -> CifarFolder.load(folder));
        assertEquals("The folder " + folder + " is missing test_batch.bin, which a CIFAR-10 binary dataset needs",
                missing.getMessage());
        write(CifarFolder.TEST_FILE, 2);
        write(CifarFolder.trainFile(3), 1);
        var gap = assertThrows(InvalidDataException.class, () -> CifarFolder.load(folder));
        assertEquals("The folder " + folder + " has data_batch_3.bin but lacks data_batch_2.bin; CIFAR-10's training "
                + "files are numbered from 1 without gaps", gap.getMessage());
    }

    @Test
    void onlyATestFileLacksTheFirstTrainingFile() throws Exception {
        write(CifarFolder.TEST_FILE, 2);
        var e = assertThrows(InvalidDataException.class, () -> DatasetSource.load(folder.toString(), 1));
        assertEquals("The folder " + folder + " is missing data_batch_1.bin, which a CIFAR-10 binary dataset needs",
                e.getMessage());
    }

    @Test
    void aStrayTestFileBesideMnistFilesLeavesTheFolderMnist() throws Exception {
        write(CifarFolder.TEST_FILE, 2);
        Files.write(folder.resolve(MnistFile.TRAIN_IMAGES.fileName()), new byte[16]);
        var e = assertThrows(InvalidDataException.class, () -> DatasetSource.load(folder.toString(), 1));
        assertTrue(e.getMessage().contains("MNIST") && !e.getMessage().contains("CIFAR-10 binary dataset needs"), e.getMessage());
    }

    @Test
    void anEmptyFolderNamesBothFormats() {
        var e = assertThrows(InvalidDataException.class, () -> DatasetSource.load(folder.toString(), 1));
        assertTrue(e.getMessage().contains("MNIST-format") && e.getMessage().contains("data_batch_1.bin")
                && e.getMessage().contains("test_batch.bin"), e.getMessage());
    }
}
