// `bench` refuses out-of-range options with a usage error (exit 2) naming the option's range and the value,
// before any network is built: train's ranges where the option is shared, named bounds otherwise.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {
    static final int USAGE_ERROR = 2;

    static void assertUsageError(String expected, String... args) {
        var outcome = TrainCommandTest.run(args);
        assertEquals(USAGE_ERROR, outcome.exitCode(), outcome.err());
        String first = outcome.err().lines().findFirst().orElse("");
        assertTrue(first.contains(expected), first);
        assertFalse(outcome.err().contains("Exception"), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }

    @Test
    void outOfRangeOptionsAreRefusedWithTheirRange() {
        assertUsageError("width must be between 8 and 1024 (got 99999)", "bench", "--width", "99999");
        assertUsageError("batch size must be between 1 and 4096 (got 0)", "bench", "--batch", "0");
        assertUsageError("depth must be between 1 and 50 (got 0)", "bench", "--depth", "0");
        assertUsageError("steps must be between 1 and", "bench", "--steps", "-5");
        assertUsageError("steps must be between 1 and", "bench", "--steps", "0");
        assertUsageError("top-k must be between 1 and 30 (got 31)", "bench", "--top-k", "31");
        assertUsageError("needs a batch of at least 2 (got 1)", "bench", "--bn", "on", "--batch", "1");
        assertUsageError("lanczos-iters must be between 0 and 1000 (got -1)", "bench", "--lanczos-iters", "-1");
        assertUsageError("inputs must be between 1 and " + BenchCommand.MAX_INPUTS, "bench", "--inputs", "100000");
        assertUsageError("classes must be between 2 and " + BenchCommand.MAX_CLASSES, "bench", "--classes", "1");
        assertUsageError("hessian-samples must be between 0 and 20000 (got -1)", "bench", "--hessian-samples", "-1");
    }

    @Test
    void zeroLanczosIterationsMeanFourPerEigenvalueAsInTrain() {
        var outcome = TrainCommandTest.run("bench", "--depth", "1", "--width", "8", "--batch", "4", "--inputs", "4",
                "--steps", "1", "--hessian-samples", "8", "--top-k", "2", "--lanczos-iters", "0");
        assertEquals(0, outcome.exitCode(), outcome.err());
    }
}
