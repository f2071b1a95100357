// A bounded history of (x, y) points for live charts: when full it keeps every other point and from then
// on accepts one point in two (the stride doubles), so memory stays bounded and the whole run stays visible
// at an even resolution, however long it trains.
package org.shiftscope.model.stats;

import java.util.Arrays;

public final class DecimatedSeries {
    private final int capacity;
    private double[] xs;
    private double[] ys;
    private int size;
    private long stride = 1;
    private long offered;

    /** @param capacity at most this many points are kept (even, at least 2) */
    public DecimatedSeries(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 2");
        }
        this.capacity = capacity;
        this.xs = new double[capacity];
        this.ys = new double[capacity];
    }

    /** Offers a point; it is kept if it falls on the current stride. */
    public void add(double x, double y) {
        if (offered++ % stride != 0) {
            return;
        }
        if (size == capacity) {
            for (int i = 0; i < capacity / 2; i++) {
                xs[i] = xs[2 * i];
                ys[i] = ys[2 * i];
            }
            size = capacity / 2;
            stride *= 2;
            if ((offered - 1) % stride != 0) {
                return;
            }
        }
        xs[size] = x;
        ys[size] = y;
        size++;
    }

    public void clear() {
        size = 0;
        stride = 1;
        offered = 0;
    }

    public int size() {
        return size;
    }

    public double[] xs() {
        return Arrays.copyOf(xs, size);
    }

    public double[] ys() {
        return Arrays.copyOf(ys, size);
    }

    /** The last y offered and kept, or NaN when empty. */
    public double lastY() {
        return size == 0 ? Double.NaN : ys[size - 1];
    }
}
