// One run's shift experiments in the window (Page, "How to train your ResNet 7"): a perturbation of a copy of the
// weights when asked, the per-layer split of the largest class-mean shift after each Hessian report, BN switch or
// LAYER_SHIFT_EVERY steps, both on their own thread beside training; Keep moves the live weights between steps.
package org.shiftscope.model.run;

import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.hessian.ParameterVectors;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.shift.LayerShiftReport;
import org.shiftscope.model.shift.Perturbation;
import org.shiftscope.model.shift.PerturbationReport;
import org.shiftscope.model.shift.PerturbationRequest;
import org.shiftscope.model.shift.ShiftDirections;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.train.RunEvent;
import org.shiftscope.model.train.TrainingSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

public final class ShiftExperiments implements AutoCloseable {
    /** Steps between two layer splits when no Hessian report comes (a run that measures only on request). */
    public static final int LAYER_SHIFT_EVERY = 500;
    /**
     * Share of the wall-clock time the layer splits may take at most: each takes a core for a moment beside training
     * (10 gradient passes over the evaluation set), so after one of d seconds the next waits d·(1 − s)/s.
     */
    static final double LAYER_SHIFT_TIME_SHARE = 0.1;

    /** The latest perturbation and its step Δw over the trained parameters of its BN mode, for Keep. */
    private record Move(PerturbationReport report, double[] delta) {
    }

    private final ShiftThread thread = new ShiftThread();
    private final BackgroundHessian hessian;
    private final Runnable wake;
    private final AtomicReference<PerturbationRequest> requested = new AtomicReference<>();
    private final AtomicReference<PerturbationReport> keepRequested = new AtomicReference<>();
    private final ConcurrentLinkedQueue<CompletableFuture<double[]>> weightReads = new ConcurrentLinkedQueue<>();
    private final AtomicInteger perturbationsComputing = new AtomicInteger();
    private final AtomicInteger splitsPending = new AtomicInteger();       // handed over, not finished
    private final AtomicLong latestSplit = new AtomicLong();         // the number of the last split handed over
    private final AtomicLong lastSplitNanos = new AtomicLong();      // how long the last layer split took
    private final AtomicLong lastSplitEnd = new AtomicLong();        // when it ended (System.nanoTime())
    private final LinkedBlockingQueue<PerturbationReport> reports = new LinkedBlockingQueue<>();
    private final AtomicReference<Move> lastMove = new AtomicReference<>();
    private final AtomicReference<LayerShiftReport> layerShift = new AtomicReference<>();

    // Owned by the training thread.
    private long generation = -1;
    private long layerShiftStep = -1;            // the step of the last layer split handed over, or −1
    private HessianReport hessianSeen;           // the Hessian report that was newest then
    private BnMode layerShiftMode;               // and the BN mode it was taken in

    /**
     * @param hessian the run's Hessian thread: a layer split waits until it is idle (they would share the cores)
     * @param wake    tells the training thread there is work between its steps (it may be paused)
     */
    ShiftExperiments(BackgroundHessian hessian, Runnable wake) {
        this.hessian = hessian;
        this.wake = wake;
    }

    /** Measures {@code request} on a copy of the weights as they are between the next two steps. */
    public void perturb(PerturbationRequest request) {
        requested.set(request);
        wake.run();
    }

    /** Moves the live weights by {@code report}'s step, if it is still the latest and of these weights' run. */
    public void keep(PerturbationReport report) {
        keepRequested.set(report);
        wake.run();
    }

    /** The live weights as one float64 vector over the parameters that train in the run's BN mode, read between steps. */
    public CompletableFuture<double[]> currentWeights() {
        var read = new CompletableFuture<double[]>();
        weightReads.add(read);
        wake.run();
        return read;
    }

    /** Perturbations finished since the last call, oldest first. */
    public List<PerturbationReport> drainPerturbations() {
        var drained = new ArrayList<PerturbationReport>();
        reports.drainTo(drained);
        return drained;
    }

