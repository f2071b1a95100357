// The x axis of charts over steps or ranks: ticks at whole numbers only (no "rank 1.25"), labelled as grouped
// counts by CountTickLabels. As a log axis (the stress test's learning rate) it is ChartFX's own axis.
package org.shiftscope.ui;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import javafx.util.StringConverter;

final class CountAxis extends DefaultNumericAxis {
    private final StringConverter<Number> ownLabels;

    CountAxis(String label) {
        super(label);
        ownLabels = getTickLabelFormatter();
        setTickLabelFormatter(new CountTickLabels());
    }

    /** A log axis over a quantity that is not a count: ChartFX's own ticks and labels. */
    void useLogScale() {
        setLogAxis(true);
        setTickLabelFormatter(ownLabels);
    }

    @Override
    protected double computeTickUnit(double referenceTickUnit) {
        double unit = super.computeTickUnit(referenceTickUnit);
        return isLogAxis() ? unit : Math.max(1, unit);
    }
}
