// A change a chart must show where it happened: a BN mode switch, a new learning rate, momentum or weight
// decay, weights moved by a kept perturbation, with who made it (user, scenario, stress test), or the divergence
// that ended the run. Charts draw events as labelled markers; exports write them to events.csv.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.net.Normalization;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * @param step   steps taken when the change applied (it applies from step + 1 on); the divergent step for DIVERGED
 * @param kind   what changed
 * @param from   the old value as text ("on", "0.1"), empty for a divergence and for moved weights
 * @param to     the new value as text ("frozen", "3.16"), how the weights moved ("1% along v1"), or why the run
 *               diverged
 * @param cause  who made the change
 */
public record RunEvent(long step, Kind kind, String from, String to, Cause cause) {
    public enum Kind {
        BN_MODE("BN"), LEARNING_RATE("η"), MOMENTUM("β"), WEIGHT_DECAY("weight decay"), WEIGHTS("weights moved"),
        DIVERGED("diverged");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        /** "η", "β", …; a mode switch is named by the network's normalisation ("BN", "LayerNorm"). */
        public String symbol(Normalization normalization) {
            return this == BN_MODE ? normalization.shortName() : symbol;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Who changed the settings. */
    public enum Cause {
        USER, SCENARIO, STRESS_TEST, TRAINING;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The events that take {@code before} to {@code after}, one per changed setting, BN mode first. */
    public static List<RunEvent> between(long step, LiveSettings before, LiveSettings after, Cause cause) {
        var events = new ArrayList<RunEvent>();
        if (before.bnMode() != after.bnMode()) {
            events.add(new RunEvent(step, Kind.BN_MODE, before.bnMode().label(), after.bnMode().label(), cause));
        }
        if (before.learningRate() != after.learningRate()) {
            events.add(new RunEvent(step, Kind.LEARNING_RATE, number(before.learningRate()), number(after.learningRate()), cause));
        }
        if (before.momentum() != after.momentum() || before.nesterov() != after.nesterov()) {
            events.add(new RunEvent(step, Kind.MOMENTUM, momentum(before), momentum(after), cause));
        }
        if (before.weightDecay() != after.weightDecay()) {
            events.add(new RunEvent(step, Kind.WEIGHT_DECAY, number(before.weightDecay()), number(after.weightDecay()), cause));
        }
        return events;
    }

    public static RunEvent diverged(Divergence divergence) {
        return new RunEvent(divergence.step(), Kind.DIVERGED, "", divergence.reason(), Cause.TRAINING);
    }

    /** "BN on → frozen" ("LayerNorm off → on" for a LayerNorm network), "η 0.1 → 3.16", "weights moved 1% along v1", "diverged". */
    public String describe(Normalization normalization) {
        return switch (kind) {
            case DIVERGED -> "diverged";
            case WEIGHTS -> kind.symbol + " " + to;
            default -> kind.symbol(normalization) + " " + from + " → " + to;
        };
    }

    private static String momentum(LiveSettings s) {
        return number(s.momentum()) + (s.nesterov() && s.momentum() > 0 ? " (Nesterov)" : "");
    }

    /** Four significant digits, no trailing zeros: the way the controls show a value. */
    public static String number(double value) {
        return new BigDecimal(String.format(Locale.ROOT, "%.4g", value)).stripTrailingZeros().toPlainString();
    }
}
