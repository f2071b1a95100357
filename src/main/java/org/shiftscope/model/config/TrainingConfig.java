// Everything that defines a run, so that it can be saved as config.json and repeated exactly.
package org.shiftscope.model.config;

import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;

/**
 * @param dataset       "fashion-mnist" (embedded), "synthetic", or a folder of MNIST-format files
 * @param depth         hidden layers
 * @param width         units per hidden layer
 * @param activation    hidden nonlinearity
 * @param init          weight initialisation
 * @param centerInputs  subtract the training set's per-feature mean from every input (LeCun et al. 1998)
 * @param batchSize     examples per SGD step
 * @param steps         steps a headless run takes
 * @param seed          seed of the initial weights and of the data order
 * @param evalEvery     steps between test-set evaluations
 * @param trackedUnit   unit of every hidden layer whose 15/50/85th percentiles are reported
 * @param optimizer     the live settings the run starts with
 * @param hessian       when and how the top Hessian eigenvalues are measured
 */
public record TrainingConfig(String dataset, int depth, int width, ActivationFunction activation,
                             Initialization init, boolean centerInputs, int batchSize, int steps, long seed,
                             int evalEvery, int trackedUnit, LiveSettings optimizer, HessianSettings hessian) {

    public static final int DEFAULT_EVAL_EVERY = 50;

    public TrainingConfig {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset must be fashion-mnist, synthetic or a folder");
        }
        Limits.requireRange("depth", depth, Limits.MIN_DEPTH, Limits.MAX_DEPTH);
        Limits.requireRange("width", width, Limits.MIN_WIDTH, Limits.MAX_WIDTH);
        Limits.requireRange("batch size", batchSize, Limits.MIN_BATCH, Limits.MAX_BATCH);
        Limits.requireRange("steps", steps, 0, Integer.MAX_VALUE);
        Limits.requireRange("eval-every", evalEvery, 1, Integer.MAX_VALUE);
        Limits.requireRange("tracked unit", trackedUnit, 0, width - 1);
        if (activation == null || init == null || optimizer == null || hessian == null) {
            throw new IllegalArgumentException("activation, init, optimizer and hessian settings are required");
        }
        requireBatchFitsBn(batchSize, optimizer.bnMode());
    }

    public static void requireBatchFitsBn(int batchSize, BnMode mode) {
        if (mode == BnMode.ON && batchSize < Limits.MIN_BATCH_WITH_BN) {
            throw new IllegalArgumentException("BN 'on' needs a batch of at least " + Limits.MIN_BATCH_WITH_BN
                    + " for its batch statistics (got " + batchSize + "): use a larger batch, or BN off or frozen");
        }
    }

    public TrainingConfig withHessian(HessianSettings settings) {
        return new TrainingConfig(dataset, depth, width, activation, init, centerInputs, batchSize, steps, seed,
                evalEvery, trackedUnit, optimizer, settings);
    }

    public TrainingConfig withOptimizer(LiveSettings settings) {
        return new TrainingConfig(dataset, depth, width, activation, init, centerInputs, batchSize, steps, seed,
                evalEvery, trackedUnit, settings, hessian);
    }

    /** The classroom default: a network small enough to train live, deep enough to show the effect. */
    public static TrainingConfig classroomDefault() {
        return new TrainingConfig("fashion-mnist", 8, 128, ActivationFunction.RELU, Initialization.HE, false,
                128, 1000, 1, DEFAULT_EVAL_EVERY, 0,
                new LiveSettings(0.1, 0.0, false, 0.0, BnMode.ON), HessianSettings.defaults());
    }
}
