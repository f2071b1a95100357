// What building or copying a layer needs besides its spec: the data type, the network's shared scratch
// arrays, whether it is the network's first layer, and the seeded draws and scheme of the initial weights.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;

import java.util.Random;

/**
 * @param first  the network's first layer: nothing upstream needs dLoss/dInput
 * @param random the network's weight draws, shared by its layers in order (unused by copies)
 * @param init   the weight initialisation scheme (unused by copies)
 */
record LayerContext(DataType dataType, ScratchBuffers scratch, boolean first, Random random, Initialization init) {
    /** The context of a layer after another inside a block (a residual body): upstream needs its dLoss/dInput. */
    LayerContext following() {
        return new LayerContext(dataType, scratch, false, random, init);
    }
}
