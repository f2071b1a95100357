// `bench` and `soak` refuse out-of-range options with a usage error (exit 2) naming the range and the value,
// before any network is built or data loaded: train's ranges where the option is shared, named bounds otherwise.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shiftscope.app.TrainCommandTest.assertUsageError;

class RangeOptionsTest {
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            width must be between 8 and 1024 (got 99999)              | bench --width 99999
            batch size must be between 1 and 4096 (got 0)             | bench --batch 0
            depth must be between 1 and 50 (got 0)                    | bench --depth 0
            steps must be between 1 and 2147483647 (got -5)           | bench --steps -5
            steps must be between 1 and 2147483647 (got 0)            | bench --steps 0
            top-k must be between 1 and 30 (got 31)                   | bench --top-k 31
            needs a batch of at least 2                               | bench --bn on --batch 1
            lanczos-iters must be between 0 and 1000 (got -1)         | bench --lanczos-iters -1
            inputs must be between 1 and 4096 (got 100000)            | bench --inputs 100000
            classes must be between 2 and 1000 (got 1)                | bench --classes 1
            hessian-samples must be between 0 and 20000 (got -1)      | bench --hessian-samples -1
            minutes must be between 0.1 and 10080 (got 999999999)     | soak --minutes 999999999
            minutes must be between 0.1 and 10080 (got -1)            | soak --minutes -1
            minutes must be between 0.1 and 10080 (got NaN)           | soak --minutes NaN
            report-every must be between 1 and 86400 (got 0)          | soak --report-every 0
            hessian-every must be between 0 and 2147483647 (got -1)   | soak --hessian-every -1
            """)
    void outOfRangeOptionsAreRefusedWithTheirRange(String expected, String commandLine) {
        assertUsageError(expected, commandLine.split(" "));
    }

    @Test
    void benchZeroLanczosIterationsMeanFourPerEigenvalueAsInTrain() {
        var outcome = TrainCommandTest.run("bench", "--depth", "1", "--width", "8", "--batch", "4", "--inputs", "4",
                "--steps", "1", "--hessian-samples", "8", "--top-k", "2", "--lanczos-iters", "0");
        assertEquals(0, outcome.exitCode(), outcome.err());
    }
}
