// Measures one trained net as Page does ("How to train your ResNet 7"): the top of its Hessian, how much of each
// eigenvector is covariate shift, the curvature left without the shift, the "cat neuron" moves, the layer split.
package org.shiftscope.model.reproduce.page;

import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.hessian.ComplementOperator;
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.hessian.ExactHessian;
import org.shiftscope.model.hessian.HessianAnalysis;
import org.shiftscope.model.hessian.Lanczos;
import org.shiftscope.model.hessian.ShiftSpans;
import org.shiftscope.model.hessian.SubspaceOverlap;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.shift.LayerShiftShare;
import org.shiftscope.model.shift.Perturbation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The network is measured in its current BN mode; its weights are unchanged afterwards. */
public final class PageMeasure {
    /** Early stop of the projected λ1's Lanczos: relative residual (as HessianAnalysis's top k). */
    private static final double TOLERANCE = HessianAnalysis.TOLERANCE;
    private static final long RANDOM_DIRECTION_SEED = 0x0CA7L;
    private static final long PROJECTED_START_SEED = 0x9A9EL;
    /** The half-class search doubles the move from the protocol's fraction this many times at most (1% → 128%). */
    private static final int HALF_CLASS_DOUBLINGS = 7;

    private PageMeasure() {
    }

    /**
     * @param name the net's name in the report
     * @param set  the fixed evaluation set, preprocessed as for training
     */
    public static NetMeasurement measure(String name, Network network, Examples set, PageProtocol protocol,
                                         double peak, double trainLoss) {
        long start = System.nanoTime();
        BnMode mode = network.bnMode();
        int threads = HessianAnalysis.availableThreads();
        var request = new HessianAnalysis.Request(protocol.topK(), protocol.iterations(), TOLERANCE, DataType.FLOAT, threads);
        var eigen = HessianAnalysis.topK(network, mode, set, protocol.batch(), PageProtocol.WEIGHT_DECAY, request, () -> false);
        var exact = new EvaluationSetLoss(network, mode, set, protocol.batch(), PageProtocol.WEIGHT_DECAY, DataType.DOUBLE, threads);
        double[] w = exact.initialParameters();
        var spans = ShiftSpans.of(exact, w);
        int found = eigen.eigenvalues().length;
        var overlapMeans = new double[found];
        var overlapMoments = new double[found];
        for (int i = 0; i < found; i++) {
            overlapMeans[i] = spans.means().fraction(eigen.eigenvectors()[i]);
            overlapMoments[i] = spans.moments().fraction(eigen.eigenvectors()[i]);
        }
        int[] products = {eigen.iterations()};
        double projectedMeans = projectedLambda1(exact, spans.means(), protocol, products);
        double projectedMoments = projectedLambda1(exact, spans.moments(), protocol, products);
        int c = Math.min(protocol.perturbedClass(), exact.classes() - 1);
        double[] shift = spans.meanGradients()[c];
        var perturbed = perturbations(network, set, protocol, shift, eigen.eigenvectors()[0], c);
        double squaredNorm = 0;
        for (double x : w) {
            squaredNorm += x * x;
        }
        double loss = exact.value(w) - 0.5 * PageProtocol.WEIGHT_DECAY * squaredNorm;
        return new NetMeasurement(name, mode.label(), peak, trainLoss, loss, eigen.eigenvalues(), overlapMeans,
                overlapMoments, projectedMeans, projectedMoments, perturbed, LayerShiftShare.of(network, shift),
                products[0], (System.nanoTime() - start) / 1e9, exact.dimension(),
                eigen.converged(), halfClassFraction(network, set, protocol, shift, c));
    }

    /** λ1 of (I − P)H(I − P), P the projector onto {@code span}; adds its products to {@code products[0]}. */
    private static double projectedLambda1(EvaluationSetLoss loss, SubspaceOverlap span, PageProtocol protocol,
                                           int[] products) {
        var operator = new ComplementOperator(new ExactHessian(loss, () -> false), span);
        var top = Lanczos.largest(operator, 1, Math.max(2, protocol.iterations() / 2), TOLERANCE,
                Lanczos.randomStart(operator.dimension(), 1, PROJECTED_START_SEED));
        products[0] += top.iterations();
        return top.eigenvalues()[0];
    }

    /** The first of f, 2f, 4f, … moving along the shift direction after which class c takes half the set. */
    private static Double halfClassFraction(Network network, Examples set, PageProtocol protocol, double[] shift, int c) {
        double fraction = protocol.fraction();
        for (int doubling = 0; doubling <= HALF_CLASS_DOUBLINGS; doubling++, fraction *= 2) {
            if (Perturbation.measure(network, set, protocol.batch(), shift, fraction).shareAfter(c) >= 0.5) {
                return fraction;
            }
        }
        return null;
    }

    /** Random, the class's shift direction and v1 (signed to raise the class's mean logit), each by the fraction. */
    private static List<NetMeasurement.Perturbed> perturbations(Network network, Examples set, PageProtocol protocol,
                                                                double[] shift, double[] v1, int c) {
        var random = new Random(RANDOM_DIRECTION_SEED);
        var gaussian = new double[shift.length];
        for (int i = 0; i < gaussian.length; i++) {
            gaussian[i] = random.nextGaussian();
        }
        double along = 0;
        for (int i = 0; i < v1.length; i++) {
            along += v1[i] * shift[i];
        }
        var top = v1.clone();
        if (along < 0) {
            for (int i = 0; i < top.length; i++) {
                top[i] = -top[i];
            }
        }
        var out = new ArrayList<NetMeasurement.Perturbed>();
        String[] names = {"random", "mean_logit_" + c, "v1"};
        double[][] directions = {gaussian, shift, top};
        for (int d = 0; d < names.length; d++) {
            var outcome = Perturbation.measure(network, set, protocol.batch(), directions[d], protocol.fraction());
            int gained = outcome.mostGained();
            out.add(new NetMeasurement.Perturbed(names[d], outcome.before(), outcome.after(), outcome.meanLogitChange(),
                    gained, outcome.shareBefore(gained), outcome.shareAfter(gained)));
        }
        return out;
    }
}
