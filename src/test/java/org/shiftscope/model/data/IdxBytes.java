// Builds small IDX files byte by byte for the data tests (format: LeCun's MNIST page,
// http://yann.lecun.com/exdb/mnist/), plain or gzipped, and checks the one-line errors loading them gives.
package org.shiftscope.model.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.function.Executable;

final class IdxBytes {
    private IdxBytes() {
    }

    static byte[] header(int magic, int... sizes) {
        var buffer = ByteBuffer.allocate(Integer.BYTES * (1 + sizes.length)).putInt(magic);
        for (int size : sizes) {
            buffer.putInt(size);
        }
        return buffer.array();
    }

    static byte[] images(int count, int rows, int columns, int... pixels) {
        return concat(header(IdxReader.IMAGES_MAGIC, count, rows, columns), unsignedBytes(pixels));
    }

    static byte[] labels(int... labels) {
        return concat(header(IdxReader.LABELS_MAGIC, labels.length), unsignedBytes(labels));
    }

    /** The pixels as IdxReader must return them: each byte divided by 255. */
    static float[] scaled(int... pixels) {
        var scaled = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            scaled[i] = pixels[i] / 255f;
        }
        return scaled;
    }

    static byte[] unsignedBytes(int... values) {
        var bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        var out = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path folder, String name, byte[] data) throws IOException {
        return Files.write(folder.resolve(name), data);
    }

    /** Asserts loading fails with a one-line message naming {@code fileName} and containing {@code problem}. */
    static InvalidDataException assertInvalid(Executable load, String fileName, String problem) {
        var error = assertThrows(InvalidDataException.class, load);
        var message = error.getMessage();
        assertTrue(message.contains(fileName), () -> "message should name " + fileName + ": " + message);
        assertTrue(message.contains(problem), () -> "message should say " + problem + ": " + message);
        assertFalse(message.contains("\n") || message.contains("\r"), () -> "message should be one line: " + message);
        return error;
    }
}
