// The convnet and resnet shapes (docs/architecture.md, "Architectures"): Page's stages shrunk to 28×28, the
// normalisation in its place for each choice, and one clear line when the sizes do not fit together.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConvnetArchitectureTest {
    static final double EPS = NetworkSpec.DEFAULT_BN_EPSILON;
    static final double MOMENTUM = NetworkSpec.DEFAULT_BN_MOMENTUM;
    static final ActivationFunction RELU = ActivationFunction.RELU;

    @Test
    void threeStagesOfThirtyTwoChannelsGivePagesDoublingChannelsAndTwoPoolings() {
        var layers = Architectures.build(Architecture.CONVNET, Normalization.BATCH, 1, 784, 10, 3, 32, RELU);

        assertEquals(List.of(
                new ConvSpec(0, 1, 32, 28), new ChannelBatchNormSpec(0, 32, 28, EPS, MOMENTUM), new ActivationSpec(RELU, 32 * 784),
                new ConvSpec(1, 32, 64, 28), new ChannelBatchNormSpec(1, 64, 28, EPS, MOMENTUM), new ActivationSpec(RELU, 64 * 784),
                new PoolSpec(PoolSpec.Kind.MAX_2X2, 64, 28),
                new ConvSpec(2, 64, 128, 14), new ChannelBatchNormSpec(2, 128, 14, EPS, MOMENTUM),
                new ActivationSpec(RELU, 128 * 196),
                new PoolSpec(PoolSpec.Kind.MAX_2X2, 128, 14),
                new PoolSpec(PoolSpec.Kind.GLOBAL_AVERAGE, 128, 7),
                new DenseSpec(0, 128, 10)), layers);
    }

    @Test
    void stagesAfterTheImageStopsHalvingKeepItsSideAndChannels() {
        var layers = Architectures.build(Architecture.CONVNET, Normalization.NONE, 1, 784, 10, 5, 8, RELU);
        var convs = layers.stream().filter(ConvSpec.class::isInstance).map(ConvSpec.class::cast).toList();

        assertEquals(List.of(8, 16, 32, 32, 32), convs.stream().map(ConvSpec::channelsOut).toList());
        assertEquals(List.of(28, 28, 14, 7, 7), convs.stream().map(ConvSpec::side).toList());
    }

    @Test
    void cifarImagesPoolThreeTimesLikePagesNetwork() {
        var layers = Architectures.build(Architecture.CONVNET, Normalization.BATCH, 1, 3 * 32 * 32, 10, 4, 16, RELU);
        var pools = layers.stream().filter(l -> l instanceof PoolSpec p && p.kind() == PoolSpec.Kind.MAX_2X2).count();

        assertEquals(3, pools);
        assertEquals(new ConvSpec(0, 3, 16, 32), layers.get(0));
        assertEquals(new DenseSpec(0, 128, 10), layers.get(layers.size() - 1));
    }

    @Test
    void eachNormalisationTakesItsPlace() {
        var post = Architectures.build(Architecture.CONVNET, Normalization.BATCH_POST, 1, 784, 10, 1, 8, RELU);
        assertEquals(List.of(new ConvSpec(0, 1, 8, 28), new ActivationSpec(RELU, 8 * 784),
                new ChannelBatchNormSpec(0, 8, 28, EPS, MOMENTUM)), post.subList(0, 3));

        var layer = Architectures.build(Architecture.CONVNET, Normalization.LAYER, 1, 784, 10, 1, 8, RELU);
        assertEquals(new GroupNormSpec(0, 8, 28, 1, EPS), layer.get(1), "LayerNorm of images: one group of every channel");

        var group = Architectures.build(Architecture.CONVNET, Normalization.GROUP, 4, 784, 10, 1, 8, RELU);
        assertEquals(new GroupNormSpec(0, 8, 28, 4, EPS), group.get(1));

        var mlp = Architectures.build(Architecture.MLP, Normalization.LAYER, 1, 20, 3, 2, 8, RELU);
        assertEquals(List.of(new DenseSpec(0, 20, 8), new LayerNormSpec(0, 8, EPS), new ActivationSpec(RELU, 8),
                new DenseSpec(1, 8, 8), new LayerNormSpec(1, 8, EPS), new ActivationSpec(RELU, 8), new DenseSpec(2, 8, 3)), mlp);

        var none = Architectures.build(Architecture.MLP, Normalization.NONE, 1, 20, 3, 1, 8, RELU);
        assertEquals(List.of(new DenseSpec(0, 20, 8), new ActivationSpec(RELU, 8), new DenseSpec(1, 8, 3)), none);
    }

    @Test
    void theBatchNormMlpIsTheMlpOfBefore() {
        assertEquals(Architectures.mlp(20, 3, 4, 16, RELU, EPS, MOMENTUM),
                Architectures.build(Architecture.MLP, Normalization.BATCH, 1, 20, 3, 4, 16, RELU));
    }

    @Test
    void aResnetHasOneStageWeightPerStageAndTheClassifiersNotItsProjections() {
        var spec = new NetworkSpec(Architectures.build(Architecture.RESNET, Normalization.BATCH, 1, 64, 3, 4, 8, RELU),
                Initialization.HE, 1);
        var network = new Network(spec, BnMode.ON, org.nd4j.linalg.api.buffer.DataType.FLOAT);

        assertEquals(List.of("conv0.W", "conv1.W", "conv3.W", "conv5.W", "dense0.W"),
                network.stageWeights().stream().map(Parameter::name).toList(), "conv2 and conv4 are projections");
        assertEquals(3, spec.layers().stream().filter(ResidualSpec.class::isInstance).count());
    }

    @Test
    void aResidualStageAddsItsNormalisedConvolutionToTheShortcutAndThenActivates() {
        var layers = Architectures.build(Architecture.RESNET, Normalization.BATCH, 1, 64, 3, 3, 8, RELU);

        assertEquals(new ResidualSpec(0, List.of(new ConvSpec(1, 8, 16, 8), new ChannelBatchNormSpec(1, 16, 8, EPS, MOMENTUM)),
                new ConvSpec(2, 8, 16, 8)), layers.get(3));
        assertEquals(new ActivationSpec(RELU, 16 * 64), layers.get(4));

        var post = Architectures.build(Architecture.RESNET, Normalization.BATCH_POST, 1, 64, 3, 2, 8, RELU);
        assertEquals(new ResidualSpec(0, List.of(new ConvSpec(1, 8, 16, 8), new ActivationSpec(RELU, 16 * 64),
                new ChannelBatchNormSpec(1, 16, 8, EPS, MOMENTUM)), new ConvSpec(2, 8, 16, 8)), post.get(3));
        assertTrue(post.get(4) instanceof PoolSpec, "BatchNorm after the activation ends the block");
    }

    @Test
    void sizesThatDoNotFitGiveOneClearLine() {
        var notImages = assertThrows(IllegalArgumentException.class,
                () -> Architectures.build(Architecture.CONVNET, Normalization.BATCH, 1, 64 + 1, 10, 2, 8, RELU));
        assertTrue(notImages.getMessage().contains("65 features per example"), notImages.getMessage());

        var groups = assertThrows(IllegalArgumentException.class,
                () -> Architectures.build(Architecture.MLP, Normalization.GROUP, 3, 20, 3, 2, 8, RELU));
        assertEquals("GroupNorm's 3 groups must divide the width 8", groups.getMessage());
    }
}
