// The spectrum chart's lines: the latest top-k eigenvalues by rank, beside them right after a BN switch the old
// mode's top-k of the same weights (dashed), and each eigenvector's overlap with the means' (and variances') span.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import org.shiftscope.model.hessian.HessianReport;

import java.util.ArrayList;
import java.util.List;

final class SpectrumLines {
    private SpectrumLines() {
    }

    /** The latest top-k by rank, with the switch partner's when there is one (the jump at the switch). */
    static List<ChartSeries> withPartner(RunHistory h) {
        HessianReport latest = h.latestHessian();
        if (latest == null) {
            return List.of();
        }
        HessianReport partner = h.switchPartner();
        if (partner == null) {
            return List.of(byRank(latest, LineKey.Kind.SPECTRUM, "λ at step " + latest.step()));
        }
        var lines = new ArrayList<ChartSeries>();
        lines.add(byRank(latest, LineKey.Kind.SPECTRUM, h.normalization().modeName(latest.bnMode()) + " (step " + partner.step() + ")"));
        lines.add(byRank(partner, LineKey.Kind.SPECTRUM_PARTNER, h.normalization().modeName(partner.bnMode()) + ", same weights")
                .styled(Palette.INK, true));
        return lines;
    }

    /** The fraction of each eigenvector of the latest report in the means' span, and in the means' and variances'. */
    static List<ChartSeries> overlaps(RunHistory h) {
        HessianReport report = h.latestHessian();
        if (report == null) {
            return List.of();
        }
        double[] ranks = ranks(report);
        return List.of(
                new ChartSeries(LineKey.of(LineKey.Kind.OVERLAP_MEANS), "overlap: means", ranks, report.meanOverlap())
                        .styled(Palette.OVERLAP_MEANS, true),
                new ChartSeries(LineKey.of(LineKey.Kind.OVERLAP_MEANS_VARIANCES), "means + variances", ranks,
                        report.meanVarianceOverlap()).styled(Palette.OVERLAP_MEANS_VARIANCES, true));
    }

    private static ChartSeries byRank(HessianReport report, LineKey.Kind kind, String name) {
        return new ChartSeries(LineKey.of(kind), name, ranks(report), report.eigenvalues());
    }

    private static double[] ranks(HessianReport report) {
        return ChartSeries.ordinals(report.eigenvalues().length);
    }
}
