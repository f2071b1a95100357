// The bars of Page's shift experiments ("How to train your ResNet 7"): the classes predicted on the evaluation set
// before and after a perturbation, side by side at each class; and ‖∂(mean logit c)/∂W_ℓ‖² by layer for the
// class c with the largest total, the classifier last. Each with the note its chart carries.
package org.shiftscope.ui.charts;

import org.shiftscope.model.shift.LayerShiftReport;
import org.shiftscope.model.shift.PerturbationDirection;
import org.shiftscope.model.shift.PerturbationReport;
import org.shiftscope.ui.look.Palette;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

public final class ShiftBars {
    /** How far the before and after bars of a class stand left and right of it. */
    static final double BAR_OFFSET = 0.2;

    private ShiftBars() {
    }

    /** Before (the theme's first colour) and after (its alert colour), by class; empty without a perturbation. */
    static List<ChartSeries> perturbation(PerturbationReport report) {
        var bars = new ArrayList<ChartSeries>();
        if (report == null) {
            return bars;
        }
        bars.add(byClass(LineKey.Kind.PERTURB_BEFORE, "before (step " + report.step() + ")", report.before(), -BAR_OFFSET)
                .styled(Palette.datasetColor(0), false));
        bars.add(byClass(LineKey.Kind.PERTURB_AFTER, "after " + report.request().describe(), report.after(), BAR_OFFSET)
                .styled(Palette.ALERT, false));
        return bars;
    }

    private static ChartSeries byClass(LineKey.Kind kind, String name, int[] counts, double offset) {
        var xs = new double[counts.length];
        var ys = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            xs[c] = c + offset;
            ys[c] = counts[c];
        }
        return new ChartSeries(LineKey.of(kind), name, xs, ys);
    }

    /** "1% along v1 at step 412: class 3 predicted for 10% → 16%", what is under way, or "" before any. */
    static String perturbationNote(PerturbationReport report, boolean measuring, boolean kept) {
        if (measuring) {
            return "perturbing a copy of the weights…";
        }
        if (report == null) {
            return "";
        }
        return report.request().describe() + " at step " + report.step() + ": " + effect(report) + (kept ? " · kept" : "");
    }

    /**
     * "class 3 predicted for 10% → 16%": the class a class-mean move raises, or the one most predicted after any other
     * move, with its share of the set before and after.
     */
    static String effect(PerturbationReport report) {
        boolean classMean = report.request().direction() == PerturbationDirection.CLASS_MEAN;
        int top = classMean ? report.request().classIndex() : report.topClassAfter();
        return String.format(Locale.ROOT, "class %d predicted for %.0f%% → %.0f%%", top, 100 * report.share(top, false),
                100 * report.share(top, true));
    }

    /**
     * "Perturbed 1% along v1: BN on, class 3 predicted for 10% → 16% · BN off, …": every run's latest perturbation in
     * one line (the request of the first's), or "" before any.
     */
    public static String summary(List<ChartRun> runs) {
        var reported = runs.stream().filter(r -> r.history().latestPerturbation() != null).toList();
        if (reported.isEmpty()) {
            return "";
        }
        var parts = new ArrayList<String>();
        for (ChartRun run : reported) {
            parts.add((runs.size() > 1 ? run.label() + ", " : "") + effect(run.history().latestPerturbation()));
        }
        return "Perturbed " + reported.get(0).history().latestPerturbation().request().describe() + ": "
                + String.join(" · ", parts);
    }

    /** ‖∂(mean logit c)/∂W_ℓ‖² for each layer ℓ (1 = first, the classifier last); empty before a split. */
    static List<ChartSeries> layerShift(LayerShiftReport report) {
        if (report == null) {
            return List.of();
        }
        double[] squared = report.share().squared();
        return List.of(new ChartSeries(LineKey.of(LineKey.Kind.LAYER_SHIFT), "class " + report.classIndex()
                + ", step " + report.step(), ChartSeries.ordinals(squared.length), squared));
    }

    /** "class 3 · classifier 94% · step 300", or "" before a split. */
    static String layerShiftNote(LayerShiftReport report) {
        return report == null ? "" : String.format(Locale.ROOT, "class %d · classifier %.0f%% · step %d",
                report.classIndex(), 100 * report.share().classifierShare(), report.step());
    }
}
