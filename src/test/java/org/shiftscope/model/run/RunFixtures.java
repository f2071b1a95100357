// The small synthetic run the driver and background-trainer tests share (the same as TrainingSessionTest's).
package org.shiftscope.model.run;

import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;

final class RunFixtures {
    static final Dataset DATA = SyntheticData.generate(11);
    static final int STEPS = 60;

    private RunFixtures() {
    }

    static TrainingConfig config(BnMode mode, double lr, int batch) {
        return new TrainingConfig("synthetic", 3, 32, ActivationFunction.RELU, Initialization.HE, false, batch,
                STEPS, 4, 20, 0, new LiveSettings(lr, 0.9, false, 1e-4, mode),
                new HessianSettings(0, 10, 256, 0));
    }
}
