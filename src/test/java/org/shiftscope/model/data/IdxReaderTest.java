// Tests the IDX parser (format: LeCun's MNIST page, http://yann.lecun.com/exdb/mnist/) on small hand-built files:
// exact values for valid plain and gzipped files, and a one-line message naming the file for every defect.
package org.shiftscope.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.shiftscope.model.data.IdxBytes.assertInvalid;
import static org.shiftscope.model.data.IdxBytes.concat;
import static org.shiftscope.model.data.IdxBytes.gzip;
import static org.shiftscope.model.data.IdxBytes.header;
import static org.shiftscope.model.data.IdxBytes.images;
import static org.shiftscope.model.data.IdxBytes.labels;
import static org.shiftscope.model.data.IdxBytes.scaled;
import static org.shiftscope.model.data.IdxBytes.write;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shiftscope.model.io.NamedPipe;

class IdxReaderTest {
    private static final int COUNT = 2;
    private static final int ROWS = 2;
    private static final int COLUMNS = 3;
    private static final int[] PIXELS = {0, 1, 127, 128, 254, 255, 10, 20, 30, 40, 50, 60};
    private static final int[] LABELS = {3, 9};
    private static final int CLASSES = 10;
    private static final String IMAGES_NAME = "images-idx3-ubyte";
    private static final String LABELS_NAME = "labels-idx1-ubyte";
    /** a count under the cap whose pixels would take hundreds of megabytes if allocated up front */
    private static final int LYING_COUNT = 120_000;
    private static final int MNIST_SIDE = 28;
    /** 1000 × 1000 × 101 = 101 million pixels, just over the cap */
    private static final int OVER_CAP_SIDE = 1000;
    private static final int OVER_CAP_COUNT = 101;
    private static final int ALL_BITS = 0xFFFFFFFF;
    /** the side of the reviewer's 5000 × 5000 images: under the values cap for two images, far over the pixel cap */
    private static final int WIDE_SIDE = 5000;
    private static final int WIDE_COUNT = 2;
    /** a FIFO nobody writes to must be refused at once, not waited on */
    private static final Duration PIPE_REFUSAL_LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void readsPlainImagesWithExactPixels() throws Exception {
        var file = write(folder, IMAGES_NAME, images(COUNT, ROWS, COLUMNS, PIXELS));

        assertExpectedImages(IdxReader.readImages(file), file.toString());
    }

    @Test
    void readsGzippedImagesWithExactPixels() throws Exception {
        var file = write(folder, IMAGES_NAME + ".gz", gzip(images(COUNT, ROWS, COLUMNS, PIXELS)));

        assertExpectedImages(IdxReader.readImages(file), file.toString());
    }

    @Test
    void gunzipsByContentWhateverTheName() throws Exception {
        var gzippedWithoutSuffix = write(folder, IMAGES_NAME, gzip(images(COUNT, ROWS, COLUMNS, PIXELS)));
        var plainWithSuffix = write(folder, "plain.gz", images(COUNT, ROWS, COLUMNS, PIXELS));

        assertExpectedImages(IdxReader.readImages(gzippedWithoutSuffix), gzippedWithoutSuffix.toString());
        assertExpectedImages(IdxReader.readImages(plainWithSuffix), plainWithSuffix.toString());
    }

    @Test
    void readsImagesFromAStreamUnderItsDisplayName() throws Exception {
        var in = new ByteArrayInputStream(gzip(images(COUNT, ROWS, COLUMNS, PIXELS)));

        assertExpectedImages(IdxReader.readImages(in, "/data/images.gz"), "/data/images.gz");
    }

    @Test
    void readsPlainAndGzippedLabels() throws Exception {
        var plain = write(folder, LABELS_NAME, labels(LABELS));
        var gzipped = write(folder, LABELS_NAME + ".gz", gzip(labels(LABELS)));

        assertArrayEquals(LABELS, IdxReader.readLabels(plain, CLASSES).labels());
        assertArrayEquals(LABELS, IdxReader.readLabels(gzipped, CLASSES).labels());
        assertEquals(gzipped.toString(), IdxReader.readLabels(gzipped, CLASSES).source());
    }

