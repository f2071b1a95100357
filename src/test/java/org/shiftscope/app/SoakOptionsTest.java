// `soak` refuses out-of-range options with a usage error (exit 2) naming the range and the value, before the
// data loads: a huge --minutes no longer overflows into an instant exit, a zero --report-every is refused.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;

import static org.shiftscope.app.BenchOptionsTest.assertUsageError;

class SoakOptionsTest {
    @Test
    void outOfRangeOptionsAreRefusedWithTheirRange() {
        assertUsageError("minutes must be between 0.1 and 10080 (got 999999999)", "soak", "--minutes", "999999999");
        assertUsageError("minutes must be between 0.1 and 10080 (got -1)", "soak", "--minutes", "-1");
        assertUsageError("minutes must be between 0.1 and 10080 (got NaN)", "soak", "--minutes", "NaN");
        assertUsageError("report-every must be between 1 and 86400 (got 0)", "soak", "--report-every", "0");
        assertUsageError("hessian-every must be between 0 and", "soak", "--hessian-every", "-1");
    }
}
