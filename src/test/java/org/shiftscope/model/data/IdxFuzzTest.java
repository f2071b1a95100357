// Seeded random mutations of valid IDX files (bit flips, truncation, inserted and deleted bytes, lying
// header fields, headers claiming huge images, gzip wrapping): every case either loads consistently or fails with
// InvalidDataException whose message is one line naming the source — never another exception, a hang or a huge
// allocation — and all cases together finish within a fixed time.
package org.shiftscope.model.data;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class IdxFuzzTest {
    static final int CASES = 4000;
    static final long SEED = 20261127L;
    static final int CLASSES = 10;
    static final String SOURCE = "fuzzed-file";
    /** all cases together; a few seconds on a slow machine */
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    /** byte offsets of an image file's row and column sizes */
    private static final int ROWS_OFFSET = 8;
    private static final int COLUMNS_OFFSET = 12;
    /** image sides a lying header may claim: at, just over and far over the pixel cap, and the unsigned maximum */
    private static final int[] HUGE_SIDES = {256, 257, 5000, 65_536, 0xFFFFFFFF};

    /** One seeded mutation of {@code valid}, an IDX file of either kind. */
    static byte[] mutate(byte[] valid, Random random) throws IOException {
        byte[] b = valid.clone();
        switch (random.nextInt(8)) {
            case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));        // bit flip
            case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));                         // truncate
            case 2 -> {                                                                       // lying header field
                int field = random.nextInt(Math.min(4, b.length / 4));
                ByteBuffer.wrap(b).putInt(4 * field, random.nextBoolean() ? random.nextInt() : random.nextInt(100));
            }
            case 3 -> {                                                                       // extra bytes
                byte[] extra = new byte[1 + random.nextInt(16)];
                random.nextBytes(extra);
                b = IdxBytes.concat(b, extra);
            }
            case 4 -> {                                                                       // delete a run
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(8));
                b = IdxBytes.concat(Arrays.copyOf(b, from), Arrays.copyOfRange(b, to, b.length));
            }
            case 5 -> {                                                                       // claims huge images
                if (b.length >= COLUMNS_OFFSET + Integer.BYTES) {
                    ByteBuffer.wrap(b).putInt(ROWS_OFFSET, HUGE_SIDES[random.nextInt(HUGE_SIDES.length)])
                            .putInt(COLUMNS_OFFSET, HUGE_SIDES[random.nextInt(HUGE_SIDES.length)]);
                }
            }
            case 6 -> {                                                                       // random garbage
                b = new byte[random.nextInt(64)];
                random.nextBytes(b);
            }
            default -> {                                                                      // gzip, then maybe cut
                var out = new ByteArrayOutputStream();
                try (var gz = new GZIPOutputStream(out)) {
                    gz.write(b);
                }
                b = out.toByteArray();
                if (random.nextBoolean()) {
                    b = Arrays.copyOf(b, random.nextInt(b.length));
                }
            }
        }
        return b;
    }

    @Test
    void mutatedImageAndLabelFilesFailCleanlyOrLoadConsistently() {
        assertTimeoutPreemptively(TIME_LIMIT, IdxFuzzTest::fuzzStreams);
    }

    private static void fuzzStreams() throws IOException {
        var random = new Random(SEED);
        byte[] images = IdxBytes.images(3, 2, 2, 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 255);
        byte[] labels = IdxBytes.labels(1, 9, 0);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            boolean imageFile = i % 2 == 0;
            byte[] mutated = mutate(imageFile ? images : labels, random);
            try {
                if (imageFile) {
                    var loaded = IdxReader.readImages(new ByteArrayInputStream(mutated), SOURCE);
                    assertEquals((long) loaded.count() * loaded.rows() * loaded.columns(), loaded.pixels().length);
                    assertTrue(loaded.pixelsPerImage() <= IdxReader.MAX_PIXELS_PER_IMAGE, "images stay under the cap");
                    for (float p : loaded.pixels()) {
                        assertTrue(p >= 0 && p <= 1, "pixels stay in [0, 1]");
                    }
                } else {
                    var loaded = IdxReader.readLabels(new ByteArrayInputStream(mutated), SOURCE, CLASSES);
                    for (int label : loaded.labels()) {
                        assertTrue(label >= 0 && label < CLASSES, "labels stay in range");
                    }
                }
            } catch (InvalidDataException e) {
                rejected++;
                assertTrue(e.getMessage().contains(SOURCE), "names the file: " + e.getMessage());
                assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("case " + i + " threw " + e + " for bytes " + Arrays.toString(Arrays.copyOf(mutated, 32)));
            }
        }
        assertTrue(rejected > CASES / 2, "most mutations are invalid: " + rejected);
    }
}