    /** The newest split of the largest class-mean shift by layer, of any generation, or null. */
    public LayerShiftReport latestLayerShift() {
        return layerShift.get();
    }

    /** Whether a perturbation is asked for or being computed. */
    public boolean perturbing() {
        return requested.get() != null || perturbationsComputing.get() > 0;
    }

    /** Why the last experiment or Keep failed, or null. */
    public String lastError() {
        return thread.lastError();
    }

    /** Whether {@link #takeTurn} has something to do now (called on the training thread). */
    boolean hasWork(TrainingSession session, boolean analysable) {
        return requested.get() != null || keepRequested.get() != null || !weightReads.isEmpty()
                || layerShiftDue(session, analysable);
    }

    /**
     * Between two steps on the training thread: answers weight reads, applies a Keep, hands a requested
     * perturbation and a due layer split to the experiments' thread on copies of the weights.
     * @param currentGeneration the trainer's rebuild counter: a new one forgets the old weights' moves
     * @return whether the live weights moved (a Keep)
     */
    boolean takeTurn(TrainingSession session, long currentGeneration, boolean analysable) {
        follow(currentGeneration);
        for (CompletableFuture<double[]> read; (read = weightReads.poll()) != null; ) {
            read.complete(ParameterVectors.values(session.network().parameters()));
        }
        var request = requested.getAndSet(null);
        if (request != null && analysable) {
            submitPerturbation(session, request);
        }
        if (layerShiftDue(session, analysable)) {
            submitLayerShift(session, hessian.latest());
        }
        var kept = keepRequested.getAndSet(null);
        return kept != null && keep(session, kept);
    }

    /**
     * Hands a layer split of the weights of each BN switch and each kept move over at once, from within the step that
     * makes it (a scheduled freeze is followed by a step before the trainer's next turn between steps).
     */
    RunListener atChanges(TrainingSession session, LongSupplier currentGeneration) {
        return new RunListener() {
            @Override
            public void runEvent(RunEvent event) {
                if ((event.kind() == RunEvent.Kind.BN_MODE || event.kind() == RunEvent.Kind.WEIGHTS) && !session.diverged()
                        && !thread.closed()) {
                    follow(currentGeneration.getAsLong());
                    submitLayerShift(session, hessian.latest());
                }
            }
        };
    }

    /** New weights (a rebuild) forget the old ones' splits and moves. */
    private void follow(long currentGeneration) {
        if (currentGeneration != generation) {
            generation = currentGeneration;
            layerShiftStep = -1;
            hessianSeen = null;
            layerShiftMode = null;
            lastMove.set(null);
        }
    }

    /**
     * A split is due at once at a run's start and in a new BN mode, on the weights of that moment (a freeze's split
     * is of the freeze's weights even if the run blows up next); and, once the last one is done and has had its
     * time share, on new weights after each Hessian report or LAYER_SHIFT_EVERY steps while the Hessian thread is
     * idle. Every split is computed while the Hessian thread is idle (they would share the cores, and training waits
     * for the Hessian); one handed over behind another that has not started yet replaces it.
     */
    private boolean layerShiftDue(TrainingSession session, boolean analysable) {
        if (!analysable || thread.closed()) {
            return false;
        }
        long step = session.stepsTaken();
        if (layerShiftStep < 0 || session.liveSettings().bnMode() != layerShiftMode) {
            return true;
        }
        long rest = (long) (lastSplitNanos.get() * (1 - LAYER_SHIFT_TIME_SHARE) / LAYER_SHIFT_TIME_SHARE);
        return step != layerShiftStep && (hessian.latest() != hessianSeen || step - layerShiftStep >= LAYER_SHIFT_EVERY)
                && !hessian.busy() && splitsPending.get() == 0 && System.nanoTime() - lastSplitEnd.get() >= rest;
    }

