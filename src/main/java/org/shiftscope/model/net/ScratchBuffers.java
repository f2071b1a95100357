// Reusable float64 work arrays for the host-buffer loops of one network's layers (BatchNorm): a pass copies
// its (batch, units) operands in, computes, and copies the result out, so nothing in them outlives a call.
// One set per Network; the training thread and the Hessian thread each work on their own network copy.
package org.shiftscope.model.net;

import java.util.Arrays;

final class ScratchBuffers {
    private double[][] slots = new double[0][];

    /** Slot number slot with room for at least length values; grows, never shrinks, so sizes may alternate. */
    double[] get(int slot, int length) {
        if (slot >= slots.length) {
            int old = slots.length;
            slots = Arrays.copyOf(slots, slot + 1);
            Arrays.fill(slots, old, slots.length, new double[0]);
        }
        if (slots[slot].length < length) {
            slots[slot] = new double[length];
        }
        return slots[slot];
    }
}
