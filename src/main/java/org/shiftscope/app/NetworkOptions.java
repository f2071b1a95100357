// The command-line options that choose the network besides its depth and width (docs/architecture.md,
// "Architectures"): --arch, --norm, --ghost-batch and --groups, shared by the commands that build networks.
package org.shiftscope.app;

import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;
import picocli.CommandLine.Option;

final class NetworkOptions {
    @Option(names = "--arch", defaultValue = "mlp", description = "mlp, convnet (3×3 convolution stages; depth counts "
            + "stages, width the first stage's channels) or resnet (the convnet's stages as residual blocks). Default: ${DEFAULT-VALUE}.")
    Architecture architecture;
    @Option(names = "--norm", defaultValue = "batch", description = "batch (BatchNorm before the activation), batch-post "
            + "(after it), layer, group or none. Default: ${DEFAULT-VALUE}.")
    Normalization normalization;
    @Option(names = "--ghost-batch", defaultValue = "0", description = "BatchNorm statistics over groups of this many "
            + "examples of each batch; 0 = the whole batch. Default: ${DEFAULT-VALUE}.")
    int ghostBatch;
    @Option(names = "--groups", defaultValue = "" + NetworkShape.DEFAULT_GROUPS,
            description = "GroupNorm's groups; they must divide the width. Default: ${DEFAULT-VALUE}.")
    int groups;

    NetworkShape shape() {
        return new NetworkShape(architecture, normalization, ghostBatch, groups);
    }

    /** The BN mode when --bn is not given: on, or off for a network without normalisation. */
    BnMode defaultMode() {
        return normalization == Normalization.NONE ? BnMode.OFF : BnMode.ON;
    }
}
