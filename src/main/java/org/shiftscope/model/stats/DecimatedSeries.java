// A bounded history of (x, y) points that never drops what a chart must show: min–max decimation in buckets
// that double in width as the run grows (Jugel et al. 2014, "M4"), always keeping the first and latest points,
// every extreme and every pinned point (a divergence, the ends of a line broken at a BN switch).
package org.shiftscope.model.stats;

import java.util.Arrays;

public final class DecimatedSeries {
    private final int capacity;
    // Points of finished buckets, in the order offered: x, y, index among the points offered, pinned.
    private double[] xs;
    private double[] ys;
    private long[] indices;
    private boolean[] pins;
    private int size;
    // The bucket still filling, raw: the latest point is always among them.
    private double[] openXs;
    private double[] openYs;
    private long[] openIndices;
    private boolean[] openPins;
    private int openSize;
    private long width = 1;
    private long offered;

    /** @param capacity points of finished buckets kept before the buckets widen (even, at least 4) */
    public DecimatedSeries(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4");
        }
        this.capacity = capacity;
        xs = new double[capacity];
        ys = new double[capacity];
        indices = new long[capacity];
        pins = new boolean[capacity];
        openXs = new double[2];
        openYs = new double[2];
        openIndices = new long[2];
        openPins = new boolean[2];
    }

    /** Offers a point (y may be NaN only when pinned: a break in the line). */
    public void add(double x, double y) {
        add(x, y, false);
    }

    /** Offers a point that thinning must keep whatever its value: a divergence, a break, the ends of a segment. */
    public void addPinned(double x, double y) {
        add(x, y, true);
    }

    private void add(double x, double y, boolean pinned) {
        long index = offered++;
        if (openSize > 0 && index / width != openIndices[0] / width) {
            closeOpenBucket();
        }
        if (openSize == openXs.length) {
            int grown = openXs.length * 2;
            openXs = Arrays.copyOf(openXs, grown);
            openYs = Arrays.copyOf(openYs, grown);
            openIndices = Arrays.copyOf(openIndices, grown);
            openPins = Arrays.copyOf(openPins, grown);
        }
        openXs[openSize] = x;
        openYs[openSize] = y;
        openIndices[openSize] = index;
        openPins[openSize] = pinned || index == 0;     // the first point of the run stays
        openSize++;
    }

    /** Pins the latest point offered (the last one before a break), if any. */
    public void pinLatest() {
        if (openSize > 0) {
            openPins[openSize - 1] = true;
        }
    }

    private void closeOpenBucket() {
        int from = 0;
        while (from < openSize) {
            append(openXs[from], openYs[from], openIndices[from], openPins[from]);
            from++;
        }
        openSize = 0;
        reduceFrom(size - countBucket(size - 1));
        while (size > capacity) {
            int before = size;
            width *= 2;
            mergeBuckets();
            if (size == before) {
                break;                          // only pinned points left to keep: let the series grow
            }
        }
    }

    /** How many kept points at the end of the finished points share the bucket of point {@code last}. */
    private int countBucket(int last) {
        long bucket = indices[last] / width;
        int n = 0;
        while (last - n >= 0 && indices[last - n] / width == bucket) {
            n++;
        }
        return n;
    }

    /** Rebuckets every finished point at the current width, each bucket reduced to its extremes and pins. */
    private void mergeBuckets() {
        int read = 0;
        int end = size;
        size = 0;
        while (read < end) {
            int start = read;
            long bucket = indices[read] / width;
            while (read < end && indices[read] / width == bucket) {
                read++;
            }
            int first = size;
            for (int i = start; i < read; i++) {
                xs[size] = xs[i];
                ys[size] = ys[i];
                indices[size] = indices[i];
                pins[size] = pins[i];
                size++;
            }
            reduceFrom(first);
        }
    }

    /** Reduces the points from {@code first} to the end (one bucket) to its lowest, highest and pinned points. */
    private void reduceFrom(int first) {
        int lowest = -1;
        int highest = -1;
        for (int i = first; i < size; i++) {
            if (!pins[i] && Double.isFinite(ys[i])) {
                if (lowest < 0 || ys[i] < ys[lowest]) {
                    lowest = i;
                }
                if (highest < 0 || ys[i] > ys[highest]) {
                    highest = i;
                }
            }
        }
        int write = first;
        for (int i = first; i < size; i++) {
            if (pins[i] || i == lowest || i == highest) {
                xs[write] = xs[i];
                ys[write] = ys[i];
                indices[write] = indices[i];
                pins[write] = pins[i];
                write++;
            }
        }
        size = write;
    }

    private void append(double x, double y, long index, boolean pinned) {
        if (size == xs.length) {
            int grown = xs.length + capacity / 2;
            xs = Arrays.copyOf(xs, grown);
            ys = Arrays.copyOf(ys, grown);
            indices = Arrays.copyOf(indices, grown);
            pins = Arrays.copyOf(pins, grown);
        }
        xs[size] = x;
        ys[size] = y;
        indices[size] = index;
        pins[size] = pinned;
        size++;
    }

    public void clear() {
        size = 0;
        openSize = 0;
        width = 1;
        offered = 0;
    }

    /** Points shown: at most capacity plus three (the filling bucket's extremes and latest), plus pinned points. */
    public int size() {
        return size + openShown().length;
    }

    /** Points offered per finished bucket (grows as the run does). */
    public long bucketWidth() {
        return width;
    }

    public double[] xs() {
        return shown(xs, openXs);
    }

    public double[] ys() {
        return shown(ys, openYs);
    }

    private double[] shown(double[] finished, double[] filling) {
        int[] open = openShown();
        var out = Arrays.copyOf(finished, size + open.length);
        for (int i = 0; i < open.length; i++) {
            out[size + i] = filling[open[i]];
        }
        return out;
    }

    /** The filling bucket's points that are shown: its lowest, highest, pinned and latest, in order. */
    private int[] openShown() {
        int lowest = -1;
        int highest = -1;
        for (int i = 0; i < openSize; i++) {
            if (Double.isFinite(openYs[i])) {
                lowest = lowest < 0 || openYs[i] < openYs[lowest] ? i : lowest;
                highest = highest < 0 || openYs[i] > openYs[highest] ? i : highest;
            }
        }
        int n = 0;
        var kept = new int[openSize];
        for (int i = 0; i < openSize; i++) {
            if (openPins[i] || i == lowest || i == highest || i == openSize - 1) {
                kept[n++] = i;
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /** The y of the latest point offered, or NaN when empty. */
    public double lastY() {
        return openSize > 0 ? openYs[openSize - 1] : size > 0 ? ys[size - 1] : Double.NaN;
    }
}
