// Per-channel rows: each example's channel-major values become one row per pixel with one column per channel.
package org.shiftscope.model.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ChannelRowsTest {
    @Test
    void channelMajorExamplesBecomeOneRowPerPixel() {
        // two examples, two channels, three pixels: value = 100·example + 10·channel + pixel
        double[] values = {0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112};

        assertArrayEquals(new double[]{0, 10, 1, 11, 2, 12, 100, 110, 101, 111, 102, 112},
                ChannelRows.of(values, 2, 2, 3));
    }

    @Test
    void unitsAreAlreadyRows() {
        double[] values = {1, 2, 3, 4};
        assertSame(values, ChannelRows.of(values, 2, 2, 1));
    }
}
