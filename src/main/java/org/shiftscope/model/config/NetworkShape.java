// Which network a run builds besides its depth and width: the architecture, its normalisation and the
// normalisation's settings (docs/architecture.md, "Architectures").
package org.shiftscope.model.config;

import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.Normalization;

/**
 * @param architecture mlp, convnet or resnet
 * @param normalization one choice for every layer
 * @param ghostBatch   BatchNorm statistics over groups of this many examples of each batch (Hoffer et al. 2017,
 *                     "ghost batch normalization"); 0 = the whole batch
 * @param groups       GroupNorm's groups; they must divide the width (channels for convnets)
 */
public record NetworkShape(Architecture architecture, Normalization normalization, int ghostBatch, int groups) {
    public static final int DEFAULT_GROUPS = 8;

    public NetworkShape {
        if (architecture == null || normalization == null) {
            throw new IllegalArgumentException("the network needs an architecture and a normalisation");
        }
        if (ghostBatch != 0) {
            Limits.requireRange("ghost batch", ghostBatch, Limits.MIN_BATCH_WITH_BN, Limits.MAX_BATCH);
        }
        Limits.requireRange("groups", groups, 1, Limits.MAX_WIDTH);
    }

    /** Today's MLP with BatchNorm before each activation over whole batches: what runs had before. */
    public static NetworkShape mlpWithBatchNorm() {
        return new NetworkShape(Architecture.MLP, Normalization.BATCH, 0, DEFAULT_GROUPS);
    }

    public NetworkShape withArchitecture(Architecture value) {
        return new NetworkShape(value, normalization, ghostBatch, groups);
    }

    public NetworkShape withNormalization(Normalization value) {
        return new NetworkShape(architecture, value, ghostBatch, groups);
    }

    /** "convnet, GroupNorm (8 groups)": a short description for the run's texts. */
    public String describe() {
        String norm = switch (normalization) {
            case GROUP -> normalization.title() + " (" + groups + " groups)";
            case BATCH, BATCH_POST -> normalization.title() + (ghostBatch > 0 ? " (ghost batches of " + ghostBatch + ")" : "");
            default -> normalization.title();
        };
        return architecture.label() + ", " + norm;
    }
}
