// What the settings do when the runs refuse them or a schedule changes them: the window's settings implement
// it, so the controls always describe the runs that exist.
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
    };

    /** Settings that could not be used: show what the runs use ({@code applied}: each lane's live settings). */
    void setBack(TrainingConfig running, List<LiveSettings> applied);

    /** A schedule (stress test, scenario change) chose {@code scheduled} for run {@code lane}. */
    void follow(int lane, LiveSettings scheduled);
}
