// The outcome of one perturbation of a run's weights, tied to the weights it moved (generation and step) and the
// BN mode it predicted in: the classes predicted on the evaluation set before and after. Immutable once made.
package org.shiftscope.model.shift;

import org.shiftscope.model.net.BnMode;

import java.util.Arrays;

/**
 * @param step       training step whose weights were moved (a copy; the run's own weights never moved)
 * @param generation the trainer's rebuild counter of those weights
 * @param bnMode     the BN mode of the predictions (the run's live mode)
 * @param request    what was asked for
 * @param before     examples predicted as each class at the weights of {@code step}
 * @param after      the same at the moved weights
 * @param stepNorm   the length of the move ‖Δw‖
 */
public record PerturbationReport(long step, long generation, BnMode bnMode, PerturbationRequest request, int[] before,
                                 int[] after, double stepNorm) {
    public PerturbationReport {
        before = before.clone();
        after = after.clone();
    }

    @Override
    public int[] before() {
        return before.clone();
    }

    @Override
    public int[] after() {
        return after.clone();
    }

    /** The evaluation set's size: the counts of either histogram add up to it. */
    public int examples() {
        return Arrays.stream(before).sum();
    }

    /** The class predicted most after the move. */
    public int topClassAfter() {
        int best = 0;
        for (int c = 1; c < after.length; c++) {
            best = after[c] > after[best] ? c : best;
        }
        return best;
    }

    /** The share of the set predicted as {@code c} before (false) or after (true) the move, in [0, 1]. */
    public double share(int c, boolean moved) {
        return (double) (moved ? after[c] : before[c]) / Math.max(1, examples());
    }
}
