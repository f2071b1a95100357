// Everything that defines a run, so that it can be saved as config.json and repeated exactly.
package org.shiftscope.model.config;

import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.Architectures;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.NetworkSpec;

/**
 * @param dataset       "fashion-mnist" (embedded), "synthetic", or a folder of MNIST-format or CIFAR-10 files
 * @param network       the architecture and its normalisation
 * @param depth         hidden layers (convnets: stages)
 * @param width         units per hidden layer (convnets: channels of the first stage)
 * @param activation    hidden nonlinearity
 * @param init          weight initialisation
 * @param centerInputs  subtract the training set's per-feature mean from every input (LeCun et al. 1998)
 * @param batchSize     examples per SGD step
 * @param steps         steps a headless run takes
 * @param seed          seed of the initial weights and of the data order
 * @param evalEvery     steps between test-set evaluations
 * @param trackedUnit   unit (convnets: channel) of every hidden layer whose 15/50/85th percentiles are reported
 * @param optimizer     the live settings the run starts with
 * @param hessian       when and how the top Hessian eigenvalues are measured
 */
public record TrainingConfig(String dataset, NetworkShape network, int depth, int width, ActivationFunction activation,
                             Initialization init, boolean centerInputs, int batchSize, int steps, long seed,
                             int evalEvery, int trackedUnit, LiveSettings optimizer, HessianSettings hessian) {

    public static final int DEFAULT_EVAL_EVERY = 50;

    public TrainingConfig {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be fashion-mnist, synthetic or a folder");
        }
        if (network == null) {
            throw new IllegalArgumentException("the network's architecture and normalisation are required");
        }
        boolean convolutional = network.architecture().convolutional();
        Limits.requireRange(convolutional ? "depth (stages)" : "depth", depth, Limits.MIN_DEPTH,
                convolutional ? Limits.MAX_CONV_DEPTH : Limits.MAX_DEPTH);
        Limits.requireRange(convolutional ? "width (channels)" : "width", width, Limits.MIN_WIDTH,
                convolutional ? Limits.MAX_CONV_WIDTH : Limits.MAX_WIDTH);
        Limits.requireRange("batch size", batchSize, Limits.MIN_BATCH, Limits.MAX_BATCH);
        Limits.requireRange("steps", steps, 0, Integer.MAX_VALUE);
        Limits.requireRange("eval-every", evalEvery, 1, Integer.MAX_VALUE);
        Limits.requireRange("tracked unit", trackedUnit, 0, width - 1);
        if (activation == null || init == null || optimizer == null || hessian == null) {
            throw new IllegalArgumentException("activation, init, optimizer and hessian settings are required");
        }
        requireBatchFitsBn(batchSize, optimizer.bnMode());
        requireModeFits(network, optimizer.bnMode());
        requireGhostBatchFits(network, batchSize);
    }

    /** The MLP with BatchNorm before each activation: every run's network before architectures could be chosen. */
    public TrainingConfig(String dataset, int depth, int width, ActivationFunction activation, Initialization init,
                          boolean centerInputs, int batchSize, int steps, long seed, int evalEvery, int trackedUnit,
                          LiveSettings optimizer, HessianSettings hessian) {
        this(dataset, NetworkShape.mlpWithBatchNorm(), depth, width, activation, init, centerInputs, batchSize, steps,
                seed, evalEvery, trackedUnit, optimizer, hessian);
    }

    /** BN mode {@code mode} must mean something for the network's normalisation (no frozen LayerNorm). */
    public static void requireModeFits(NetworkShape network, BnMode mode) {
        if (!network.normalization().supports(mode)) {
            throw new IllegalArgumentException(network.normalization().whyNot(mode));
        }
    }

    private static void requireGhostBatchFits(NetworkShape network, int batchSize) {
        int ghost = network.ghostBatch();
        if (ghost == 0) {
            return;
        }
        if (!network.normalization().batchStatistics()) {
            throw new IllegalArgumentException("ghost batches are a BatchNorm setting; this network has "
                    + network.normalization().title());
        }
        if (ghost > batchSize || batchSize % ghost == 1) {
            throw new IllegalArgumentException("ghost batches of " + ghost + " do not fit a batch of " + batchSize
                    + ": they must be at most the batch and leave no group of a single example");
        }
    }

    /** Examples per group of BatchNorm statistics: the ghost batch, or the whole batch. */
    public int statisticsRows() {
        return network.ghostBatch() > 0 ? network.ghostBatch() : batchSize;
    }

    /**
     * The network this config builds for data of {@code inputs} features and {@code classes} classes.
     * @throws IllegalArgumentException in one line when they do not fit (a convnet on data that are not images)
     */
    public NetworkSpec networkSpec(int inputs, int classes) {
        return new NetworkSpec(Architectures.build(network.architecture(), network.normalization(), network.groups(),
                inputs, classes, depth, width, activation), init, seed);
    }

    /** The second run of a comparison: BN mode {@code mode} and network {@code shape}, the rest as this one. */
    public TrainingConfig comparedWith(BnMode mode, NetworkShape shape) {
        return new TrainingConfig(dataset, shape, depth, width, activation, init, centerInputs, batchSize, steps, seed,
                evalEvery, trackedUnit, optimizer.withBnMode(mode), hessian);
    }

    public TrainingConfig withNetwork(NetworkShape shape) {
        return new TrainingConfig(dataset, shape, depth, width, activation, init, centerInputs, batchSize, steps, seed,
                evalEvery, trackedUnit, optimizer, hessian);
    }

    public static void requireBatchFitsBn(int batchSize, BnMode mode) {
        if (mode == BnMode.ON && batchSize < Limits.MIN_BATCH_WITH_BN) {
            throw new IllegalArgumentException("BN 'on' needs a batch of at least " + Limits.MIN_BATCH_WITH_BN
                    + " for its batch statistics (got " + batchSize + "): use a larger batch, or BN off or frozen");
        }
    }

    public TrainingConfig withHessian(HessianSettings settings) {
        return new TrainingConfig(dataset, network, depth, width, activation, init, centerInputs, batchSize, steps, seed,
                evalEvery, trackedUnit, optimizer, settings);
    }

    public TrainingConfig withOptimizer(LiveSettings settings) {
        return new TrainingConfig(dataset, network, depth, width, activation, init, centerInputs, batchSize, steps, seed,
                evalEvery, trackedUnit, settings, hessian);
    }

    /** The classroom default: a network small enough to train live, deep enough to show the effect. */
    public static TrainingConfig classroomDefault() {
        return new TrainingConfig("fashion-mnist", 8, 128, ActivationFunction.RELU, Initialization.HE, false,
                128, 1000, 1, DEFAULT_EVAL_EVERY, 0,
                new LiveSettings(0.1, 0.0, false, 0.0, BnMode.ON), HessianSettings.defaults());
    }
}
