// The sizes of `reproduce yang` (Yang et al. 2019, "A Mean Field Theory of Batch Normalization", ICLR 2019):
// a deep ReLU MLP measured at initialisation over several seeds, and the layers its growth factor is fitted on.
package org.shiftscope.model.reproduce.yang;

import org.shiftscope.model.config.Limits;

/**
 * @param depth     hidden layers of every variant (a residual variant: one plain layer, then depth − 1 blocks)
 * @param width     units per hidden layer
 * @param batch     examples in the one batch each seed measures; BN's statistics are over all of them
 * @param seeds     networks (and batches) per variant; layer norms are averaged over them as logs
 * @param firstSeed seed of the first network; seed i is firstSeed + i
 */
public record YangSettings(int depth, int width, int batch, int seeds, long firstSeed) {
    public static final int DEFAULT_DEPTH = 32;
    public static final int DEFAULT_WIDTH = 256;
    public static final int DEFAULT_BATCH = 512;
    public static final int DEFAULT_SEEDS = 5;
    /** The first hidden layer reads pixels, not a normalised ReLU output: it is left out of the fit. */
    public static final int SKIPPED_AT_INPUT = 1;
    /**
     * The last hidden layers' gradients still carry the classifier's: not batch-centred, of rank ≤ classes. Their
     * layer-to-layer ratios stay well below the deeper layers' (docs/reproduce-yang.md), so they are left out too.
     */
    public static final int SKIPPED_AT_OUTPUT = 3;
    /** A line through fewer layers than this says nothing about a growth rate. */
    public static final int MIN_FITTED_LAYERS = 3;
    public static final int MIN_DEPTH = SKIPPED_AT_INPUT + SKIPPED_AT_OUTPUT + MIN_FITTED_LAYERS;
    public static final int MAX_SEEDS = 100;

    public YangSettings {
        Limits.requireRange("depth", depth, MIN_DEPTH, Limits.MAX_DEPTH);
        Limits.requireRange("width", width, Limits.MIN_WIDTH, Limits.MAX_WIDTH);
        Limits.requireRange("batch", batch, Limits.MIN_BATCH_WITH_BN, Limits.MAX_BATCH);
        Limits.requireRange("seeds", seeds, 1, MAX_SEEDS);
    }

    /** The first hidden layer (1-based) the growth factor is fitted on. */
    public int firstFittedLayer() {
        return 1 + SKIPPED_AT_INPUT;
    }

    /** The last hidden layer (1-based) the growth factor is fitted on. */
    public int lastFittedLayer() {
        return depth - SKIPPED_AT_OUTPUT;
    }
}
