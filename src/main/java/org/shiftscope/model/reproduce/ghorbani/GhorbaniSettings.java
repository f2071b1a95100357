// Everything that defines a `reproduce ghorbani` run: the MLP both nets share, the one optimiser both train with,
// the steps at which they are measured and how (Ghorbani, Krishnan & Xiao 2019, arXiv 1901.10159).
package org.shiftscope.model.reproduce.ghorbani;

import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.EmbeddedData;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.Initialization;

import java.util.List;
import java.util.Locale;

/**
 * @param dataset        "fashion-mnist" (embedded), "synthetic" or a folder, as for `train`
 * @param depth          hidden layers of the ReLU MLP (He initialisation)
 * @param width          units per hidden layer
 * @param checkpoints    steps at which every net is measured, strictly ascending, the first ≥ 0
 * @param learningRate   η of plain SGD (no momentum, no weight decay), the same for both nets
 * @param batchSize      examples per step; also BN's statistics group in the Hessian's loss
 * @param seed           seed of both nets' initial weights, of their data order and of the evaluation set
 * @param hessianSamples size of the fixed evaluation set whose mean loss the Hessian is of
 * @param density        probes, Lanczos steps and grid of the spectral density
 * @param frozen         also measure the BN net with population statistics (the paper's third case)
 */
public record GhorbaniSettings(String dataset, int depth, int width, List<Integer> checkpoints, double learningRate,
                               int batchSize, long seed, int hessianSamples, DensityAnalysis.Request density,
                               boolean frozen) {
    public static final int DEFAULT_DEPTH = 8;
    public static final int DEFAULT_WIDTH = 128;
    /** Before training, early, midway and late: the outliers appear within the first hundred steps without BN. */
    public static final List<Integer> DEFAULT_CHECKPOINTS = List.of(0, 100, 400, 1000);
    /** The classroom's η: BN trains well at it and the MLP without BN still trains (at the edge of stability). */
    public static final double DEFAULT_LEARNING_RATE = 0.1;
    public static final int DEFAULT_BATCH = 128;
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_HESSIAN_SAMPLES = 1024;

    public GhorbaniSettings {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be fashion-mnist, synthetic or a folder");
        }
        Limits.requireRange("depth", depth, Limits.MIN_DEPTH, Limits.MAX_DEPTH);
        Limits.requireRange("width", width, Limits.MIN_WIDTH, Limits.MAX_WIDTH);
        if (checkpoints == null || checkpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one step to measure at is needed (--at)");
        }
        checkpoints = List.copyOf(checkpoints);
        for (int i = 0; i < checkpoints.size(); i++) {
            int previous = i == 0 ? -1 : checkpoints.get(i - 1);
            if (checkpoints.get(i) <= previous) {
                throw new IllegalArgumentException("the steps to measure at must be ≥ 0 and strictly ascending (got "
                        + checkpoints + ")");
            }
        }
        Limits.requireRange("learning rate", learningRate, Limits.MIN_LEARNING_RATE, Limits.MAX_LEARNING_RATE);
        Limits.requireRange("batch size", batchSize, Limits.MIN_BATCH_WITH_BN, Limits.MAX_BATCH);
        Limits.requireRange("hessian-samples", hessianSamples, 1, HessianSettings.MAX_SAMPLES);
        if (density == null) {
            throw new IllegalArgumentException("the density's probes, steps and grid are required");
        }
    }

    public static GhorbaniSettings defaults() {
        return new GhorbaniSettings(EmbeddedData.FASHION_MNIST, DEFAULT_DEPTH, DEFAULT_WIDTH, DEFAULT_CHECKPOINTS,
                DEFAULT_LEARNING_RATE, DEFAULT_BATCH, DEFAULT_SEED, DEFAULT_HESSIAN_SAMPLES,
                DensityAnalysis.Request.defaults(), true);
    }

    /** The last checkpoint: the steps each net trains for. */
    public int lastCheckpoint() {
        return checkpoints.get(checkpoints.size() - 1);
    }

    /** The nets measured at each checkpoint, in the order of the tables and the figure's key. */
    public List<NetVariant> variants() {
        return frozen ? List.of(NetVariant.BN_ON, NetVariant.NO_BN, NetVariant.BN_FROZEN)
                : List.of(NetVariant.BN_ON, NetVariant.NO_BN);
    }

    /** The optimiser both nets train with, in the mode of {@code variant}. */
    public LiveSettings optimizer(NetVariant variant) {
        return new LiveSettings(learningRate, 0, false, 0, variant.trainedMode());
    }

    /**
     * The run that trains {@code variant}'s weights: test evaluations are left to the experiment (at its
     * checkpoints), so they are spaced beyond the run's end.
     */
    public TrainingConfig trainingConfig(NetVariant variant) {
        var shape = NetworkShape.mlpWithBatchNorm().withNormalization(variant.normalization());
        return new TrainingConfig(dataset, shape, depth, width, ActivationFunction.RELU, Initialization.HE, false,
                batchSize, lastCheckpoint(), seed, lastCheckpoint() + 1, 0, optimizer(variant),
                new HessianSettings(0, HessianSettings.defaults().topK(), hessianSamples, 0));
    }

    /** "MLP 8 × 128 ReLU (He), SGD η = 0.1, batch 128, seed 1": the runs' shared settings for titles. */
    public String describe() {
        return String.format(Locale.ROOT, "MLP %d × %d ReLU (He init), SGD η = %s, batch %d, seed %d", depth,
                width, learningRate, batchSize, seed);
    }
}
