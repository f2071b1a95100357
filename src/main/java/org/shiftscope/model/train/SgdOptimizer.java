// SGD with weight decay and heavy-ball or Nesterov momentum in PyTorch's formulation (torch.optim.SGD):
// g ← g + λw; v ← βv + g; w ← w − η·v (heavy ball) or w − η·(g + βv) (Nesterov). One fused pass per parameter
// over its host buffers; momentum buffers in float64.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.net.Parameter;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class SgdOptimizer {
    /** Momentum buffers by parameter name; kept when BN is switched off, so switching back resumes them. */
    private final Map<String, double[]> velocities = new HashMap<>();

    public void apply(List<Parameter> parameters, LiveSettings settings) {
        parameters.forEach(SgdOptimizer::requireOwnBuffers);       // before any update: all or nothing
        for (Parameter p : parameters) {
            INDArray w = p.value();
            INDArray g = p.gradient();
            // A parameter whose size changed (a rebuilt network under the same name) starts without momentum.
            double[] v = velocities.get(p.name());
            if (v == null || v.length != w.length()) {
                v = new double[(int) w.length()];
                velocities.put(p.name(), v);
            }
            var rule = new Rule(settings, v);
            Nd4j.getAffinityManager().ensureLocation(w, AffinityManager.Location.HOST);
            Nd4j.getAffinityManager().ensureLocation(g, AffinityManager.Location.HOST);
            int n = (int) w.length();
            switch (w.dataType()) {
                case FLOAT -> {
                    FloatBuffer weights = w.data().asNioFloat();
                    FloatBuffer gradients = g.data().asNioFloat();
                    for (int k = 0; k < n; k++) {
                        weights.put(k, (float) rule.step(k, weights.get(k), gradients.get(k)));
                    }
                }
                case DOUBLE -> {
                    DoubleBuffer weights = w.data().asNioDouble();
                    DoubleBuffer gradients = g.data().asNioDouble();
                    for (int k = 0; k < n; k++) {
                        weights.put(k, rule.step(k, weights.get(k), gradients.get(k)));
                    }
                }
                default -> throw new IllegalArgumentException("expected float32 or float64, got " + w.dataType());
            }
            Nd4j.getAffinityManager().tagLocation(w, AffinityManager.Location.HOST);
        }
    }

    private static void requireOwnBuffers(Parameter p) {
        INDArray w = p.value();
        INDArray g = p.gradient();
        if (w.isView() || g.isView() || w.ordering() != 'c' || g.ordering() != 'c'
                || w.length() != g.length() || w.dataType() != g.dataType()) {
            throw new IllegalArgumentException("parameter " + p.name()
                    + " and its gradient must own contiguous C-order buffers of one size and type");
        }
    }

    /** The update of one element k of one parameter, with its momentum buffer v. */
    private record Rule(double lr, double beta, boolean nesterov, double weightDecay, double[] v) {
        Rule(LiveSettings s, double[] v) {
            this(s.learningRate(), s.momentum(), s.nesterov(), s.weightDecay(), v);
        }

        double step(int k, double w, double gradient) {
            double g = gradient + weightDecay * w;                  // g + λw
            if (beta == 0) {
                return w - lr * g;
            }
            v[k] = beta * v[k] + g;                                 // v = βv + g
            return w - lr * (nesterov ? g + beta * v[k] : v[k]);
        }
    }
}