    static Stream<Arguments> defectiveImageFiles() {
        var valid = images(COUNT, ROWS, COLUMNS, PIXELS);
        var missingLastPixel = Arrays.copyOf(valid, valid.length - 1);
        var validGzip = gzip(valid);
        return Stream.of(
                Arguments.of("label file given as images", labels(LABELS), "wrong magic number"),
                Arguments.of("unknown magic", concat(header(0x12345678, COUNT, ROWS, COLUMNS), new byte[12]), "magic"),
                Arguments.of("fewer pixels than declared", missingLastPixel, "truncated"),
                Arguments.of("gzip of fewer pixels than declared", gzip(missingLastPixel), "truncated"),
                Arguments.of("gzip stream cut short", Arrays.copyOf(validGzip, validGzip.length / 2), "truncated"),
                Arguments.of("header cut after two sizes", header(IdxReader.IMAGES_MAGIC, COUNT, ROWS), "truncated"),
                Arguments.of("shorter than a magic number", new byte[] {0, 0}, "truncated"),
                Arguments.of("more pixels than declared", concat(valid, new byte[] {7}), "extra bytes"),
                Arguments.of("empty file", new byte[0], "empty"),
                Arguments.of("gzip of nothing", gzip(new byte[0]), "empty"),
                Arguments.of("zero images declared", images(0, ROWS, COLUMNS), "empty"),
                Arguments.of("zero rows declared", images(COUNT, 0, COLUMNS), "zero size"),
                Arguments.of("sizes whose product overflows", header(IdxReader.IMAGES_MAGIC, ALL_BITS, ALL_BITS, ALL_BITS),
                        "too large"),
                Arguments.of("images over the pixel cap", header(IdxReader.IMAGES_MAGIC, WIDE_COUNT, WIDE_SIDE, WIDE_SIDE),
                        "at most 65,536 pixels per image"),
                Arguments.of("sizes over the cap", images(OVER_CAP_COUNT, OVER_CAP_SIDE, OVER_CAP_SIDE), "too large"),
                Arguments.of("gzip whose header promises far more than it holds",
                        gzip(images(LYING_COUNT, MNIST_SIDE, MNIST_SIDE, PIXELS)), "truncated"),
                Arguments.of("corrupt gzip data", concat(Arrays.copyOf(validGzip, 10), new byte[] {-1, -1, -1, -1}),
                        "corrupt gzip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defectiveImageFiles")
    void defectiveImageFileGivesOneLineMessageNamingIt(String defect, byte[] content, String problem) throws Exception {
        var file = write(folder, IMAGES_NAME, content);

        assertInvalid(() -> IdxReader.readImages(file), file.toString(), problem);
    }

    @Test
    void labelFileGivenAsLabelsOfAnImageFileSaysWhichKindItIs() throws Exception {
        var file = write(folder, LABELS_NAME, images(COUNT, ROWS, COLUMNS, PIXELS));

        assertInvalid(() -> IdxReader.readLabels(file, CLASSES), file.toString(), "this is an IDX image file");
    }

    @Test
    void labelAtOrAboveClassCountIsOutOfRange() throws Exception {
        var file = write(folder, LABELS_NAME, labels(0, CLASSES));

        var error = assertInvalid(() -> IdxReader.readLabels(file, CLASSES), file.toString(), "out of range");
        assertTrue(error.getMessage().contains("label " + CLASSES + " at index 1"), error.getMessage());
    }

    @Test
    void directoryIsNotAFile() throws Exception {
        var directory = Files.createDirectory(folder.resolve(IMAGES_NAME));

        assertInvalid(() -> IdxReader.readImages(directory), directory.toString(), "is a folder, not a file");
    }

    @Test
    void namedPipeIsRefusedWithoutWaitingForData() throws Exception {
        var pipe = NamedPipe.create(folder, IMAGES_NAME);

        assertTimeoutPreemptively(PIPE_REFUSAL_LIMIT,
                () -> assertInvalid(() -> IdxReader.readImages(pipe), pipe.toString(), "not a regular file"));
    }

    @Test
    void missingFileIsNotFound() {
        var missing = folder.resolve(IMAGES_NAME);

        assertInvalid(() -> IdxReader.readImages(missing), missing.toString(), "not found");
    }

    @Test
    void unreadableFileSaysPermissionDenied() throws Exception {
        var file = write(folder, IMAGES_NAME, images(COUNT, ROWS, COLUMNS, PIXELS));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running with rights that read any file");

        assertInvalid(() -> IdxReader.readImages(file), file.toString(), "permission denied");
    }

    @Test
    void failingStreamCannotBeRead() {
        var failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device\nunplugged");
            }
        };

        assertInvalid(() -> IdxReader.readImages(failing, IMAGES_NAME), IMAGES_NAME, "cannot be read (device unplugged)");
    }

    @Test
    void mismatchedImageAndLabelCountsNameBothFiles() throws Exception {
        var images = IdxReader.readImages(write(folder, IMAGES_NAME, images(COUNT, ROWS, COLUMNS, PIXELS)));
        var labels = IdxReader.readLabels(write(folder, LABELS_NAME, labels(LABELS[0])), CLASSES);

        var error = assertInvalid(() -> images.withLabels(labels), images.source(), "counts must match");
        assertTrue(error.getMessage().contains(labels.source()), error.getMessage());
    }

    private static void assertExpectedImages(IdxImages images, String source) {
        assertEquals(source, images.source());
        assertEquals(COUNT, images.count());
        assertEquals(ROWS, images.rows());
        assertEquals(COLUMNS, images.columns());
        assertArrayEquals(scaled(PIXELS), images.pixels());
        assertEquals(0f, images.pixels()[0]);
        assertEquals(1f, images.pixels()[5]);
    }
}