    /** A copy of the live weights, in the BN mode the next step trains in. */
    private static Network copyOfWeights(TrainingSession session) {
        Network weights = session.network().copy(DataType.FLOAT);
        weights.setBnMode(session.liveSettings().bnMode());
        return weights;
    }

    private void submitPerturbation(TrainingSession session, PerturbationRequest request) {
        Network weights = copyOfWeights(session);
        long step = session.stepsTaken();
        long capturedGeneration = generation;
        var set = session.hessianSet();
        int groupRows = session.config().statisticsRows();
        int iterations = session.config().hessian().iterations();
        perturbationsComputing.incrementAndGet();
        thread.run("perturbation", () -> {
            double[] direction = ShiftDirections.of(weights, set, groupRows, request, iterations, thread::closed);
            var outcome = Perturbation.measure(weights, set, groupRows, direction, request.fraction());
            var report = new PerturbationReport(step, capturedGeneration, weights.bnMode(), request, outcome.before(),
                    outcome.after(), outcome.stepNorm());
            lastMove.set(new Move(report, scaled(direction, outcome.stepNorm())));
            reports.offer(report);
        }, perturbationsComputing::decrementAndGet);
    }

    private void submitLayerShift(TrainingSession session, HessianReport latestHessian) {
        layerShiftStep = session.stepsTaken();
        layerShiftMode = session.liveSettings().bnMode();
        hessianSeen = latestHessian;
        try {
            ShiftDirections.requireGradientsFit(session.network());
        } catch (IllegalStateException e) {
            thread.setLastError("Where the shift lives: not computed: " + e.getMessage());
            return;
        }
        Network weights = copyOfWeights(session);
        long step = session.stepsTaken();
        long capturedGeneration = generation;
        var set = session.hessianSet();
        int groupRows = session.config().statisticsRows();
        splitsPending.incrementAndGet();
        long ticket = latestSplit.incrementAndGet();
        thread.run("layer split of the shift", () -> {
            thread.awaitIdle(hessian);
            if (ticket != latestSplit.get() || thread.closed()) {
                return;                                   // a later split was handed over: this one is stale
            }
            long start = System.nanoTime();
            layerShift.set(ShiftDirections.largestShift(weights, set, groupRows, step, capturedGeneration));
            lastSplitNanos.set(System.nanoTime() - start);
        }, () -> {
            lastSplitEnd.set(System.nanoTime());
            splitsPending.decrementAndGet();
            wake.run();                       // another split may be due by now
        });
    }

    /** {@code direction} scaled to length {@code length}. */
    private static double[] scaled(double[] direction, double length) {
        double norm = Math.sqrt(Arrays.stream(direction).map(x -> x * x).sum());
        var out = new double[direction.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = direction[i] * length / norm;
        }
        return out;
    }

    /** Adds the latest move to the live weights and records it as the user's change at this step. */
    private boolean keep(TrainingSession session, PerturbationReport report) {
        var move = lastMove.get();
        if (move == null || move.report() != report || report.generation() != generation) {
            thread.setLastError("Keep: that perturbation is no longer the latest of these weights; perturb again");
            return false;
        }
        if (report.bnMode() != session.liveSettings().bnMode()) {
            thread.setLastError("Keep: the BN mode changed since that perturbation; perturb again");
            return false;
        }
        session.network().setBnMode(report.bnMode());          // as the next step would: the parameters of that mode
        var parameters = session.network().parameters();
        double[] w = ParameterVectors.values(parameters);
        for (int i = 0; i < w.length; i++) {
            w[i] += move.delta()[i];
        }
        ParameterVectors.assign(parameters, w);
        session.addEvents(List.of(new RunEvent(session.stepsTaken(), RunEvent.Kind.WEIGHTS, "",
                report.request().describe(), RunEvent.Cause.USER)));
        lastMove.set(null);
        thread.setLastError(null);
        return true;
    }

    @Override
    public void close() {
        thread.close();
        weightReads.forEach(read -> read.cancel(false));
    }

    boolean isTerminated() {
        return thread.isTerminated();
    }
}
