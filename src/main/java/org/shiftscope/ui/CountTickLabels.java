// Tick labels for an axis that counts (steps, ranks): 25,000 rather than ChartFX's default 2.50E4 once the
// numbers grow; a fractional tick (zoomed in below one step) keeps up to two decimals.
package org.shiftscope.ui;

import javafx.util.StringConverter;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParseException;
import java.util.Locale;

final class CountTickLabels extends StringConverter<Number> {
    private final DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

    @Override
    public String toString(Number value) {
        return value == null ? "" : format.format(value.doubleValue());
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
