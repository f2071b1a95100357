// --present and --theme on the command line: bad values are usage errors (exit 2) that say what is allowed,
// found before any window opens; good values reach the window as an Appearance.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.shiftscope.ui.look.Theme;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LookOptionsTest {
    private static String[] run(String... args) {
        var cli = Main.commandLine();
        var err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new String[]{Integer.toString(cli.execute(args)), err.toString()};
    }

    @Test
    void aBadPresentationScaleIsAUsageErrorNamingTheRange() {
        String[] outcome = run("--present=7");
        assertEquals("2", outcome[0]);
        assertTrue(outcome[1].contains("presentation scale must be a number from 1 to 3, e.g. 1.5 or 2 (got '7')"), outcome[1]);
    }

    @Test
    void aBadThemeIsAUsageErrorNamingTheThemes() {
        String[] outcome = run("--theme=blue");
        assertEquals("2", outcome[0]);
        assertTrue(outcome[1].contains("theme must be light or dark (got 'blue')"), outcome[1]);
    }

    @Test
    void aMemoryReportIntervalBelowOneSecondIsAUsageError() {
        String[] outcome = run("--memory-report", "0");
        assertEquals("2", outcome[0]);
        assertTrue(outcome[1].contains("--memory-report: SECONDS must be at least 1 (got 0)"), outcome[1]);
    }

    @Test
    void rawParametersBecomeTheWindowsLook() {
        var look = LaunchLook.from(List.of("--start", "--present=2", "--theme=dark"));
        assertEquals(2, look.scaleProperty().get());
        assertEquals(Theme.DARK, look.themeProperty().get());
        var plain = LaunchLook.from(List.of("--start"));
        assertEquals(1, plain.scaleProperty().get());
        assertEquals(Theme.LIGHT, plain.themeProperty().get());
    }
}
