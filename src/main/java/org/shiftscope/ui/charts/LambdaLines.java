// A run's top Hessian eigenvalues over steps, largest first, and the full-batch threshold as a step function
// of the steps (a change of η or β is a vertical jump at its step). A report in another BN mode breaks the λ lines.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.stats.DecimatedSeries;

import java.util.ArrayList;
import java.util.List;

final class LambdaLines {
    private final List<DecimatedSeries> eigenvalues = new ArrayList<>();
    private final DecimatedSeries curvatureLimit = new DecimatedSeries(RunHistory.CAPACITY);
    private HessianReport latest;
    private HessianReport switchPartner;

    /** The threshold at this step; a change is drawn as a vertical jump, both of its ends kept. */
    void addLimit(double step, double limit) {
        double previous = curvatureLimit.lastY();
        if (!Double.isNaN(previous) && previous != limit) {
            curvatureLimit.addPinned(step - 1, previous);
            curvatureLimit.addPinned(step - 1, limit);
        } else {
            curvatureLimit.add(step, limit);
        }
    }

    /** A report in another BN mode than the last one breaks the λ lines at its step (both points are kept). */
    void add(HessianReport report) {
        boolean switched = latest != null && latest.bnMode() != report.bnMode()
                && latest.generation() == report.generation();
        switchPartner = switched && latest.step() == report.step() ? latest : null;
        latest = report;
        if (switched) {
            SeriesPoints.breakLines(eigenvalues.stream(), report.step());
        }
        while (eigenvalues.size() < report.eigenvalues().length) {
            eigenvalues.add(new DecimatedSeries(RunHistory.CAPACITY));
        }
        for (int i = 0; i < report.eigenvalues().length; i++) {
            SeriesPoints.add(eigenvalues.get(i), report.step(), report.eigenvalues()[i], switched);
        }
    }

    /** Eigenvalue i over time, largest first, then the threshold line named {@code thresholdName}. */
    List<ChartSeries> series(String thresholdName) {
        var out = new ArrayList<ChartSeries>();
        for (int i = 0; i < eigenvalues.size(); i++) {
            out.add(SeriesPoints.series(LineKey.lambda(i + 1), "λ" + (i + 1), eigenvalues.get(i)));
        }
        out.add(SeriesPoints.series(LineKey.of(LineKey.Kind.THRESHOLD), thresholdName, curvatureLimit)
                .styled(Palette.INK, true));
        return out;
    }

    HessianReport latest() {
        return latest;
    }

    HessianReport switchPartner() {
        return switchPartner;
    }
}
