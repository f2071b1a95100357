// Parses IDX image and label files, the big-endian format of the MNIST family described on LeCun's MNIST page
// (http://yann.lecun.com/exdb/mnist/): a magic number 0x000008NN (unsigned bytes, NN dimensions), NN 32-bit sizes,
// then the unsigned bytes. Plain or gzipped; every defect becomes a one-line InvalidDataException naming the file.
package org.shiftscope.model.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

public final class IdxReader {
    /** magic of an image file: unsigned bytes (0x08), three dimensions (count, rows, columns) */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** magic of a label file: unsigned bytes (0x08), one dimension (count) */
    public static final int LABELS_MAGIC = 0x00000801;
    /** most values (pixels or labels) one file may declare; checked before anything is allocated */
    public static final long MAX_VALUES = 100_000_000L;
    /**
     * most pixels (rows × columns) one image may have: admits MNIST (784) and CIFAR-sized (3,072) inputs with room
     * to spare, while keeping the first layer's weights (pixels × width) far below ND4J's int-indexed limits
     */
    public static final int MAX_PIXELS_PER_IMAGE = 1 << 16;
    /** the data buffer starts this small and doubles as bytes actually arrive, so a lying header costs no memory */
    private static final int INITIAL_BUFFER_BYTES = 1 << 20;
    private static final float MAX_PIXEL = 255f;
    private static final int UNSIGNED_BYTE_MASK = 0xFF;

    private IdxReader() {
    }

    /** Reads an image file, plain or gzipped, with pixels scaled to [0, 1]. */
    public static IdxImages readImages(Path file) throws InvalidDataException {
        return IdxInput.fromFile(file, IdxReader::readImages);
    }

    /** Reads a label file, plain or gzipped, whose labels must all be below {@code classes}. */
    public static IdxLabels readLabels(Path file, int classes) throws InvalidDataException {
        return IdxInput.fromFile(file, (in, source) -> readLabels(in, source, classes));
    }

    /** Reads an image file, plain or gzipped, from {@code in} (left open); {@code source} names it in messages. */
    public static IdxImages readImages(InputStream in, String source) throws InvalidDataException {
        try {
            var data = IdxInput.unzipIfGzipped(in);
            var sizes = readHeader(data, source, IMAGES_MAGIC);
            requireImageSize(source, sizes);
            var bytes = readValues(data, source, sizes, "images");
            var pixels = new float[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                pixels[i] = (bytes[i] & UNSIGNED_BYTE_MASK) / MAX_PIXEL;
            }
            return new IdxImages(source, sizes[0], sizes[1], sizes[2], pixels);
        } catch (IOException e) {
            throw IdxInput.readFailure(source, e);
        }
    }

    /** Reads a label file, plain or gzipped, from {@code in} (left open); every label must be below {@code classes}. */
    public static IdxLabels readLabels(InputStream in, String source, int classes) throws InvalidDataException {
        try {
            var data = IdxInput.unzipIfGzipped(in);
            var sizes = readHeader(data, source, LABELS_MAGIC);
            var bytes = readValues(data, source, sizes, "labels");
            var labels = new int[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                labels[i] = bytes[i] & UNSIGNED_BYTE_MASK;
                if (labels[i] >= classes) {
                    throw new InvalidDataException(String.format(
                            "%s holds label %d at index %d, out of range: labels must be below %d, the number of classes",
                            source, labels[i], i, classes));
                }
            }
            return new IdxLabels(source, labels);
        } catch (IOException e) {
            throw IdxInput.readFailure(source, e);
        }
    }

