// BN statistics groups: one pass over several training-sized groups of rows, each normalised with its own
// batch statistics, against separate passes over each group (the oracle: the plain per-batch BN that the
// finite-difference tests check), for the forward values, the gradients and the Hessian-vector products, and
// for the running averages a training step over ghost batches leaves.
package org.shiftscope.model.net;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class StatisticsGroupsTest {
    static final double TOLERANCE = 1e-12;
    static final int ROWS = 60;            // groups of 16, 16, 16 and 12
    static final int GROUP = 16;
    static final int INPUTS = 7;
    static final int CLASSES = 3;
    static final int BLOCK = 2;

    private static Network network() {
        var network = new Network(new NetworkSpec(INPUTS, CLASSES, 3, 9, ActivationFunction.TANH, Initialization.HE, 4),
                BnMode.ON, DataType.DOUBLE);
        network.parameters().forEach(p -> p.value().addi(0.1));
        var random = new Random(5);
        for (Parameter p : network.parameters()) {
            var v = new double[(int) (BLOCK * p.size())];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextGaussian();
            }
            p.directions(BLOCK).assign(Nd4j.create(v, p.directions(BLOCK).shape(), DataType.DOUBLE));
        }
        return network;
    }

    private static INDArray rows(int from, int to) {
        var random = new Random(6);
        var x = new double[ROWS * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1.5 + random.nextGaussian();
        }
        return Nd4j.create(x, new long[]{ROWS, INPUTS}, DataType.DOUBLE).get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to), org.nd4j.linalg.indexing.NDArrayIndex.all()).dup();
    }

    private static int[] labels(int from, int to) {
        var labels = new int[to - from];
        for (int i = from; i < to; i++) {
            labels[i - from] = i % CLASSES;
        }
        return labels;
    }

    private static List<int[]> groups() {
        var groups = new ArrayList<int[]>();
        for (int from = 0; from < ROWS; from += GROUP) {
            groups.add(new int[]{from, Math.min(ROWS, from + GROUP)});
        }
        return groups;
    }

    private static double[] flat(List<Parameter> parameters, boolean hvpSlices) {
        var out = new ArrayList<Double>();
        for (Parameter p : parameters) {
            for (double v : (hvpSlices ? p.hvpSlices(BLOCK) : p.gradient()).dup('c').data().asDouble()) {
                out.add(v);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void onePassOverGroupsEqualsOnePassPerGroup() {
        var grouped = network();
        grouped.setStatisticsGroupRows(GROUP);
        var separate = network();

        double[] logits = grouped.forward(rows(0, ROWS), Pass.BATCH_STATISTICS).dup('c').data().asDouble();
        var expected = new ArrayList<Double>();
        for (int[] g : groups()) {
            for (double v : separate.forward(rows(g[0], g[1]), Pass.BATCH_STATISTICS).dup('c').data().asDouble()) {
                expected.add(v);
            }
        }
        assertArrayEquals(expected.stream().mapToDouble(Double::doubleValue).toArray(), logits, TOLERANCE, "logits");

        grouped.zeroGradients();
        grouped.lossAndGradient(rows(0, ROWS), labels(0, ROWS), Pass.BATCH_STATISTICS);
        separate.zeroGradients();
        for (int[] g : groups()) {
            separate.lossAndGradient(rows(g[0], g[1]), labels(g[0], g[1]), Pass.BATCH_STATISTICS, (double) (g[1] - g[0]) / ROWS);
        }
        assertArrayEquals(flat(separate.parameters(), false), flat(grouped.parameters(), false), TOLERANCE, "gradients");

        grouped.zeroHvpSlices(BLOCK);
        grouped.hessianVectorProducts(rows(0, ROWS), labels(0, ROWS), Pass.BATCH_STATISTICS, 1.0, BLOCK);
        separate.zeroHvpSlices(BLOCK);
        for (int[] g : groups()) {
            separate.hessianVectorProducts(rows(g[0], g[1]), labels(g[0], g[1]), Pass.BATCH_STATISTICS,
                    (double) (g[1] - g[0]) / ROWS, BLOCK);
        }
        assertArrayEquals(flat(separate.parameters(), true), flat(grouped.parameters(), true), TOLERANCE, "H·v");
    }

    /** Ghost batches: a training step over groups moves the running averages as one step per group, in order. */
    @Test
    void aTrainingStepOverGroupsUpdatesTheRunningAveragesOncePerGroup() {
        var grouped = network();
        grouped.setStatisticsGroupRows(GROUP);
        var separate = network();

        grouped.forward(rows(0, ROWS), Pass.TRAINING_STEP);
        for (int[] g : groups()) {
            separate.forward(rows(g[0], g[1]), Pass.TRAINING_STEP);
        }
        var expected = separate.layersOf(BatchNorm.class);
        var found = grouped.layersOf(BatchNorm.class);
        for (int i = 0; i < found.size(); i++) {
            assertArrayEquals(expected.get(i).runningMean().dup('c').data().asDouble(),
                    found.get(i).runningMean().dup('c').data().asDouble(), TOLERANCE, "running mean of BN " + i);
            assertArrayEquals(expected.get(i).runningVariance().dup('c').data().asDouble(),
                    found.get(i).runningVariance().dup('c').data().asDouble(), TOLERANCE, "running variance of BN " + i);
        }
    }
}
