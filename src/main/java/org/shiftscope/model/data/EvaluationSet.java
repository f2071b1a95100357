// The fixed set the Hessian is measured on (docs/science.md: ≥ 1,000 examples, fixed at the start of a run):
// the first n examples of a seeded permutation of the training split.
package org.shiftscope.model.data;

import java.util.Random;

public final class EvaluationSet {
    private EvaluationSet() {
    }

    public static Examples sample(Examples train, int n, long seed) {
        int count = Math.min(n, train.count());
        int[] order = new int[train.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        var random = new Random(seed);
        for (int i = 0; i < count; i++) {              // partial Fisher–Yates: the first count are a uniform sample
            int j = i + random.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        var indices = new int[count];
        System.arraycopy(order, 0, indices, 0, count);
        int inputs = train.inputs();
        var x = new float[count * inputs];
        for (int r = 0; r < count; r++) {
            System.arraycopy(train.features(), indices[r] * inputs, x, r * inputs, inputs);
        }
        return new Examples(x, Batches.labels(train, indices), count, inputs);
    }
}
