// A bounded history of per-step vectors (one value per layer) for the layers × steps heatmap that covers the
// whole run: when full, neighbouring columns are merged into their step-weighted mean, so a column stands for
// more and more steps as the run grows, at an even resolution, and the first steps never scroll away.
package org.shiftscope.model.stats;

import java.util.Arrays;

public final class ColumnHistory {
    private final int capacity;
    private final double[][] sums;     // per column, the sum of the vectors merged into it
    private final long[] firstSteps;
    private final long[] counts;
    private int size;
    private long width = 1;            // steps per finished column

    /** @param capacity columns kept (even, at least 2) */
    public ColumnHistory(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 2");
        }
        this.capacity = capacity;
        sums = new double[capacity][];
        firstSteps = new long[capacity];
        counts = new long[capacity];
    }

    public void add(long step, double[] column) {
        if (size > 0 && counts[size - 1] < width && sums[size - 1].length == column.length) {
            var sum = sums[size - 1];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += column[i];
            }
            counts[size - 1]++;
            return;
        }
        if (size == capacity) {
            mergePairs();
        }
        sums[size] = column.clone();
        firstSteps[size] = step;
        counts[size] = 1;
        size++;
    }

    private void mergePairs() {
        int half = size / 2;
        for (int c = 0; c < half; c++) {
            var a = sums[2 * c];
            var b = sums[2 * c + 1];
            if (a.length == b.length) {
                for (int i = 0; i < a.length; i++) {
                    a[i] += b[i];
                }
            }
            sums[c] = a;
            firstSteps[c] = firstSteps[2 * c];
            counts[c] = counts[2 * c] + (a.length == b.length ? counts[2 * c + 1] : 0);
        }
        Arrays.fill(sums, half, size, null);
        size = half;
        width *= 2;
    }

    /** The mean vector of each column, oldest first. */
    public double[][] columns() {
        var out = new double[size][];
        for (int c = 0; c < size; c++) {
            out[c] = sums[c].clone();
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] /= counts[c];
            }
        }
        return out;
    }

    /** The first step of each column. */
    public long[] steps() {
        return Arrays.copyOf(firstSteps, size);
    }

    public int size() {
        return size;
    }
}
