// Comparison mode's promise: the two runs of a scenario differ only in BN mode, start from identical weights
// (γ = 1, β = 0 included) and see the same batches in the same order.
package org.shiftscope.model.train;

import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.scenario.Scenario;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ComparisonRunsTest {
    static final int BATCHES_COMPARED = 200;

    static Scenario comparison(TrainingConfig config, BnMode other, StressSettings stress) {
        return new Scenario("test", "Test", List.of("watch"), "", config, other, stress, List.of(), false);
    }

    @Test
    void theTwoRunsStartFromIdenticalWeightsAndSeeTheSameBatches() {
        var scenario = comparison(TrainingSessionTest.config(BnMode.ON, 0.05, 64), BnMode.OFF, null);
        var configs = scenario.runs();
        assertEquals(2, configs.size());
        assertEquals(configs.get(0).withOptimizer(configs.get(1).optimizer()), configs.get(1),
                "the configurations differ in nothing but the BN mode");
        assertEquals(BnMode.OFF, configs.get(1).optimizer().bnMode());

        var a = new TrainingSession(configs.get(0), TrainingSessionTest.DATA);
        var b = new TrainingSession(configs.get(1), TrainingSessionTest.DATA);
        b.network().setBnMode(BnMode.ON);             // lists the BN layers' γ and β too, which BN off leaves out
        List<Parameter> pa = a.network().parameters();
        List<Parameter> pb = b.network().parameters();
        assertEquals(pa.size(), pb.size());
        for (int i = 0; i < pa.size(); i++) {
            assertEquals(pa.get(i).name(), pb.get(i).name());
            assertArrayEquals(pa.get(i).value().data().asDouble(), pb.get(i).value().data().asDouble(), 0,
                    "initial " + pa.get(i).name());
        }
        b.network().setBnMode(BnMode.OFF);
        for (int i = 0; i < BATCHES_COMPARED; i++) {
            assertArrayEquals(a.sampler().next(), b.sampler().next(), "batch " + i);
        }
    }
}
