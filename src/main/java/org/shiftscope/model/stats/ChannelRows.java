// Lays a convolution's activations out for per-channel statistics (Ioffe & Szegedy 2015, Section 3.2: a
// channel's statistics run over batch × height × width): one row per example and pixel, one column per channel.
package org.shiftscope.model.stats;

public final class ChannelRows {
    private ChannelRows() {
    }

    /**
     * @param values row-major (batch, channels·area), channel-major within each row
     * @return row-major (batch·area, channels); {@code values} itself when area is 1
     */
    public static double[] of(double[] values, int batch, int channels, int area) {
        if (area == 1) {
            return values;
        }
        var rows = new double[values.length];
        for (int b = 0; b < batch; b++) {
            int example = b * channels * area;
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < area; p++) {
                    rows[(example + p * channels) + c] = values[example + c * area + p];
                }
            }
        }
        return rows;
    }
}
