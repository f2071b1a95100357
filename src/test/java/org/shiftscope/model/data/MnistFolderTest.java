// Tests loading an MNIST-format folder (four standard IDX files, format: LeCun's MNIST page,
// http://yann.lecun.com/exdb/mnist/): exact values from mixed plain/gzipped files and clear messages when it is wrong.
package org.shiftscope.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.model.data.IdxBytes.assertInvalid;
import static org.shiftscope.model.data.IdxBytes.gzip;
import static org.shiftscope.model.data.IdxBytes.images;
import static org.shiftscope.model.data.IdxBytes.labels;
import static org.shiftscope.model.data.IdxBytes.scaled;
import static org.shiftscope.model.data.IdxBytes.write;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFolderTest {
    private static final int ROWS = 2;
    private static final int COLUMNS = 2;
    private static final int[] TRAIN_PIXELS = {0, 255, 51, 102, 153, 204, 255, 0, 1, 2, 3, 4};
    private static final int[] TRAIN_LABELS = {0, 5, 9};
    private static final int[] TEST_PIXELS = {17, 34, 68, 85};
    private static final int[] TEST_LABELS = {7};
    private static final byte[] NOT_IDX = {42, 42, 42};

    @TempDir
    Path folder;

    @Test
    void loadsFolderOfPlainAndGzippedFiles() throws Exception {
        writeValidFolder();

        var dataset = MnistFolder.load(folder);

        assertEquals(folder.toString(), dataset.name());
        assertEquals(ROWS * COLUMNS, dataset.inputs());
        assertEquals(MnistDataset.CLASSES, dataset.classes());
        assertEquals(TRAIN_LABELS.length, dataset.train().count());
        assertArrayEquals(scaled(TRAIN_PIXELS), dataset.train().features());
        assertArrayEquals(TRAIN_LABELS, dataset.train().labels());
        assertEquals(TEST_LABELS.length, dataset.test().count());
        assertArrayEquals(scaled(TEST_PIXELS), dataset.test().features());
        assertArrayEquals(TEST_LABELS, dataset.test().labels());
    }

    @Test
    void prefersThePlainFileWhenBothExist() throws Exception {
        writeValidFolder();
        write(folder, MnistFile.TRAIN_IMAGES.fileName(), images(TRAIN_LABELS.length, ROWS, COLUMNS, TRAIN_PIXELS));
        write(folder, MnistFile.TRAIN_IMAGES.gzipName(), NOT_IDX);

        assertArrayEquals(scaled(TRAIN_PIXELS), MnistFolder.load(folder).train().features());
    }

    @Test
    void missingFilesAreListedOnceBesideTheOnesFound() throws Exception {
        write(folder, MnistFile.TRAIN_IMAGES.gzipName(), gzip(images(1, ROWS, COLUMNS, TEST_PIXELS)));

        var message = assertInvalid(() -> MnistFolder.load(folder), folder.toString(), "lacks").getMessage();
        assertEquals("The folder " + folder + " has train-images-idx3-ubyte.gz but lacks train-labels-idx1-ubyte, "
                + "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, the rest of an MNIST-format dataset "
                + "(each may also end in .gz)", message);
    }

    @Test
    void anEmptyFolderNamesTheExpectedFilesOnce() {
        var message = assertInvalid(() -> MnistFolder.load(folder), folder.toString(), "none").getMessage();
        assertEquals("The folder " + folder + " holds none of the four MNIST-format files train-images-idx3-ubyte, "
                + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each may also end in .gz), "
                + "nor the CIFAR-10 binary files data_batch_1.bin … and test_batch.bin",
                message);
        for (var file : MnistFile.values()) {
            assertEquals(message.indexOf(file.fileName()), message.lastIndexOf(file.fileName()), file + " named once");
        }
    }

    @Test
    void defectiveFileIsNamedByItsPath() throws Exception {
        writeValidFolder();
        var testLabels = write(folder, MnistFile.TEST_LABELS.fileName(), NOT_IDX);

        assertInvalid(() -> MnistFolder.load(folder), testLabels.toString(), "truncated");
    }

    @Test
    void labelOfTenIsOutOfRangeForMnistFolders() throws Exception {
        writeValidFolder();
        var trainLabels = write(folder, MnistFile.TRAIN_LABELS.fileName(), labels(0, MnistDataset.CLASSES, 1));

        assertInvalid(() -> MnistFolder.load(folder), trainLabels.toString(), "out of range");
    }

    @Test
    void imageAndLabelCountsMustMatch() throws Exception {
        writeValidFolder();
        write(folder, MnistFile.TEST_LABELS.gzipName(), gzip(labels(1, 2)));

        var error = assertInvalid(() -> MnistFolder.load(folder), MnistFile.TEST_LABELS.gzipName(), "counts must match");
        assertTrue(error.getMessage().contains(MnistFile.TEST_IMAGES.fileName()), error.getMessage());
    }

    @Test
    void trainAndTestImagesMustHaveTheSameSize() throws Exception {
        writeValidFolder();
        write(folder, MnistFile.TEST_IMAGES.fileName(), images(1, 1, ROWS * COLUMNS, TEST_PIXELS));

        var error = assertInvalid(() -> MnistFolder.load(folder), MnistFile.TEST_IMAGES.fileName(), "same size");
        assertTrue(error.getMessage().contains(MnistFile.TRAIN_IMAGES.gzipName()), error.getMessage());
    }

    @Test
    void aFileIsNotAFolder() throws Exception {
        var file = write(folder, "mnist.zip", NOT_IDX);

        assertInvalid(() -> MnistFolder.load(file), file.toString(), "is not a folder");
    }

    @Test
    void missingFolderDoesNotExist() {
        var missing = folder.resolve("nowhere");

        assertInvalid(() -> MnistFolder.load(missing), missing.toString(), "does not exist");
    }

    private void writeValidFolder() throws IOException {
        write(folder, MnistFile.TRAIN_IMAGES.gzipName(), gzip(images(TRAIN_LABELS.length, ROWS, COLUMNS, TRAIN_PIXELS)));
        write(folder, MnistFile.TRAIN_LABELS.fileName(), labels(TRAIN_LABELS));
        write(folder, MnistFile.TEST_IMAGES.fileName(), images(TEST_LABELS.length, ROWS, COLUMNS, TEST_PIXELS));
        write(folder, MnistFile.TEST_LABELS.gzipName(), gzip(labels(TEST_LABELS)));
    }
}
