// Settings changes become events, one per changed setting, and a run's events read as one line for a figure's
// title: listed one by one when few, summed up (first → last, count, steps) when a stress test made many.
package org.shiftscope.model.train;

import org.shiftscope.model.config.LiveSettings;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunEventTest {
    static final LiveSettings START = new LiveSettings(0.1, 0, false, 0, BnMode.ON);

    @Test
    void eachChangedSettingIsOneEventBnModeFirst() {
        var next = new LiveSettings(3.16, 0.9, true, 0, BnMode.FROZEN);
        assertEquals(List.of(
                new RunEvent(600, RunEvent.Kind.BN_MODE, "on", "frozen", RunEvent.Cause.USER),
                new RunEvent(600, RunEvent.Kind.LEARNING_RATE, "0.1", "3.16", RunEvent.Cause.USER),
                new RunEvent(600, RunEvent.Kind.MOMENTUM, "0", "0.9 (Nesterov)", RunEvent.Cause.USER)),
                RunEvent.between(600, START, next, RunEvent.Cause.USER));
        assertEquals(List.of(), RunEvent.between(600, START, START, RunEvent.Cause.USER));
    }

    @Test
    void theHeadlineListsFewChangesAndSumsUpMany() {
        var events = new ArrayList<RunEvent>();
        events.add(new RunEvent(600, RunEvent.Kind.BN_MODE, "on", "frozen", RunEvent.Cause.SCENARIO));
        events.add(new RunEvent(900, RunEvent.Kind.BN_MODE, "frozen", "off", RunEvent.Cause.USER));
        double eta = 0.05;
        for (int stretch = 1; stretch <= 5; stretch++) {
            events.add(new RunEvent(200L * stretch, RunEvent.Kind.LEARNING_RATE, RunEvent.number(eta),
                    RunEvent.number(eta * 2), RunEvent.Cause.STRESS_TEST));
            eta *= 2;
        }
        events.add(RunEvent.diverged(new Divergence(1234, "the training loss exploded")));
        assertEquals("BN on → frozen at 600, frozen → off at 900 · η 0.05 → 1.6 in 5 changes (steps 200–1000)"
                + " · diverged at 1234", RunEvents.headline(events, Normalization.BATCH));
        assertEquals("", RunEvents.headline(List.of(), Normalization.BATCH));
    }

    /** A LayerNorm or GroupNorm network's mode switches are named by its normalisation, not as BN's. */
    @Test
    void keptPerturbationsReadAsWeightsMovedAndEachIsListed() {
        var first = new RunEvent(400, RunEvent.Kind.WEIGHTS, "", "1% along v1", RunEvent.Cause.USER);
        var second = new RunEvent(700, RunEvent.Kind.WEIGHTS, "", "2% along ∂ mean logit 3", RunEvent.Cause.USER);
        assertEquals("weights moved 1% along v1", first.describe(Normalization.BATCH));
        assertEquals("weights moved 1% along v1 at 400, 2% along ∂ mean logit 3 at 700",
                RunEvents.headline(List.of(first, second), Normalization.BATCH));
    }

    @Test
    void aModeSwitchIsNamedByTheNetworksNormalisation() {
        var on = new RunEvent(300, RunEvent.Kind.BN_MODE, "off", "on", RunEvent.Cause.USER);
        assertEquals("BN off → on", on.describe(Normalization.BATCH));
        assertEquals("LayerNorm off → on", on.describe(Normalization.LAYER));
        assertEquals("GroupNorm off → on at 300", RunEvents.headline(List.of(on), Normalization.GROUP));
        var eta = new RunEvent(400, RunEvent.Kind.LEARNING_RATE, "0.1", "0.2", RunEvent.Cause.USER);
        assertEquals("η 0.1 → 0.2", eta.describe(Normalization.LAYER));
    }
}
