// The normalisation a network has, one choice for all its layers: BatchNorm before the activation (Ioffe &
// Szegedy 2015) or after it (the "post" variant Page tried in "How to train your ResNet"), LayerNorm (Ba et al.
// 2016), GroupNorm (Wu & He 2018) or none. Ghost batches (Hoffer et al. 2017) are a setting of BatchNorm.
package org.shiftscope.model.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum Normalization {
    BATCH("BatchNorm"),
    BATCH_POST("BatchNorm after the activation"),
    LAYER("LayerNorm"),
    GROUP("GroupNorm"),
    NONE("no normalisation");

    private final String title;

    Normalization(String title) {
        this.title = title;
    }

    /** "LayerNorm": how the window and the texts name it. */
    public String title() {
        return title;
    }

    /** Whether it normalises with batch statistics, so that the BN modes (on, frozen) and ghost batches apply. */
    public boolean batchStatistics() {
        return this == BATCH || this == BATCH_POST;
    }

    /**
     * Whether BN mode {@code mode} means something for it: every mode for BatchNorm; off and on for LayerNorm and
     * GroupNorm, which normalise each example by its own statistics and so have nothing to freeze; off alone
     * for none.
     */
    public boolean supports(BnMode mode) {
        return switch (this) {
            case BATCH, BATCH_POST -> true;
            case LAYER, GROUP -> mode != BnMode.FROZEN;
            case NONE -> mode == BnMode.OFF;
        };
    }

    /** Why {@code mode} does not apply, for a message; only call when {@link #supports} is false. */
    public String whyNot(BnMode mode) {
        return this == NONE
                ? "a network without normalisation has only the mode 'off' (got '" + mode.label() + "')"
                : title + " has no frozen mode: it normalises each example by its own statistics, so there are no "
                + "running statistics to freeze";
    }

    /** "BN on", "BN-post frozen", "LayerNorm off", "no normalisation": a network's normalisation in {@code mode}. */
    public String modeName(BnMode mode) {
        return this == NONE ? title : shortName() + " " + mode.label();
    }

    /** "BN", "BN-post", "LayerNorm", "GroupNorm", "no normalisation": what a mode switch ("… on → frozen") names. */
    public String shortName() {
        return switch (this) {
            case BATCH -> "BN";
            case BATCH_POST -> "BN-post";
            case LAYER, GROUP, NONE -> title;
        };
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Normalization parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
