// The three Batch Normalization modes the user switches between (docs/science.md, "BN modes"):
// off = no normalisation; on = mini-batch statistics (Ioffe & Szegedy 2015); frozen = running statistics.
package org.shiftscope.model.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum BnMode {
    /** No normalisation: BN layers are bypassed and their parameters take no part in training. */
    OFF,
    /** Train mode: every forward pass normalises with the statistics of its own mini-batch. */
    ON,
    /** The same weights normalised with population (running) statistics: a fixed affine map per unit. */
    FROZEN;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static BnMode parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
