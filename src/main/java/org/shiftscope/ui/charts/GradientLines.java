// The gradient chart's lines: each weight layer's ‖∂loss/∂W‖ against its depth (stages in forward order, the
// classifier last), at the first step (initialisation, in ink) and the latest; Yang et al. (2019): in a deep
// BN stack without shortcuts the gradient grows geometrically from the last layers back to the first.
package org.shiftscope.ui.charts;

import org.shiftscope.model.train.StepRecord;
import org.shiftscope.ui.look.Palette;

import java.util.ArrayList;
import java.util.List;

final class GradientLines {
    private GradientLines() {
    }

    /** The first step's norms (in ink: a second run's lines are dashed) and the latest step's; empty before a step. */
    static List<ChartSeries> of(StepRecord first, StepRecord latest) {
        var lines = new ArrayList<ChartSeries>();
        if (first == null) {
            return lines;
        }
        if (latest != first) {
            lines.add(byLayer(latest, LineKey.Kind.GRADIENTS_LATEST));
        }
        lines.add(byLayer(first, LineKey.Kind.GRADIENTS_FIRST).styled(Palette.INK, false));
        return lines;
    }

    private static ChartSeries byLayer(StepRecord step, LineKey.Kind kind) {
        double[] norms = step.gradientNorms();
        return new ChartSeries(LineKey.of(kind), "step " + step.step(), ChartSeries.ordinals(norms.length), norms)
                .positiveOnly();
    }
}
