// The title band of an exported figure records every setting: a title wider than the figure wraps at its
// " · " separators instead of being cut.
package org.shiftscope.ui.export;

import org.junit.jupiter.api.Test;

import java.awt.Font;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngTitleTest {
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final String TITLE = "Loss · ShiftScope · fashion-mnist · depth 8 × width 128 relu · BN on vs off · η 0.1000 · step 600";

    @Test
    void aLongTitleWrapsAtItsSeparatorsAndLosesNothing() {
        var lines = PngExport.wrap(TITLE, FONT, 300);
        assertTrue(lines.size() >= 2, lines.toString());
        assertEquals(TITLE, String.join(" ", lines).replace("· ", "· ").trim());
        lines.forEach(line -> assertTrue(line.endsWith("·") || line.equals(lines.get(lines.size() - 1)), line));
        assertEquals(1, PngExport.wrap(TITLE, FONT, 5000).size(), "a title that fits stays on one line");
    }
}
