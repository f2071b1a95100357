// Tick labels for an axis that counts (steps, ranks): 25,000 rather than ChartFX's default 2.50E4 once the
// numbers grow; a fractional tick (zoomed in below one step) keeps up to two decimals.
package org.shiftscope.ui.charts;

import javafx.util.StringConverter;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.util.Locale;

final class CountTickLabels extends StringConverter<Number> {
    /** Below this a tick is 0 (half the last decimal shown). */
    private static final double ZERO = 0.005;
    private final DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

    @Override
    public String toString(Number value) {
        if (value == null) {
            return "";
        }
        double v = value.doubleValue();
        return format.format(Math.abs(v) < ZERO ? 0 : v);              // no "-0" from a tick at -1e-12
    }

    @Override
    public Number fromString(String text) {
        try {
            return format.parse(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a count: " + text, e);
        }
    }
}
