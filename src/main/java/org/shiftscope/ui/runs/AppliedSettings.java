// The live settings each lane trains with, as last set by hand, by its schedule or at its build: what the
// controls are set back to when a setting is refused, and what a hand change starts from.
package org.shiftscope.ui.runs;

import org.shiftscope.model.config.LiveSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

final class AppliedSettings {
    private final List<LiveSettings> applied = new ArrayList<>();

    /** New lanes: each trains with its configuration's settings. */
    void builtAs(List<RunLane> lanes) {
        applied.clear();
        lanes.forEach(l -> applied.add(l.snapshot().config().optimizer()));
    }

    /**
     * Each lane takes {@code settingsFor(lane, what it has)} at its next step, noted as a switch by hand.
     * @throws IllegalArgumentException when a lane's settings are not valid (then no lane changes)
     */
    void byHand(List<RunLane> lanes, BiFunction<Integer, LiveSettings, LiveSettings> settingsFor) {
        var wanted = new ArrayList<LiveSettings>();
        for (int i = 0; i < lanes.size(); i++) {
            wanted.add(settingsFor.apply(i, applied.get(i)));
        }
        for (int i = 0; i < lanes.size(); i++) {
            lanes.get(i).trainer().setLiveSettings(wanted.get(i));
            lanes.get(i).noteBnModeRequested(wanted.get(i).bnMode());
            applied.set(i, wanted.get(i));
        }
    }

    /** New lanes catch up with live settings changed while they were built. @throws IllegalArgumentException */
    void catchUp(List<RunLane> lanes, SettingsFollower follower) {
        for (int i = 0; i < lanes.size(); i++) {
            var wanted = follower.live(i, applied.get(i));
            if (!wanted.equals(applied.get(i))) {
                lanes.get(i).trainer().setLiveSettings(wanted);
                applied.set(i, wanted);
            }
        }
    }

    /** The controls follow what a schedule chose (the stress test's η, a scenario's BN switch). */
    void followSchedules(List<RunLane> lanes, SettingsFollower follower) {
        for (int i = 0; i < lanes.size(); i++) {
            var scheduled = lanes.get(i).scheduledSettingsChange();
            if (scheduled != null) {
                applied.set(i, scheduled);
                follower.follow(i, scheduled);
            }
        }
    }

    List<LiveSettings> list() {
        return List.copyOf(applied);
    }
}