    /** Checks the magic number and returns the dimension sizes that follow it. */
    private static int[] readHeader(InputStream in, String source, int expectedMagic)
            throws IOException, InvalidDataException {
        var magic = new byte[Integer.BYTES];
        int magicBytes = in.readNBytes(magic, 0, magic.length);
        if (magicBytes == 0) {
            throw new InvalidDataException(source + " is empty");
        }
        if (magicBytes < magic.length) {
            throw new InvalidDataException(source + " is truncated: too short to hold an IDX header");
        }
        int foundMagic = ByteBuffer.wrap(magic).getInt();
        if (foundMagic != expectedMagic) {
            throw new InvalidDataException(source + " " + wrongMagic(foundMagic, expectedMagic));
        }
        int dimensions = expectedMagic & UNSIGNED_BYTE_MASK;
        var header = new byte[dimensions * Integer.BYTES];
        if (in.readNBytes(header, 0, header.length) < header.length) {
            throw new InvalidDataException(source + " is truncated: its header ends before its " + dimensions + " sizes");
        }
        var sizes = new int[dimensions];
        ByteBuffer.wrap(header).asIntBuffer().get(sizes);
        return sizes;
    }

    /** Refuses images with more than {@link #MAX_PIXELS_PER_IMAGE} pixels, before any pixel is read. */
    private static void requireImageSize(String source, int[] sizes) throws InvalidDataException {
        long pixels = Integer.toUnsignedLong(sizes[1]) * Integer.toUnsignedLong(sizes[2]);
        if (pixels > MAX_PIXELS_PER_IMAGE) {
            throw new InvalidDataException(String.format(
                    "%s declares images of %s × %s = %,d pixels, too large: at most %,d pixels per image are accepted",
                    source, Integer.toUnsignedString(sizes[1]), Integer.toUnsignedString(sizes[2]), pixels,
                    MAX_PIXELS_PER_IMAGE));
        }
    }

    private static String wrongMagic(int found, int expected) {
        var message = String.format("has the wrong magic number 0x%08X: an IDX %s file starts with 0x%08X",
                found, kind(expected), expected);
        int otherMagic = expected == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC;
        return found == otherMagic ? message + " (this is an IDX " + kind(otherMagic) + " file)" : message;
    }

    private static String kind(int magic) {
        return magic == IMAGES_MAGIC ? "image" : "label";
    }

    /**
     * Reads exactly the bytes the header's sizes promise and checks nothing follows them. The sizes are validated
     * before any allocation, and the buffer grows only as bytes arrive, so a gzip stream whose length is unknown
     * up front costs memory in proportion to what it really holds.
     */
    private static byte[] readValues(InputStream in, String source, int[] sizes, String kind)
            throws IOException, InvalidDataException {
        int expected = valueCount(source, sizes, kind);
        var values = new byte[Math.min(expected, INITIAL_BUFFER_BYTES)];
        int filled = 0;
        while (filled < expected) {
            if (filled == values.length) {
                values = Arrays.copyOf(values, (int) Math.min(expected, 2L * values.length));
            }
            int wanted = values.length - filled;
            int got = in.readNBytes(values, filled, wanted);
            filled += got;
            if (got < wanted) {
                throw new InvalidDataException(String.format(
                        "%s is truncated: its header declares sizes %s, that is %d bytes of %s, but only %d follow",
                        source, shape(sizes), expected, kind, filled));
            }
        }
        if (in.read() >= 0) {
            throw new InvalidDataException(String.format(
                    "%s has extra bytes after the %d its header declares (%s); the header sizes do not match the file",
                    source, expected, shape(sizes)));
        }
        return values;
    }

    /** The number of values the sizes declare, refusing an empty count, a zero size and totals above the cap. */
    private static int valueCount(String source, int[] sizes, String kind) throws InvalidDataException {
        if (sizes[0] == 0) {
            throw new InvalidDataException(source + " is empty: its header declares 0 " + kind);
        }
        long total = 1;
        for (int size : sizes) {
            if (size == 0) {
                throw new InvalidDataException(source + " declares a zero size in its header (" + shape(sizes) + ")");
            }
            total *= Integer.toUnsignedLong(size);
            if (total > MAX_VALUES) {
                throw new InvalidDataException(String.format(
                        "%s declares sizes %s, too large: at most %,d values per file are accepted",
                        source, shape(sizes), MAX_VALUES));
            }
        }
        return (int) total;
    }

    private static String shape(int[] sizes) {
        return Arrays.stream(sizes).mapToObj(Integer::toUnsignedString).collect(Collectors.joining(" × "));
    }
}
