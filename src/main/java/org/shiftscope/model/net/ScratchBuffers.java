// Reusable float64 work arrays for the host-buffer loops of one network's layers (BatchNorm): a pass copies
// its (batch, units) operands in, computes, and copies the result out, so nothing in them outlives a call.
// One set per Network; the training thread and the Hessian thread each work on their own network copy.
package org.shiftscope.model.net;

final class ScratchBuffers {
    private final double[][] slots;

    ScratchBuffers(int count) {
        slots = new double[count][0];
    }

    /** Slot number slot with room for at least length values; grows, never shrinks, so sizes may alternate. */
    double[] get(int slot, int length) {
        if (slots[slot].length < length) {
            slots[slot] = new double[length];
        }
        return slots[slot];
    }
}
