// Every enum option of every command: an unknown value is a usage error (exit 2) that names the option, the
// value and the allowed values, never Java's "No enum constant"; the values are read case-insensitively.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shiftscope.app.TrainCommandTest.assertUsageError;

class EnumOptionsTest {
    static final String BN_CHOICES = "'maybe' is not one of off, on, frozen";

    @Test
    void everyEnumOptionListsItsAllowedValues(@TempDir Path out) {
        String dir = out.toString();
        assertUsageError("Invalid value for option '--bn': " + BN_CHOICES, "train", "--out", dir, "--bn", "maybe");
        assertUsageError("Invalid value for option '--activation': 'maybe' is not one of relu, tanh, sigmoid, softplus, softplus10",
                "train", "--out", dir, "--activation", "maybe");
        assertUsageError("Invalid value for option '--init': 'maybe' is not one of he, xavier",
                "train", "--out", dir, "--init", "maybe");
        assertUsageError("Invalid value for option '--bn': " + BN_CHOICES, "bench", "--bn", "maybe");
        assertUsageError("Invalid value for option '--activation': 'maybe' is not one of relu, tanh",
                "bench", "--activation", "maybe");
        assertUsageError("Invalid value for option '--bn': " + BN_CHOICES, "soak", "--bn", "maybe");
        assertUsageError("Invalid value for option '--bn': " + BN_CHOICES, "--bn", "maybe");
        assertUsageError("--bn-mode must be on, frozen or as-trained (got 'maybe')",
                "hessian", "--model", dir, "--out", dir, "--bn-mode", "maybe");
    }

    @Test
    void enumValuesAreReadCaseInsensitively(@TempDir Path out) {
        var outcome = TrainCommandTest.run("train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "1",
                "--width", "8", "--steps", "1", "--batch", "8", "--bn", "OFF", "--activation", "Tanh", "--init", "XAVIER");
        assertEquals(0, outcome.exitCode(), outcome.err());
    }
}
