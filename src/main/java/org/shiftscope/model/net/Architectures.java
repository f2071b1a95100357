// The named network shapes as lists of layer specs (docs/architecture.md): the MLP, and a convnet after Page's
// "How to train your ResNet" (a prep convolution, stages whose channels double where 2×2 max pooling halves the
// image, global pooling, a linear classifier), with or without residual blocks (He et al. 2016).
package org.shiftscope.model.net;

import java.util.ArrayList;
import java.util.List;

public final class Architectures {
    /** Stages that pool, as Page's three "layers" after the prep stage; later stages keep the image and channels. */
    public static final int POOLING_STAGES = 3;

    private Architectures() {
    }

    /**
     * The MLP of docs/science.md with BatchNorm before each activation: input → [Dense → BatchNorm → activation]
     * × depth → Dense → softmax cross-entropy. BatchNorm layers always exist, so the BN mode can change between
     * any two steps on the same weights.
     * @param epsilon  ε added to the variance before normalising (PyTorch default 1e-5)
     * @param momentum weight of the newest batch in the running averages (PyTorch default 0.1)
     */
    public static List<LayerSpec> mlp(int inputs, int classes, int depth, int width, ActivationFunction activation,
                                      double epsilon, double momentum) {
        return new Builder(Normalization.BATCH, 1, activation, epsilon, momentum).mlp(inputs, classes, depth, width);
    }

    /**
     * The layers of {@code architecture} with {@code normalization} in every stage, BN ε and momentum at
     * PyTorch's defaults. For convnets {@code width} is the prep stage's channels and {@code depth} the stages.
     * @param groups GroupNorm's groups (ignored by the other normalisations)
     * @throws IllegalArgumentException in one line when the sizes do not fit together (groups that do not
     *                                  divide the channels, inputs that are not square images)
     */
    public static List<LayerSpec> build(Architecture architecture, Normalization normalization, int groups, int inputs,
                                        int classes, int depth, int width, ActivationFunction activation) {
        var builder = new Builder(normalization, groups, activation, NetworkSpec.DEFAULT_BN_EPSILON,
                NetworkSpec.DEFAULT_BN_MOMENTUM);
        return architecture == Architecture.MLP ? builder.mlp(inputs, classes, depth, width)
                : builder.convnet(ImageShape.of(inputs), classes, depth, width, architecture == Architecture.RESNET);
    }

    /** Numbers each layer type as it is added, so that parameter and file names stay unique. */
    private static final class Builder {
        private final Normalization normalization;
        private final int groups;
        private final ActivationFunction activation;
        private final double epsilon;
        private final double momentum;
        private int convs;
        private int norms;
        private int residuals;

        Builder(Normalization normalization, int groups, ActivationFunction activation, double epsilon, double momentum) {
            this.normalization = normalization;
            this.groups = groups;
            this.activation = activation;
            this.epsilon = epsilon;
            this.momentum = momentum;
        }

        List<LayerSpec> mlp(int inputs, int classes, int depth, int width) {
            requireSizes(inputs, classes, depth, width);
            var layers = new ArrayList<LayerSpec>();
            int in = inputs;
            for (int i = 0; i < depth; i++) {
                layers.add(new DenseSpec(i, in, width));
                addNormalizedActivation(layers, width, 1);
                in = width;
            }
            layers.add(new DenseSpec(depth, in, classes));
            return layers;
        }

        /** Stage 0 maps the image to {@code width} channels; stages 1–3 double the channels and then pool. */
        List<LayerSpec> convnet(ImageShape image, int classes, int depth, int width, boolean residual) {
            requireSizes(image.inputs(), classes, depth, width);
            var layers = new ArrayList<LayerSpec>();
            int channels = image.channels();
            int side = image.side();
            for (int stage = 0; stage < depth; stage++) {
                boolean pools = stage >= 1 && stage <= POOLING_STAGES && side % 2 == 0;
                int out = stage == 0 ? width : pools ? 2 * channels : channels;
                var body = new ArrayList<LayerSpec>();
                body.add(new ConvSpec(convs++, channels, out, side));
                addNormalizedActivation(body, out, side);
                if (residual && stage > 0) {
                    addResidual(layers, body, channels, out, side);
                } else {
                    layers.addAll(body);
                }
                channels = out;
                if (pools) {
                    layers.add(new PoolSpec(PoolSpec.Kind.MAX_2X2, channels, side));
                    side /= 2;
                }
            }
            layers.add(new PoolSpec(PoolSpec.Kind.GLOBAL_AVERAGE, channels, side));
            layers.add(new DenseSpec(0, channels, classes));
            return layers;
        }

        /**
         * The stage as a residual block, He et al.'s y = act(F(x) + shortcut(x)) with F the convolution and its
         * normalisation (so each block adds a zero-mean branch): the activation follows the sum, except with
         * BatchNorm after the activation, whose F ends with it. The shortcut is x, or a 3×3 convolution where
         * the channels change.
         */
        private void addResidual(List<LayerSpec> layers, List<LayerSpec> stage, int channels, int out, int side) {
            ConvSpec projection = out == channels ? null : new ConvSpec(convs++, channels, out, side);
            if (normalization == Normalization.BATCH_POST) {
                layers.add(new ResidualSpec(residuals++, stage, projection));
                return;
            }
            var activation = stage.remove(stage.size() - 1);
            layers.add(new ResidualSpec(residuals++, stage, projection));
            layers.add(activation);
        }

        /** The normalisation and the activation of {@code channels} channels of side² values each (side 1: units). */
        private void addNormalizedActivation(List<LayerSpec> layers, int channels, int side) {
            var act = new ActivationSpec(activation, channels * side * side);
            switch (normalization) {
                case BATCH -> {
                    layers.add(batchNorm(channels, side));
                    layers.add(act);
                }
                case BATCH_POST -> {
                    layers.add(act);
                    layers.add(batchNorm(channels, side));
                }
                case LAYER -> {
                    layers.add(side == 1 ? new LayerNormSpec(norms++, channels, epsilon)
                            : new GroupNormSpec(norms++, channels, side, 1, epsilon));
                    layers.add(act);
                }
                case GROUP -> {
                    if (channels % groups != 0) {
                        throw new IllegalArgumentException("GroupNorm's " + groups + " groups must divide the "
                                + (side == 1 ? "width " : "channels ") + channels);
                    }
                    layers.add(new GroupNormSpec(norms++, channels, side, groups, epsilon));
                    layers.add(act);
                }
                case NONE -> layers.add(act);
            }
        }

        private LayerSpec batchNorm(int channels, int side) {
            return side == 1 ? new BatchNormSpec(norms++, channels, epsilon, momentum)
                    : new ChannelBatchNormSpec(norms++, channels, side, epsilon, momentum);
        }

        private static void requireSizes(int inputs, int classes, int depth, int width) {
            if (inputs < 1 || classes < 2 || depth < 1 || width < 1) {
                throw new IllegalArgumentException("network needs inputs ≥ 1, classes ≥ 2, depth ≥ 1, width ≥ 1");
            }
        }
    }
}
