// Ghorbani, Krishnan & Xiao's (2019) claims about BN checked against a run, checkpoint by checkpoint: without BN
// the top eigenvalues stand out (λ1/λK) and hold the gradient (‖P_K g‖²/‖g‖²); population statistics bring them back.
package org.shiftscope.model.reproduce.ghorbani;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

public final class PaperClaims {
    /**
     * One claim as a comparison of two nets at each checkpoint where both were measured.
     * @param claim  what the paper says, in a sentence
     * @param held   checkpoints where the measurements agree with it
     * @param failed checkpoints where they do not
     */
    public record Claim(String claim, List<Long> held, List<Long> failed) {
        public Claim {
            held = List.copyOf(held);
            failed = List.copyOf(failed);
        }

        /** "holds at every checkpoint (steps 0, 100)", "holds at step 100; not at step 0", "not tested (…)". */
        public String verdict() {
            if (held.isEmpty() && failed.isEmpty()) {
                return "not tested: no checkpoint measured both nets";
            }
            if (failed.isEmpty()) {
                return "holds at every checkpoint (" + steps(held) + ")";
            }
            if (held.isEmpty()) {
                return "does not hold at any checkpoint (" + steps(failed) + ")";
            }
            return "holds at " + steps(held) + "; not at " + steps(failed);
        }

        private static String steps(List<Long> steps) {
            return (steps.size() == 1 ? "step " : "steps ")
                    + steps.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }

    private PaperClaims() {
    }

    /** The claims the run can test: two always, the third when BN frozen was measured. */
    public static List<Claim> check(GhorbaniResult result) {
        int k = result.classes();
        var claims = new ArrayList<Claim>();
        claims.add(compare(result, "Without BN a few outliers stand above the rest of the spectrum: λ1/λ" + k
                + " is larger without BN than with BN.", NetVariant.NO_BN, NetVariant.BN_ON, Measurement::outlierRatio));
        claims.add(compare(result, "Without BN the gradient concentrates in the top-" + k + " eigenspace: its share "
                + "‖P_K g‖²/‖g‖² is larger without BN than with BN.", NetVariant.NO_BN, NetVariant.BN_ON,
                Measurement::gradientShare));
        if (result.settings().frozen()) {
            claims.add(compare(result, "Population statistics bring the outliers back: λ1/λ" + k
                            + " of the BN net is larger with BN frozen than with batch statistics.",
                    NetVariant.BN_FROZEN, NetVariant.BN_ON, Measurement::outlierRatio));
        }
        return claims;
    }

    /** Where {@code figure} of {@code larger} exceeds that of {@code smaller}; NaN figures are left out. */
    static Claim compare(GhorbaniResult result, String claim, NetVariant larger, NetVariant smaller,
                         ToDoubleFunction<Measurement> figure) {
        var held = new ArrayList<Long>();
        var failed = new ArrayList<Long>();
        for (int checkpoint : result.settings().checkpoints()) {
            var big = result.find(larger, checkpoint);
            var small = result.find(smaller, checkpoint);
            if (big.isEmpty() || small.isEmpty()) {
                continue;
            }
            double a = figure.applyAsDouble(big.get());
            double b = figure.applyAsDouble(small.get());
            if (Double.isNaN(a) || Double.isNaN(b)) {
                continue;
            }
            (a > b ? held : failed).add((long) checkpoint);
        }
        return new Claim(claim, held, failed);
    }
}
