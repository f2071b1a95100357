// Weight initialisation schemes: He et al. 2015 (arXiv 1502.01852) for ReLU-like units,
// Glorot & Bengio 2010 ("Xavier") for symmetric saturating units. Both draw zero-mean Gaussians.
package org.shiftscope.model.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum Initialization {
    /** std = sqrt(2 / fanIn): keeps the second moment of ReLU activations constant with depth. */
    HE,
    /** std = sqrt(2 / (fanIn + fanOut)): balances forward and backward variance for tanh-like units. */
    XAVIER;

    public double standardDeviation(int fanIn, int fanOut) {
        return switch (this) {
            case HE -> Math.sqrt(2.0 / fanIn);
            case XAVIER -> Math.sqrt(2.0 / (fanIn + fanOut));
        };
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Initialization parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
