// ‖∂loss/∂W_ℓ‖² of every weight layer of a freshly initialised network on one batch, in float64: the quantity
// whose growth with depth Yang et al. 2019 (ICLR, arXiv 1902.08129) predict; loss = mean softmax cross-entropy.
package org.shiftscope.model.reproduce.yang;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Pass;

public final class InitialGradients {
    private InitialGradients() {
    }

    /**
     * @param squaredNorms       ‖∂loss/∂W‖² per weight layer in forward order, the classifier's last
     * @param reluVarianceShares per ReLU in forward order, the mean over units of Var_batch(ReLU(u)) / Var_batch(u)
     *                           for its input u: (π−1)/(2π) ≈ 0.3408 when u is N(0, 1) over the batch
     */
    public record Measurement(double[] squaredNorms, double[] reluVarianceShares) {
    }

    /**
     * BN (when on) normalises with this batch's own statistics, as in a training step at initialisation.
     * @param x (batch, inputs) @param labels one class per row
     */
    public static Measurement measure(NetworkSpec spec, BnMode mode, INDArray x, int[] labels) {
        var network = new Network(spec, mode, DataType.DOUBLE);
        network.zeroGradients();
        network.lossAndGradient(x, labels, Pass.BATCH_STATISTICS);
        double[] norms = network.stageGradientNorms();
        var squared = new double[norms.length];
        for (int i = 0; i < norms.length; i++) {
            squared[i] = norms[i] * norms[i];
        }
        var shares = new double[norms.length - 1];                   // one ReLU per hidden weight layer
        for (int i = 0; i < shares.length; i++) {
            shares[i] = reluVarianceShare(network.nonlinearityInput(i).values());
        }
        return new Measurement(squared, shares);
    }

    /** @param u (batch, units) the input of a ReLU */
    static double reluVarianceShare(INDArray u) {
        INDArray inputVariance = u.var(false, 0);                                   // (units)
        INDArray outputVariance = Transforms.relu(u, true).var(false, 0);           // (units)
        return outputVariance.divi(inputVariance).meanNumber().doubleValue();
    }
}
