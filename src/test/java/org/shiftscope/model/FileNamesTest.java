// Names the app writes are accepted on Windows too: forbidden characters, trailing dots and spaces and device
// names are replaced, and every run folder and density file name the app builds is portable.
package org.shiftscope.model;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.model.reproduce.ghorbani.GhorbaniFiles;
import org.shiftscope.model.reproduce.ghorbani.NetVariant;
import org.shiftscope.model.run.RunNames;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileNamesTest {
    private static void assertPortable(String name) {
        assertEquals(name, FileNames.portable(name), "not portable: " + name);
    }

    @Test
    void windowsForbiddenCharactersBecomeDashes() {
        assertEquals("a-b-c-d-e", FileNames.portable("a<b>c:d\"e"));
        assertEquals("run-1-2-x-y-z", FileNames.portable("run/1\\2|x?y*z"));
        assertEquals("tab-newline", FileNames.portable("tab\t\nnewline"));
        assertEquals("η = 0.1, BN on", FileNames.portable("η = 0.1, BN on"), "spaces, commas and Greek are fine");
    }

    @Test
    void noTrailingDotOrSpaceAndNeverEmpty() {
        assertEquals("run", FileNames.portable("run. . "));
        assertEquals("_", FileNames.portable(" ... "));
        assertEquals("_", FileNames.portable(""));
        assertEquals("-", FileNames.portable("???"));
    }

    @Test
    void deviceNamesAreNotUsed() {
        for (String device : new String[]{"CON", "con", "PRN", "AUX", "NUL", "COM1", "com9", "LPT1", "lpt9"}) {
            assertEquals(device + "_", FileNames.portable(device));
        }
        assertEquals("nul_.csv", FileNames.portable("nul.csv"));
        assertEquals("aux_.tar.gz", FileNames.portable("aux.tar.gz"));
        assertPortable("console");
        assertPortable("com10");
        assertPortable("nullable.csv");
    }

    @Test
    void longNamesAreCut() {
        String name = FileNames.portable("x".repeat(300) + ".");
        assertEquals(FileNames.MAX_LENGTH, name.length());
    }

    @Test
    void everyNameTheAppBuildsIsPortable() {
        for (Architecture architecture : Architecture.values()) {
            for (Normalization normalization : Normalization.values()) {
                for (BnMode mode : BnMode.values()) {
                    String folder = RunNames.folderName(architecture.title() + " " + normalization.modeName(mode));
                    assertPortable(folder);
                    assertTrue(folder.matches("[a-z0-9-]+"), folder);
                }
            }
        }
        assertEquals("con_", RunNames.folderName("CON"));
        for (NetVariant net : NetVariant.values()) {
            assertPortable(GhorbaniFiles.densityFile(net));
        }
    }
}
