// The plain values behind the classroom features: presentation scales and themes as typed on the command
// line, the learning-rate notch and its clamping, and the names of quick exports.
package org.shiftscope.ui.classroom;

import org.shiftscope.model.config.Limits;

import org.shiftscope.ui.export.QuickExport;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;
import org.shiftscope.ui.main.WindowViewModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassroomValuesTest {
    private static final double EXACT = 1e-12;

    @Test
    void scalesFrom1To3AreAcceptedAndAnythingElseIsRefusedWithTheRange() {
        assertEquals(1.5, Appearance.parseScale("1.5"));
        assertEquals(2, Appearance.parseScale(" 2x "));
        assertEquals(2, Appearance.parseScale("2×"));
        for (String bad : new String[]{"0.5", "4", "big", "", "NaN"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Appearance.parseScale(bad));
            assertTrue(e.getMessage().contains("from 1 to 3"), e.getMessage());
        }
    }

    @Test
    void themesParseByNameInAnyCase() {
        assertEquals(Theme.DARK, Theme.parse("Dark"));
        assertEquals(Theme.LIGHT, Theme.parse("light"));
        var e = assertThrows(IllegalArgumentException.class, () -> Theme.parse("blue"));
        assertEquals("theme must be light or dark (got 'blue')", e.getMessage());
    }

    @Test
    void aLearningRateNotchIsOneBlockIncrementOnTheLogScaleClampedToTheSlidersRange() {
        assertEquals(Math.pow(10, -0.9), ClassroomCommands.nudgedLearningRate(0.1, 0.1, 1), EXACT);
        assertEquals(Math.pow(10, -1.1), ClassroomCommands.nudgedLearningRate(0.1, 0.1, -1), EXACT);
        assertEquals(Limits.MAX_LEARNING_RATE_CONTROL,
                ClassroomCommands.nudgedLearningRate(Limits.MAX_LEARNING_RATE_CONTROL, 0.1, 1));
        assertEquals(Limits.MIN_LEARNING_RATE_CONTROL,
                ClassroomCommands.nudgedLearningRate(Limits.MIN_LEARNING_RATE_CONTROL, 0.1, -1));
    }

    @Test
    void quickExportsAreTimestampedAndNeverOverwrite(@TempDir Path dir) throws IOException {
        var now = LocalDateTime.of(2025, 3, 1, 14, 25, 1);
        Path first = QuickExport.fileIn(dir, now);
        assertEquals("shiftscope-2025-03-01-142501.png", first.getFileName().toString());
        Files.createFile(first);
        assertEquals("shiftscope-2025-03-01-142501-2.png", QuickExport.fileIn(dir, now).getFileName().toString());
        assertThrows(IOException.class, () -> QuickExport.fileIn(dir.resolve("missing"), now));
    }
}
