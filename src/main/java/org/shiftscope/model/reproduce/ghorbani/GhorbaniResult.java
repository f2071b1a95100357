// What a `reproduce ghorbani` run found: every net measured at every checkpoint it reached, the divergences that
// stopped a net early, and the run's time (Ghorbani, Krishnan & Xiao 2019).
package org.shiftscope.model.reproduce.ghorbani;

import org.shiftscope.model.train.Divergence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * @param settings     what was run
 * @param datasetName  the data's name as loaded ("fashion-mnist")
 * @param classes      K, the number of classes
 * @param measurements every net at every checkpoint it reached, by checkpoint then in {@link GhorbaniSettings#variants} order
 * @param divergences  the trained nets that diverged, with where and why (empty when both trained to the end)
 * @param seconds      wall-clock time of training and measuring
 */
public record GhorbaniResult(GhorbaniSettings settings, String datasetName, int classes, List<Measurement> measurements,
                             Map<NetVariant, Divergence> divergences, double seconds) {
    public GhorbaniResult {
        measurements = List.copyOf(measurements);
        divergences = Map.copyOf(divergences);
    }

    /** The measurement of {@code net} at {@code step}, if that net reached it. */
    public Optional<Measurement> find(NetVariant net, long step) {
        return measurements.stream().filter(m -> m.net() == net && m.step() == step).findFirst();
    }

    /** The measurements at {@code step}, in the variants' order. */
    public List<Measurement> at(long step) {
        return measurements.stream().filter(m -> m.step() == step).toList();
    }

    /** The measurements of {@code net}, by step. */
    public List<Measurement> of(NetVariant net) {
        return measurements.stream().filter(m -> m.net() == net).toList();
    }
}
