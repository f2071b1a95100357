// The lines that describe a run, written once for the CLI, render and the window: its settings in a
// sentence, the figures' title band, and the stress test's verdict (the largest healthy η).
package org.shiftscope.model.run;

import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.RunEvents;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

public final class RunTexts {
    private RunTexts() {
    }

    /** "depth 8 × width 128 relu, BN on, lr 0.1, momentum 0.0, batch 128, 1000 steps, seed 1". */
    public static String describe(TrainingConfig c) {
        var o = c.optimizer();
        return String.format("%s, %s, lr %s, momentum %s%s, batch %d, %d steps, seed %d",
                network(c), normalization(c, o.bnMode().label()), o.learningRate(), o.momentum(),
                o.nesterov() ? " (Nesterov)" : "", c.batchSize(), c.steps(), c.seed());
    }

    /** "depth 8 × width 128 relu", or "convnet 3 stages × 32 channels relu". */
    public static String network(TrainingConfig c) {
        return sizes(c) + " " + c.activation().label();
    }

    /** "depth 8 × width 128", or "convnet 3 stages × 32 channels". */
    public static String sizes(TrainingConfig c) {
        var architecture = c.network().architecture();
        return architecture.convolutional() ? architecture.label() + " " + depthAndWidth(c) : depthAndWidth(c);
    }

    /** "depth 8 × width 128", or "3 stages × 32 channels" for convnets. */
    private static String depthAndWidth(TrainingConfig c) {
        return String.format(Locale.ROOT, c.network().architecture().convolutional() ? "%d stages × %d channels"
                : "depth %d × width %d", c.depth(), c.width());
    }

    /**
     * "BN on", "BN on (ghost batches of 32)", "BN after the activation on", "LayerNorm on vs off" or "no normalisation":
     * the normalisation in {@code modes}, a mode or "on vs off".
     */
    public static String normalization(TrainingConfig c, String modes) {
        var shape = c.network();
        return switch (shape.normalization()) {
            case BATCH -> "BN " + modes + (shape.ghostBatch() > 0 ? " (ghost batches of " + shape.ghostBatch() + ")" : "");
            case BATCH_POST -> "BN after the activation " + modes
                    + (shape.ghostBatch() > 0 ? " (ghost batches of " + shape.ghostBatch() + ")" : "");
            case LAYER -> "LayerNorm " + modes;
            case GROUP -> "GroupNorm (" + shape.groups() + " groups) " + modes;
            case NONE -> "no normalisation";
        };
    }

    /**
     * "ShiftScope · fashion-mnist · depth 8 × width 128 relu · BN on vs off · η 0.1 · … · step 900 · BN on → frozen at
     * 600": the figures' title band, from the settings the runs started with and the first run's changes. Runs of
     * different networks are named by their labels ("Convnet BN on vs ResNet BN on").
     */
    public static String settingsTitle(List<TrainingConfig> runs, long step, List<RunEvent> events) {
        var c = runs.get(0);
        var o = c.optimizer();
        String changes = RunEvents.headline(events, c.network().normalization());
        boolean sameNetwork = runs.stream().allMatch(r -> r.network().equals(c.network()));
        String normalization = sameNetwork
                ? normalization(c, runs.stream().map(r -> r.optimizer().bnMode().label()).collect(Collectors.joining(" vs ")))
                : runs.stream().map(RunNames::label).collect(Collectors.joining(" vs "));
        return String.format(Locale.ROOT,
                "ShiftScope · %s · %s · %s · η %.4g · β %.2f%s · batch %d · seed %d · step %d%s",
                c.dataset(), sameNetwork ? network(c) : depthAndWidth(c) + " " + c.activation().label(),
                normalization, o.learningRate(),
                o.momentum(), o.nesterov() ? " (Nesterov)" : "", c.batchSize(), c.seed(), step,
                changes.isEmpty() ? "" : " · " + changes);
    }

    /** The largest healthy η as "0.4" (four significant digits), or {@code none} when no stretch was healthy. */
    public static String largestHealthy(double best, String none) {
        return Double.isNaN(best) ? none : String.format(Locale.ROOT, "%.4g", best);
    }

    /** "largest healthy learning rate 0.4", or "… none": the stress test's verdict at the end of a headless run. */
    public static String largestHealthyLine(double best) {
        return "largest healthy learning rate " + largestHealthy(best, "none");
    }

    /** "stress test finished at η = 9.514: largest healthy η = 4.757": the window's message when the test ends. */
    public static String stressFinished(double learningRate, double best) {
        return String.format(Locale.ROOT, "stress test finished at η = %.4g: largest healthy η = %s", learningRate,
                largestHealthy(best, "none"));
    }
}
