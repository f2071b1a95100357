// Colours of the charts: the viridis scale (perceptually uniform and readable with the common colour-vision
// deficiencies; van der Walt & Smith 2015), sampled at five anchors and interpolated.
package org.shiftscope.ui;

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

    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
