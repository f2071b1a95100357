// Colours of the charts: the viridis scale (perceptually uniform and readable with the common colour-vision
// deficiencies; van der Walt & Smith 2015), sampled at five anchors and interpolated.
package org.shiftscope.ui.look;

import javafx.scene.paint.Color;

public final class Palette {
    private static final Color[] VIRIDIS = {Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"),
            Color.web("#5ec962"), Color.web("#fde725")};

    private Palette() {
    }

    /** @param value in [0, 1] (clamped; NaN maps to 0) */
    public static Color viridis(double value) {
        double v = Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
        double position = v * (VIRIDIS.length - 1);
        int i = Math.min((int) position, VIRIDIS.length - 2);
        return VIRIDIS[i].interpolate(VIRIDIS[i + 1], position - i);
    }

    /** Colour buckets of the layer lines; 16 keeps every layer of the classroom default (8) distinct. */
    static final int LAYER_COLORS = 16;
    /** The theme's text colour, for lines that must read as "reference" (the full-batch threshold). */
    public static final String INK = "-ss-ink";
    /** The theme's alert colour (a divergence, a clipped value) and the backdrop of text over a plot. */
    public static final String ALERT = "-ss-alert";
    public static final String READOUT = "-ss-readout";
    /** The spectrum chart's overlap lines: eigenvectors' share in the means' span, and in means' and variances'. */
    public static final String OVERLAP_MEANS = "-ss-overlap-means";
    public static final String OVERLAP_MEANS_VARIANCES = "-ss-overlap-means-variances";
    /** Line colours the stylesheets define (-color-dataset-1 … 8), which ChartFX cycles through. */
    public static final int DATASET_COLORS = 8;

    /** The theme's colour of the n-th line (from 0) without a colour of its own, as ChartFX draws it. */
    public static String datasetColor(int n) {
        return "-color-dataset-" + (n % DATASET_COLORS + 1);
    }

    /**
     * The colour of a layer line at {@code depthFraction} ∈ [0, 1] (first to last layer): a CSS looked-up
     * colour defined by the theme's stylesheet as a sample of viridis (the part readable on its background).
     */
    public static String layerColor(double depthFraction) {
        double v = Double.isFinite(depthFraction) ? Math.max(0, Math.min(1, depthFraction)) : 0;
        return "-ss-layer-" + Math.round(v * (LAYER_COLORS - 1));
    }

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
