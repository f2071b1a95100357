// The x axis of charts over steps or ranks: ticks at whole numbers only (no "rank 1.25"), labelled as grouped
// counts by CountTickLabels. As a log axis (the stress test's learning rate) it is ChartFX's own axis, with
// ticks at 1, 2 and 5 per decade when it spans few decades (else an η range of 0.05–6.4 reads "0.1, 1.0").
package org.shiftscope.ui.charts;

import io.fair_acc.chartfx.axes.spi.AxisRange;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.dataset.spi.fastutil.DoubleArrayList;
import javafx.util.StringConverter;

final class CountAxis extends DefaultNumericAxis {
    /** A log axis spanning at most this many decades gets 1-2-5 ticks. */
    private static final double FEW_DECADES = 3;
    private static final double[] STEPS_PER_DECADE = {1, 2, 5};

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
    protected void calculateMajorTickValues(AxisRange range, DoubleArrayList ticks) {
        double low = range.getLowerBound();
        double high = range.getUpperBound();
        if (!isLogAxis() || !(low > 0) || Math.log10(high / low) > FEW_DECADES) {
            super.calculateMajorTickValues(range, ticks);
            return;
        }
        ticks.clear();
        for (double decade = Math.pow(10, Math.floor(Math.log10(low))); decade <= high; decade *= 10) {
            for (double step : STEPS_PER_DECADE) {
                double tick = step * decade;
                if (tick >= low && tick <= high) {
                    ticks.add(tick);
                }
            }
        }
    }

    @Override
    protected double computeTickUnit(double referenceTickUnit) {
        double unit = super.computeTickUnit(referenceTickUnit);
        return isLogAxis() ? unit : Math.max(1, Math.floor(unit));       // 2.5 would put ticks between ranks
    }
}
