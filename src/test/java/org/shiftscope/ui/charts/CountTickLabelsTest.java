// Step and rank tick labels: grouped whole numbers, at most two decimals when zoomed in, whatever the locale.
package org.shiftscope.ui.charts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CountTickLabelsTest {
    @Test
    void countsAreGroupedWholeNumbers() {
        var labels = new CountTickLabels();
        assertEquals("25,000", labels.toString(25_000.0));
        assertEquals("0", labels.toString(0));
        assertEquals("0", labels.toString(-1e-12));
        assertEquals("2.5", labels.toString(2.5));
        assertEquals("0.33", labels.toString(1.0 / 3));
        assertEquals("", labels.toString(null));
        assertEquals(1250L, labels.fromString("1,250").longValue());
    }
}
