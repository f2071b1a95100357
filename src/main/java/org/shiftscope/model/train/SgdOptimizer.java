// SGD with weight decay and heavy-ball or Nesterov momentum, in PyTorch's formulation so runs can be
// compared with torch.optim.SGD: g ← g + λw; v ← βv + g; w ← w − η·v (heavy ball) or w − η·(g + βv) (Nesterov).
package org.shiftscope.model.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.Workspaces;
import org.shiftscope.model.net.Parameter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class SgdOptimizer {
    /** Momentum buffers by parameter name; kept when BN is switched off, so switching back resumes them. */
    private final Map<String, INDArray> velocities = new HashMap<>();

    public void apply(List<Parameter> parameters, OptimizerSettings settings) {
        double lr = settings.learningRate();
        double beta = settings.momentum();
        for (Parameter p : parameters) {
            INDArray g = p.gradient();
            if (settings.weightDecay() > 0) {
                axpy(settings.weightDecay(), p.value(), g);      // g += λ·w
            }
            if (beta == 0) {
                axpy(-lr, g, p.value());                         // w −= η·g
                continue;
            }
            INDArray v = velocities.computeIfAbsent(p.name(), name -> zerosLike(g));
            v.muli(beta).addi(g);                                                // v = βv + g
            if (settings.nesterov()) {
                axpy(beta, v, g);                                // g + βv
                axpy(-lr, g, p.value());
            } else {
                axpy(-lr, v, p.value());
            }
        }
    }

    private static INDArray zerosLike(INDArray g) {
        try (var ignored = Workspaces.detached()) {
            return g.ulike().assign(0.0);
        }
    }

    /** y += α·x in place, for same-shaped contiguous arrays of any rank (BLAS axpy on the flat buffers). */
    private static void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(x.length(), alpha, x, y);
    }
}
