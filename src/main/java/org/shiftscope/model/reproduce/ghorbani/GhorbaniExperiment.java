// The experiment behind `reproduce ghorbani` (Ghorbani, Krishnan & Xiao 2019): train an MLP with BN and the same
// MLP without normalisation from one seed with one optimiser, and at each checkpoint measure each net's top-K
// Hessian eigenvalues and spectral density (and the BN net's again with population statistics).
package org.shiftscope.model.reproduce.ghorbani;

import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.hessian.DensityAnalysis;
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.hessian.HessianAnalysis;
import org.shiftscope.model.train.Divergence;
import org.shiftscope.model.train.TrainingSession;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Nets train one after the other, each on every core; nothing here is shared between threads. */
public final class GhorbaniExperiment {
    private static final double NANOS_PER_SECOND = 1e9;

    private final GhorbaniSettings settings;
    private final Dataset data;
    private final Consumer<String> progress;
    private final Map<NetVariant, TrainingSession> sessions = new EnumMap<>(NetVariant.class);
    private final HessianAnalysis.Request topK;

    /**
     * Builds both nets and checks that every measurement fits in memory, before any training.
     * @param progress receives one line per phase (training stretches and measurements)
     * @throws IllegalArgumentException when the settings do not fit the data (a batch larger than the training split)
     * @throws org.shiftscope.model.hessian.HessianMemory.TooLargeException when a measurement would not fit
     */
    public GhorbaniExperiment(GhorbaniSettings settings, Dataset data, Consumer<String> progress) {
        if (settings.batchSize() > data.train().count()) {
            throw new IllegalArgumentException("batch " + settings.batchSize() + " exceeds the " + data.train().count()
                    + " training examples");
        }
        this.settings = settings;
        this.data = data;
        this.progress = progress;
        this.topK = new HessianAnalysis.Request(data.classes(), 0, HessianAnalysis.TOLERANCE);
        for (NetVariant net : settings.variants()) {
            if (net.trainedOnItsOwn()) {
                sessions.put(net, new TrainingSession(settings.trainingConfig(net), data));
            }
        }
        for (NetVariant net : settings.variants()) {
            var session = sessionOf(net);
            HessianAnalysis.requireFits(session.network(), topK, net.measuredMode(), session.hessianSet(),
                    settings.batchSize());
            DensityAnalysis.requireFits(session.network(), settings.density());
        }
    }

    /** Trains each net to every checkpoint in turn and measures it there; a diverged net stops where it diverged. */
    public GhorbaniResult run() {
        long start = System.nanoTime();
        var measurements = new ArrayList<Measurement>();
        var divergences = new EnumMap<NetVariant, Divergence>(NetVariant.class);
        for (NetVariant trained : sessions.keySet()) {
            var session = sessions.get(trained);
            for (int checkpoint : settings.checkpoints()) {
                trainTo(session, trained, checkpoint);
                if (session.diverged()) {
                    divergences.put(trained, session.divergence());
                    progress.accept(String.format(Locale.ROOT, "%s diverged at step %d: %s; no later measurements",
                            trained.label(), session.divergence().step(), session.divergence().reason()));
                    break;
                }
                for (NetVariant net : settings.variants()) {
                    if (sessionOf(net) == session) {
                        measurements.add(measure(net, session));
                    }
                }
            }
        }
        measurements.sort(Comparator.comparingLong(Measurement::step)
                .thenComparing(m -> settings.variants().indexOf(m.net())));
        return new GhorbaniResult(settings, data.name(), data.classes(), measurements, divergences,
                (System.nanoTime() - start) / NANOS_PER_SECOND);
    }

    private TrainingSession sessionOf(NetVariant net) {
        return sessions.get(net.trainedOnItsOwn() ? net : NetVariant.BN_ON);
    }

    private void trainTo(TrainingSession session, NetVariant net, int checkpoint) {
        if (session.stepsTaken() >= checkpoint) {
            return;
        }
        long start = System.nanoTime();
        long from = session.stepsTaken();
        double lastLoss = Double.NaN;
        while (session.stepsTaken() < checkpoint && !session.diverged()) {
            lastLoss = session.step().trainLoss();
        }
        double seconds = (System.nanoTime() - start) / NANOS_PER_SECOND;
        progress.accept(String.format(Locale.ROOT, "%s: trained steps %d–%d in %.1f s, last batch loss %.4f",
                net.label(), from + 1, session.stepsTaken(), seconds, lastLoss));
    }

    /** The top-K eigenpairs and the density of {@code net}'s loss at the session's current weights. */
    private Measurement measure(NetVariant net, TrainingSession session) {
        var mode = net.measuredMode();
        var network = session.network();
        long step = session.stepsTaken();
        var hessian = HessianAnalysis.run(network, mode, session.hessianSet(), settings.batchSize(),
                settings.optimizer(net).withBnMode(mode), topK, step, 0, () -> false);
        var density = DensityAnalysis.run(network, mode, session.hessianSet(), settings.batchSize(), 0, settings.density(),
                step, 0, HessianAnalysis.availableThreads(), () -> false);
        var loss = new EvaluationSetLoss(network, mode, session.hessianSet(), settings.batchSize(), 0);
        double evalLoss = loss.value(loss.initialParameters());
        var measurement = new Measurement(net, step, hessian, density, loss.dimension(), evalLoss,
                session.evaluateTest().accuracy());
        progress.accept(String.format(Locale.ROOT,
                "%s at step %d: λ1 = %.4g, λ1/λ%d = %.3g, gradient in top-%d = %.0f%%, test accuracy %.3f "
                        + "(top-%d %.1f s, density %.1f s)", net.label(), step, measurement.lambdaMax(), data.classes(),
                measurement.outlierRatio(), data.classes(), 100 * measurement.gradientShare(),
                measurement.testAccuracy(), data.classes(), hessian.seconds(), density.seconds()));
        return measurement;
    }
}
