// What the settings do when the runs refuse them or a schedule changes them, and what live settings new runs
// should take: the window's settings answer, so the controls always describe the runs that exist.
package org.shiftscope.ui.runs;

import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;

import java.util.List;

public interface SettingsFollower {
    /** Does nothing: for runs shown without controls. */
    SettingsFollower NONE = new SettingsFollower() {
        @Override
        public void setBack(TrainingConfig running, List<LiveSettings> applied) {
        }

        @Override
        public void follow(int lane, LiveSettings scheduled) {
        }

        @Override
        public LiveSettings live(int lane, LiveSettings had) {
            return had;
        }
    };

    /** Settings that could not be used: show what the runs use ({@code applied}: each lane's live settings). */
    void setBack(TrainingConfig running, List<LiveSettings> applied);

    /** A schedule (stress test, scenario change) chose {@code scheduled} for run {@code lane}. */
    void follow(int lane, LiveSettings scheduled);

    /** The live settings run {@code lane} should have now, given {@code had} (what it was built with). */
    LiveSettings live(int lane, LiveSettings had);
}
