// What one press of Perturb asks for (Page, "How to train your ResNet 7"): a direction, the class whose mean
// logit's gradient it is (for that direction), and the length of the move as a fraction of the weights' norm.
package org.shiftscope.model.shift;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * @param direction  what to move the weights along
 * @param classIndex the class of a class-mean direction (ignored by the others), from 0
 * @param fraction   ‖step‖/‖w‖, in (0, {@link #MAX_FRACTION}]; Page moved by 1%
 * @param seed       seed of a random direction (ignored by the others)
 */
public record PerturbationRequest(PerturbationDirection direction, int classIndex, double fraction, long seed) {
    /** Page's step: 1% of the weights' norm. */
    public static final double DEFAULT_FRACTION = 0.01;
    /** A move of half the weights' norm is no longer a perturbation. */
    public static final double MAX_FRACTION = 0.5;

    public PerturbationRequest {
        if (direction == null) {
            throw new IllegalArgumentException("a perturbation needs a direction");
        }
        if (classIndex < 0) {
            throw new IllegalArgumentException("the class must be 0 or more (got " + classIndex + ")");
        }
        if (!(fraction > 0 && fraction <= MAX_FRACTION)) {
            throw new IllegalArgumentException("the step must be more than 0 and at most " + 100 * MAX_FRACTION
                    + "% of the weights' norm (got " + 100 * fraction + "%)");
        }
    }

    /** "1% along v1", "2% along ∂ mean logit 3", "0.5% along a random direction". */
    public String describe() {
        String percent = new BigDecimal(String.format(Locale.ROOT, "%.3g", 100 * fraction))
                .stripTrailingZeros().toPlainString();
        return percent + "% along " + direction.brief() + (direction == PerturbationDirection.CLASS_MEAN ? " " + classIndex : "");
    }
}
