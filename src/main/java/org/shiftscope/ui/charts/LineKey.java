// Which line of a chart a series is, whatever its display name: its kind (the batch loss, λ at a rank, a
// layer's mean…), its number within a numbered family (layer or rank, from 1; 0 otherwise) and its run (0, 1…).
package org.shiftscope.ui.charts;

import java.util.List;
import java.util.Optional;

public record LineKey(Kind kind, int index, int run) {
    public enum Kind {
        LOSS_SMOOTHED, LOSS_BATCH, LOSS_TEST, ACCURACY_SMOOTHED, ACCURACY_TEST, LAYER_MEAN, LAYER_VARIANCE,
        PERCENTILE, LAMBDA, THRESHOLD, SPECTRUM, SPECTRUM_PARTNER, OVERLAP_MEANS, OVERLAP_MEANS_VARIANCES,
        DENSITY, DENSITY_TOP_K, GRADIENTS_FIRST, GRADIENTS_LATEST, STRESS_LAMBDA1, STRESS_THRESHOLD, STRESS_ACCURACY,
        PERTURB_BEFORE, PERTURB_AFTER, LAYER_SHIFT, OTHER;

        /** Whether lines of this kind form a numbered family (layers, ranks), which a chart's key may fold. */
        boolean numbered() {
            return this == LAYER_MEAN || this == LAYER_VARIANCE || this == LAMBDA;
        }
    }

    /** The key of a line nobody needs to find (a test's, a caller's own). */
    public static final LineKey OTHER = of(Kind.OTHER);

    public static LineKey of(Kind kind) {
        return new LineKey(kind, 0, 0);
    }

    /** The member numbered {@code index} of a family, e.g. layer 3's mean or λ at rank 2. */
    public static LineKey member(Kind kind, int index) {
        return new LineKey(kind, index, 0);
    }

    public static LineKey lambda(int rank) {
        return member(Kind.LAMBDA, rank);
    }

    /** The same line of run {@code n} of those sharing a chart. */
    public LineKey ofRun(int n) {
        return new LineKey(kind, index, n);
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** Whether this line is the next member of {@code previous}'s family: same kind and run, next number. */
    public boolean follows(LineKey previous) {
        return kind.numbered() && kind == previous.kind && run == previous.run && index == previous.index + 1;
    }

    /** The first of {@code lines} with this key. */
    public Optional<ChartSeries> find(List<ChartSeries> lines) {
        return lines.stream().filter(s -> s.key().equals(this)).findFirst();
    }

    /** The lines with this key, in order (none, or the one). */
    public List<ChartSeries> only(List<ChartSeries> lines) {
        return lines.stream().filter(s -> s.key().equals(this)).toList();
    }

    /** The lines not of kind {@code k}, in order. */
    public static List<ChartSeries> without(List<ChartSeries> lines, Kind k) {
        return lines.stream().filter(s -> !s.key().is(k)).toList();
    }
}
