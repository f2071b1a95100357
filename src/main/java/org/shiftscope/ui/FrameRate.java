// Frames per second from AnimationTimer pulse times, over a sliding one-second window.
package org.shiftscope.ui;

import java.util.ArrayDeque;

final class FrameRate {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    void record(long now) {
        times.addLast(now);
        while (!times.isEmpty() && now - times.peekFirst() > WINDOW_NANOS) {
            times.removeFirst();
        }
    }

    double perSecond() {
        return times.size() < 2 ? 0 : (times.size() - 1) * 1e9 / (times.peekLast() - times.peekFirst());
    }
}
