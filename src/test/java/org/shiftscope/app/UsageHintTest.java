// A usage error on any command prints its one-line message and a one-line pointer to that command's --help,
// never the whole usage (65 lines that buried the message), and exits with 2; a mistyped option keeps
// picocli's "did you mean" suggestion.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsageHintTest {
    static final String TRAIN_HINT = "Run 'shiftscope train --help' for the options.";

    @Test
    void aRangeErrorIsOneLinePlusTheHint(@TempDir Path out) {
        var outcome = TrainCommandTest.run("train", "--out", out.toString(), "--depth", "0");
        assertEquals(TrainCommand.EXIT_BAD_INPUT, outcome.exitCode());
        assertEquals(List.of("error: depth must be between 1 and 50 (got 0)", TRAIN_HINT), outcome.err().lines().toList());
    }

    @Test
    void unknownOptionsOnEveryCommandNameTheirOwnHelp(@TempDir Path out) {
        assertHintOnly("Run 'shiftscope --help' for the options.", "--bogus");
        assertHintOnly(TRAIN_HINT, "train", "--out", out.toString(), "--bogus");
        assertHintOnly("Run 'shiftscope hessian --help' for the options.", "hessian", "--bogus");
        assertHintOnly("Run 'shiftscope render --help' for the options.", "render", "--scenario", "x", "--out", out.toString(), "--scale", "9");
        assertHintOnly("Run 'shiftscope bench --help' for the options.", "bench", "--steps", "many");
        assertHintOnly("Run 'shiftscope soak --help' for the options.", "soak", "--minutes", "0");
    }

    @Test
    void aMistypedOptionIsStillSuggested(@TempDir Path out) {
        var lines = TrainCommandTest.run("train", "--out", out.toString(), "--dept", "3").err().lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertEquals("error: Unknown options: '--dept', '3'", lines.get(0));
        assertTrue(lines.get(1).startsWith("Possible solutions: --depth"), lines.get(1));
        assertEquals(TRAIN_HINT, lines.get(2));
    }

    /** Exit 2, the error line and the hint, and no usage text. */
    private static void assertHintOnly(String hint, String... args) {
        var outcome = TrainCommandTest.run(args);
        var lines = outcome.err().lines().toList();
        assertEquals(TrainCommand.EXIT_BAD_INPUT, outcome.exitCode(), outcome.err());
        assertEquals(hint, lines.get(lines.size() - 1), outcome.err());
        assertEquals(2, lines.size(), outcome.err());
        assertFalse(outcome.err().contains("Usage:"), outcome.err());
    }
}
