// The two layouts of a block of b matrices in the block Hessian-vector products: stacked by rows, (b·rows, cols),
// and side by side, (rows, b·cols). A product whose right (left) factor differs per matrix of the block becomes
// one matrix product in the side-by-side (stacked) layout; each move between them is one strided copy.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

final class StackedBlocks {
    private StackedBlocks() {
    }

    /** (b·rows, cols) stacked → (rows, b·cols) side by side: a new C-order array, or {@code stacked} itself when b = 1. */
    static INDArray sideBySide(INDArray stacked, int block) {
        if (block == 1) {
            return stacked;
        }
        long rows = stacked.size(0) / block;
        long cols = stacked.size(1);
        return stacked.reshape('c', block, rows, cols).permute(1, 0, 2).dup('c').reshape('c', rows, block * cols);
    }

    /** (rows, b·cols) side by side → (b·rows, cols) stacked: a new C-order array, or the argument itself when b = 1. */
    static INDArray stacked(INDArray sideBySide, int block) {
        if (block == 1) {
            return sideBySide;
        }
        long rows = sideBySide.size(0);
        long cols = sideBySide.size(1) / block;
        return sideBySide.reshape('c', rows, block, cols).permute(1, 0, 2).dup('c').reshape('c', block * rows, cols);
    }
}
