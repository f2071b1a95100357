// The .npy reader and writer: round trips, NumPy's header layout, and one-line errors for bad files.
package org.shiftscope.model.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyTest {
    /** NumPy pads the magic, version, length and header to a multiple of 64 bytes. */
    static final int ALIGNMENT = 64;
    /** the data of one float64 value */
    static final byte[] ONE_VALUE = new byte[Double.BYTES];
    /** a FIFO nobody writes to must be refused at once, not waited on */
    static final Duration PIPE_REFUSAL_LIMIT = Duration.ofSeconds(10);

    @Test
    void doublesAndLongsRoundTripWithNumpysHeaderLayout(@TempDir Path dir) throws IOException {
        double[] values = {1.5, -2.25, Math.PI, 0, 1e-300, 6};
        Path matrix = dir.resolve("m.npy");
        Npy.writeDoubles(matrix, values, 2, 3);
        var read = Npy.read(matrix);
        assertArrayEquals(new long[]{2, 3}, read.shape());
        assertArrayEquals(values, read.values());
        byte[] bytes = Files.readAllBytes(matrix);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertEquals(0, (10 + headerLength) % ALIGNMENT);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);

        Path vector = dir.resolve("v.npy");
        Npy.writeLongs(vector, new long[]{3, 1, 4}, 3);
        var labels = Npy.read(vector);
        assertArrayEquals(new long[]{3}, labels.shape());
        assertArrayEquals(new double[]{3, 1, 4}, labels.values());
        assertTrue(new String(Files.readAllBytes(vector), StandardCharsets.US_ASCII).contains("'shape': (3,)"));
    }

    @Test
    void badFilesGiveOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        Path good = dir.resolve("good.npy");
        Npy.writeDoubles(good, new double[]{1, 2, 3, 4}, 4);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.npy");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 8));
        assertMessage(truncated, "data bytes");

        Path notNpy = dir.resolve("text.npy");
        Files.writeString(notNpy, "hello, world");
        assertMessage(notNpy, "bad magic");

        Path wrongType = dir.resolve("complex.npy");
        Files.write(wrongType, new String(bytes, StandardCharsets.ISO_8859_1).replace("<f8", "<c8")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertMessage(wrongType, "not supported");
    }

    @Test
    void shapesThatCannotBeAllocatedAreRefusedNamingTheFile(@TempDir Path dir) throws IOException {
        assertMessage(withShape(dir, "huge.npy", "(99999999999999999999,)"), "must list sizes");
        assertMessage(withShape(dir, "negative.npy", "(-1,)"), "must list sizes");
        assertMessage(withShape(dir, "product.npy", "(100000, 100000)"), "too large");
        assertMessage(withShape(dir, "lying.npy", "(1000,)"), "header promises 8000");
    }

    @Test
    void foldersAndPipesAreRefusedBeforeOpening(@TempDir Path dir) throws Exception {
        assertMessage(Files.createDirectory(dir.resolve("folder.npy")), "is a folder");
        Path pipe = NamedPipe.create(dir, "pipe.npy");
        assertTimeoutPreemptively(PIPE_REFUSAL_LIMIT, () -> assertMessage(pipe, "not a regular file"));
    }

    /** A float64 .npy file holding {@link #ONE_VALUE} whose header declares {@code shape}. */
    private static Path withShape(Path dir, String name, String shape) throws IOException {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }\n";
        var out = new ByteArrayOutputStream();
        out.write(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        out.write(ONE_VALUE);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static void assertMessage(Path file, String problem) {
        var error = assertThrows(IOException.class, () -> Npy.read(file));
        assertTrue(error.getMessage().contains(file.getFileName().toString()), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
        assertEquals(1, error.getMessage().lines().count());
    }
}
