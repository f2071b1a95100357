// The figure of `reproduce ghorbani`: the Hessian's spectral density of BN, no BN and BN frozen at each checkpoint,
// one panel per step on a log density axis, each net's λ1/λK and gradient share in its key (after Ghorbani,
// Krishnan & Xiao 2019, whose figures set BN and no-BN densities side by side the same way).
package org.shiftscope.ui.reproduce;

import org.shiftscope.model.reproduce.ghorbani.GhorbaniResult;
import org.shiftscope.model.reproduce.ghorbani.Measurement;
import org.shiftscope.model.reproduce.ghorbani.NetVariant;
import org.shiftscope.ui.charts.ChartSeries;
import org.shiftscope.ui.charts.LineKey;
import org.shiftscope.ui.charts.RunHistory;
import org.shiftscope.ui.look.Palette;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

public final class GhorbaniFigure {
    private GhorbaniFigure() {
    }

    /**
     * Must be called on the FX thread. Completes with the image size written, or exceptionally.
     * @param scale PNG scale, 1–3
     */
    public static CompletableFuture<int[]> write(GhorbaniResult result, Path file, int scale) {
        var panels = new ArrayList<DensityMultiples.Panel>();
        for (int step : result.settings().checkpoints()) {
            var lines = result.at(step).stream().map(m -> line(m, result.classes())).toList();
            if (!lines.isEmpty()) {
                panels.add(new DensityMultiples.Panel("density-step-" + step, "Step " + step, lines));
            }
        }
        var figure = DensityMultiples.of(panels);
        return OffscreenPng.write(figure, DensityMultiples.PANEL_WIDTH * DensityMultiples.columns(panels.size()),
                DensityMultiples.PANEL_HEIGHT * DensityMultiples.rows(panels.size()), title(result), file, scale);
    }

    /** A net's density clamped for the log axis as the window clamps it, named with its two summary numbers. */
    private static ChartSeries line(Measurement m, int classes) {
        var estimate = m.density().estimate();
        String name = String.format(Locale.ROOT, "%s: λ1 %.3g, λ1/λ%d %.3g, gradient in top-%d %.0f%%", m.net().label(),
                m.lambdaMax(), classes, m.outlierRatio(), classes, 100 * m.gradientShare());
        return new ChartSeries(LineKey.OTHER, name, estimate.grid(), estimate.plottable(RunHistory.DENSITY_RANGE))
                .styled(colour(m.net()), m.net() == NetVariant.BN_FROZEN);
    }

    /** The same colour for a net in every panel: the theme's first three line colours. */
    private static String colour(NetVariant net) {
        return Palette.datasetColor(net.ordinal());
    }

    private static String title(GhorbaniResult result) {
        var settings = result.settings();
        return String.format(Locale.ROOT, "Hessian spectral density with and without BN (after Ghorbani, Krishnan & "
                        + "Xiao 2019) · %s · %s · mean loss over %d training examples · SLQ, %d probe(s) × %d steps",
                settings.describe(), result.datasetName(), settings.hessianSamples(), settings.density().probes(),
                settings.density().steps());
    }
}
