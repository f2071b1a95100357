// A quick-demo dataset made from a seed: ten Gaussian blobs in 64 dimensions, all sharing a deliberately
// non-zero mean, so that centring the inputs (or normalizing the layers) visibly matters.
package org.shiftscope.model.data;

import java.util.SplittableRandom;

/**
 * Why the common offset: LeCun, Bottou, Orr and Müller, "Efficient BackProp" (1998), show that when inputs are not
 * centred, the Hessian of the loss with respect to the first layer's weights gains one eigenvalue far larger than the
 * others (growing with the squared mean of the inputs). Gradient descent must then take steps small enough for that
 * outlying direction and crawls along all the rest. Every feature here carries {@link #COMMON_OFFSET} so that effect
 * is present on purpose; each class centre only deviates from it by a small random amount.
 */
public final class SyntheticData {
    public static final String NAME = "synthetic";
    public static final int CLASSES = 10;
    public static final int INPUTS = 64;
    public static final int TRAIN_COUNT = 5_000;
    public static final int TEST_COUNT = 1_000;
    /** mean shared by every feature of every class: the non-centred part */
    public static final double COMMON_OFFSET = 3.0;
    /** standard deviation of each class centre around the common offset, per feature */
    static final double CENTRE_SPREAD = 0.35;
    /** standard deviation of each example around its class centre, per feature */
    static final double NOISE = 1.0;

    private SyntheticData() {
    }

    /**
     * Draws the class centres, then the training examples, then the test examples from one SplittableRandom, so the
     * same seed always gives the same dataset. Labels cycle 0, 1, ..., 9, so both splits are exactly class-balanced.
     */
    public static Dataset generate(long seed) {
        var random = new SplittableRandom(seed);
        var centres = new double[CLASSES][INPUTS];
        for (var centre : centres) {
            for (int i = 0; i < INPUTS; i++) {
                centre[i] = COMMON_OFFSET + CENTRE_SPREAD * random.nextGaussian();
            }
        }
        return new Dataset(NAME, INPUTS, CLASSES, sample(centres, TRAIN_COUNT, random), sample(centres, TEST_COUNT, random));
    }

    private static Examples sample(double[][] centres, int count, SplittableRandom random) {
        var features = new float[count * INPUTS];
        var labels = new int[count];
        for (int n = 0; n < count; n++) {
            labels[n] = n % CLASSES;
            var centre = centres[labels[n]];
            for (int i = 0; i < INPUTS; i++) {
                features[n * INPUTS + i] = (float) (centre[i] + NOISE * random.nextGaussian());
            }
        }
        return new Examples(features, labels, count, INPUTS);
    }
}
