// Every enum option of every command: an unknown value is a usage error (exit 2) that names the option, the
// value and the allowed values, never Java's "No enum constant"; the values are read case-insensitively.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnumOptionsTest {
    static final int USAGE_ERROR = 2;
    static final String BAD_VALUE = "maybe";

    private static void assertRefusedWithChoices(String option, String choices, String... args) {
        var outcome = TrainCommandTest.run(args);
        assertEquals(USAGE_ERROR, outcome.exitCode(), outcome.err());
        String first = outcome.err().lines().findFirst().orElse("");
        assertTrue(first.contains(option), first);
        assertTrue(first.contains("'" + BAD_VALUE + "'"), first);
        assertTrue(first.contains(choices), first);
        assertFalse(outcome.err().contains("No enum constant"), outcome.err());
        assertFalse(outcome.err().contains("Exception"), outcome.err());
    }

    @Test
    void everyEnumOptionListsItsAllowedValues(@TempDir Path out) {
        String dir = out.toString();
        assertRefusedWithChoices("--bn", "off, on, frozen", "train", "--out", dir, "--bn", BAD_VALUE);
        assertRefusedWithChoices("--activation", "relu, tanh, sigmoid, softplus",
                "train", "--out", dir, "--activation", BAD_VALUE);
        assertRefusedWithChoices("--init", "he, xavier", "train", "--out", dir, "--init", BAD_VALUE);
        assertRefusedWithChoices("--bn", "off, on, frozen", "bench", "--bn", BAD_VALUE);
        assertRefusedWithChoices("--activation", "relu, tanh", "bench", "--activation", BAD_VALUE);
        assertRefusedWithChoices("--bn", "off, on, frozen", "soak", "--bn", BAD_VALUE);
        assertRefusedWithChoices("--bn", "off, on, frozen", "--bn", BAD_VALUE);
        assertRefusedWithChoices("--bn-mode", "on, frozen or as-trained",
                "hessian", "--model", dir, "--out", dir, "--bn-mode", BAD_VALUE);
    }

    @Test
    void enumValuesAreReadCaseInsensitively(@TempDir Path out) {
        var outcome = TrainCommandTest.run("train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "1",
                "--width", "8", "--steps", "1", "--batch", "8", "--bn", "OFF", "--activation", "Tanh", "--init", "XAVIER");
        assertEquals(0, outcome.exitCode(), outcome.err());
    }
}
