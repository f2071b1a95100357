// The mean training loss over a fixed evaluation set as a function of the flat parameter vector (BN in a
// chosen mode, batch statistics per training-batch-sized group, weight decay λ/2·‖w‖²): its value, gradient
// and exact H·v for blocks of vectors, computed by network copies (LossShare) on separate threads.
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;

import java.util.ArrayList;
import java.util.List;

public final class EvaluationSetLoss {
    /** Rows of one pass at most (a whole number of batch-statistics groups, at least one). */
    static final int MAX_PASS_ROWS = 1024;
    /**
     * Values of the widest array of one pass at most (rows × the network's widest row, 256 MB in float64): no
     * limit for an MLP's 1024 rows; a convnet, whose rows are images and their 3×3 patches, passes fewer
     * examples at once (148 for Fashion-MNIST at 32 channels). A batch-statistics group is never split.
     */
    static final long MAX_PASS_VALUES = 32L * 1024 * 1024;

    private final List<LossShare> shares;
    private final double[] initialParameters;   // the trained weights, as copied at construction
    private final double weightDecay;

    /** The whole computation in float64 on the calling thread. */
    public EvaluationSetLoss(Network trained, BnMode mode, Examples set, int chunkSize, double weightDecay) {
        this(trained, mode, set, chunkSize, weightDecay, DataType.DOUBLE, 1);
    }

    /**
     * @param trained   the network whose weights are copied (any data type; it is not modified)
     * @param mode      BN mode of the loss
     * @param set       the fixed evaluation set, already preprocessed as for training
     * @param chunkSize examples per batch-statistics chunk (the training batch size)
     * @param precision data type of the network copies the passes run in (float32 or float64)
     * @param threads   threads the passes may use (at most the cores, and one per chunk)
     */
    public EvaluationSetLoss(Network trained, BnMode mode, Examples set, int chunkSize, double weightDecay,
                        DataType precision, int threads) {
        int group = group(mode, set.count(), chunkSize);
        int count = shares(set.count(), group, threads);
        int groupsPerPass = groupsPerPass(trained.spec(), set.count(), group, count);
        HessianMemory.requirePassesFit(trained.spec().rowValues(), groupsPerPass * group, count, NativeMemory.available());
        var passes = new ArrayList<int[]>();
        for (int from = 0; from < set.count(); from += groupsPerPass * group) {
            passes.add(new int[]{from, Math.min(set.count(), from + groupsPerPass * group)});
        }
        count = Math.min(count, passes.size());
        this.shares = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            shares.add(new LossShare(trained, mode, set, passes.subList(s * passes.size() / count,
                    (s + 1) * passes.size() / count), mode == BnMode.ON ? group : 0, precision));
        }
        this.initialParameters = ParameterVectors.values(shares.get(0).parameters());
        this.weightDecay = weightDecay;
    }

    /** Rows of one batch-statistics group: the chunk in mode on, else each row on its own. */
    private static int group(BnMode mode, int examples, int chunkSize) {
        return mode == BnMode.ON ? Math.min(chunkSize, examples) : 1;
    }

    /** Network copies, one per thread, at most one per group. */
    private static int shares(int examples, int group, int threads) {
        int groups = (examples + group - 1) / group;
        return Math.max(1, Math.min(Math.min(threads, HessianWorkers.MAX_THREADS), groups));
    }

    /** Whole groups per pass: the shares' part of the set, within the rows the network's widest row allows. */
    private static int groupsPerPass(NetworkSpec spec, int examples, int group, int shares) {
        int groups = (examples + group - 1) / group;
        int passRows = (int) Math.max(1, Math.min(MAX_PASS_ROWS, MAX_PASS_VALUES / spec.rowValues()));
        return Math.max(1, Math.min((groups + shares - 1) / shares, passRows / group));
    }

    /** @throws HessianMemory.TooLargeException when the passes of this loss would not fit in native memory */
    static void requirePassesFit(NetworkSpec spec, BnMode mode, int examples, int chunkSize, int threads) {
        int group = group(mode, examples, chunkSize);
        int shares = shares(examples, group, threads);
        HessianMemory.requirePassesFit(spec.rowValues(), groupsPerPass(spec, examples, group, shares) * group, shares,
                NativeMemory.available());
    }

    public int dimension() {
        return initialParameters.length;
    }

    /** Threads the passes run on. */
    public int threads() {
        return shares.size();
    }

    public int classes() {
        return shares.get(0).classes();
    }

    /** The trained parameters the loss was built from. */
    public double[] initialParameters() {
        return initialParameters.clone();
    }

    /** Mean loss (plus the weight-decay term) at {@code w}. */
    public double value(double[] w) {
        double loss = HessianWorkers.map(shares, share -> share.value(w)).stream().mapToDouble(Double::doubleValue).sum();
        return loss + 0.5 * weightDecay * Vectors.dot(w, w);
    }

    /** ∇ of the mean loss (plus weight decay) at {@code w}. */
    public double[] gradient(double[] w) {
        double[] g = sum(HessianWorkers.map(shares, share -> new double[][]{share.gradient(w)}))[0];
        if (weightDecay > 0) {
            Vectors.axpy(weightDecay, w, g);
        }
        return g;
    }

    /** Exact H·v at the trained parameters (R-operator through every layer), plus weight decay λ·v. */
    public double[] hessianVector(double[] v) {
        return hessianVectors(new double[][]{v})[0];
    }

    /** Exact H·v_i for each vector of the block at once, at the trained parameters, plus λ·v_i. */
    public double[][] hessianVectors(double[][] block) {
        var first = shares.get(0);
        double[][] products = sum(HessianWorkers.map(shares, share -> share == first
                ? share.hessianVectors(initialParameters, block) : share.hessianVectorsInPlace(initialParameters, block)));
        if (weightDecay > 0) {
            for (int i = 0; i < block.length; i++) {
                Vectors.axpy(weightDecay, block[i], products[i]);
            }
        }
        return products;
    }

    /**
     * Gradients, at {@code w}, of a per-class statistic of the output logits over the evaluation set (Page,
     * "How to train your ResNet 7"): each batch-statistics group's statistic, weighted by its share of the set.
     * @return classes vectors of the parameter dimension
     */
    public double[][] logitStatisticGradients(double[] w, LogitStatistic statistic) {
        return sum(HessianWorkers.map(shares, share -> share.logitStatisticGradients(w, statistic)));
    }

    /** Each class's statistic of the output logits at {@code w}, as its gradient above is taken. */
    public double[] logitStatistics(double[] w, LogitStatistic statistic) {
        double[] total = new double[classes()];
        HessianWorkers.map(shares, share -> share.logitStatistics(w, statistic)).forEach(part -> Vectors.axpy(1, part, total));
        return total;
    }

    /** Element-wise sum of the shares' results, into the first. */
    private static double[][] sum(List<double[][]> parts) {
        double[][] total = parts.get(0);
        for (int s = 1; s < parts.size(); s++) {
            for (int i = 0; i < total.length; i++) {
                Vectors.axpy(1, parts.get(s)[i], total[i]);
            }
        }
        return total;
    }
}
