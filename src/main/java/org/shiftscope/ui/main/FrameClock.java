// The window's frame loop: an AnimationTimer that runs the view's frame work once per pulse, shows the frame
// rate in the status bar and logs it, with the time the frame work took, every 600 frames.
package org.shiftscope.ui.main;

import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.function.LongSupplier;

final class FrameClock extends AnimationTimer {
    private static final Logger LOG = LoggerFactory.getLogger(FrameClock.class);
    /** Frames between two frame-rate lines in the log. */
    private static final int LOG_EVERY = 600;
    /** Frames between two updates of the frame-rate label. */
    private static final int LABEL_EVERY = 30;
    private final Runnable frame;
    private final LongSupplier steps;
    private final Label label;
    private final FrameRate fps = new FrameRate();
    private long frames;
    private long workNanos;

    FrameClock(Runnable frame, LongSupplier steps, Label label) {
        this.frame = frame;
        this.steps = steps;
        this.label = label;
        label.setId("fps");
        label.setMinWidth(Region.USE_PREF_SIZE);
    }

    @Override
    public void handle(long now) {
        long started = System.nanoTime();
        frames++;
        fps.record(now);
        if (frames % LABEL_EVERY == 0) {
            label.setText(String.format("%.0f fps", fps.perSecond()));
        }
        if (frames % LOG_EVERY == 0) {
            LOG.info("{} frames drawn, {} fps over the last second, frame interval median {} ms, p99 {} ms, "
                            + "{} ms per frame in the chart update, {} steps", frames,
                    String.format(Locale.ROOT, "%.1f", fps.perSecond()),
                    String.format(Locale.ROOT, "%.1f", fps.intervalPercentileMs(0.5)),
                    String.format(Locale.ROOT, "%.1f", fps.intervalPercentileMs(0.99)),
                    String.format(Locale.ROOT, "%.2f", workNanos / 1e6 / LOG_EVERY), steps.getAsLong());
            workNanos = 0;
        }
        frame.run();
        workNanos += System.nanoTime() - started;
    }
}
