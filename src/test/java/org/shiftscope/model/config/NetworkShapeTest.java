// Which BN modes, ghost batches and sizes a network's normalisation and architecture accept, each refusal in
// one line that says why.
package org.shiftscope.model.config;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.Normalization;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkShapeTest {
    private static TrainingConfig config(NetworkShape shape, int depth, int width, int batch, BnMode mode) {
        return new TrainingConfig("synthetic", shape, depth, width, ActivationFunction.RELU, Initialization.HE, false,
                batch, 10, 1, 10, 0, new LiveSettings(0.1, 0, false, 0, mode), HessianSettings.defaults());
    }

    private static NetworkShape shape(Architecture architecture, Normalization normalization, int ghost) {
        return new NetworkShape(architecture, normalization, ghost, NetworkShape.DEFAULT_GROUPS);
    }

    private static String refusal(NetworkShape shape, int depth, int width, int batch, BnMode mode) {
        return assertThrows(IllegalArgumentException.class, () -> config(shape, depth, width, batch, mode)).getMessage();
    }

    @Test
    void layerNormAndGroupNormHaveNoFrozenMode() {
        assertEquals("LayerNorm has no frozen mode: it normalises each example by its own statistics, so there are no "
                + "running statistics to freeze", refusal(shape(Architecture.MLP, Normalization.LAYER, 0), 2, 16, 32, BnMode.FROZEN));
        assertTrue(refusal(shape(Architecture.CONVNET, Normalization.GROUP, 0), 2, 16, 32, BnMode.FROZEN)
                .startsWith("GroupNorm has no frozen mode"));
        assertDoesNotThrow(() -> config(shape(Architecture.MLP, Normalization.LAYER, 0), 2, 16, 32, BnMode.OFF));
        assertDoesNotThrow(() -> config(shape(Architecture.MLP, Normalization.BATCH_POST, 0), 2, 16, 32, BnMode.FROZEN));
    }

    @Test
    void aNetworkWithoutNormalisationHasOnlyOff() {
        assertEquals("a network without normalisation has only the mode 'off' (got 'on')",
                refusal(shape(Architecture.MLP, Normalization.NONE, 0), 2, 16, 32, BnMode.ON));
    }

    @Test
    void ghostBatchesBelongToBatchNormAndMustFitTheBatch() {
        assertEquals("ghost batches are a BatchNorm setting; this network has LayerNorm",
                refusal(shape(Architecture.MLP, Normalization.LAYER, 16), 2, 16, 64, BnMode.ON));
        assertTrue(refusal(shape(Architecture.MLP, Normalization.BATCH, 16), 2, 16, 33, BnMode.ON)
                .contains("leave no group of a single example"));
        assertTrue(refusal(shape(Architecture.MLP, Normalization.BATCH, 128), 2, 16, 64, BnMode.ON)
                .startsWith("ghost batches of 128 do not fit a batch of 64"));
        assertEquals(16, config(shape(Architecture.MLP, Normalization.BATCH, 16), 2, 16, 64, BnMode.ON).statisticsRows());
        assertEquals(64, config(shape(Architecture.MLP, Normalization.BATCH, 0), 2, 16, 64, BnMode.ON).statisticsRows());
        assertThrows(IllegalArgumentException.class, () -> shape(Architecture.MLP, Normalization.BATCH, 1));
    }

    @Test
    void convnetsHaveTheirOwnDepthAndWidthLimits() {
        var convnet = shape(Architecture.CONVNET, Normalization.BATCH, 0);
        assertTrue(refusal(convnet, 2, Limits.MAX_CONV_WIDTH + 1, 32, BnMode.ON).startsWith("width (channels)"));
        assertTrue(refusal(convnet, Limits.MAX_CONV_DEPTH + 1, 16, 32, BnMode.ON).startsWith("depth (stages)"));
        assertDoesNotThrow(() -> config(shape(Architecture.MLP, Normalization.BATCH, 0), 30, 512, 32, BnMode.ON));
    }

    @Test
    void theNetworkSpecFollowsTheShapeAndSaysWhenTheDataAreNotImages() {
        var convnet = config(shape(Architecture.CONVNET, Normalization.BATCH, 0), 2, 8, 32, BnMode.ON);
        assertEquals(10, convnet.networkSpec(784, 10).classes());
        var error = assertThrows(IllegalArgumentException.class, () -> convnet.networkSpec(65, 10));
        assertTrue(error.getMessage().startsWith("a convolutional network needs square images"), error.getMessage());
    }
}
