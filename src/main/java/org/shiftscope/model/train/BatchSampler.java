// The order in which SGD sees the training set: a seeded shuffle per epoch, batches taken in order,
// the incomplete remainder of an epoch dropped. Same seed → same batches.
package org.shiftscope.model.train;

import java.util.Random;

public final class BatchSampler {
    private final int[] order;
    private final int batchSize;
    private final Random random;
    private int position;

    public BatchSampler(int count, int batchSize, long seed) {
        if (batchSize > count) {
            throw new IllegalArgumentException("batch size " + batchSize + " exceeds the " + count + " training examples");
        }
        this.order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        this.batchSize = batchSize;
        this.random = new Random(seed);
        shuffle();
    }

    /** Indices of the next batch. */
    public int[] next() {
        if (position + batchSize > order.length) {
            shuffle();
        }
        var batch = new int[batchSize];
        System.arraycopy(order, position, batch, 0, batchSize);
        position += batchSize;
        return batch;
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        position = 0;
    }
}
