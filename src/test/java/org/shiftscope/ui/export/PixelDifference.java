// How far two renderings of one figure differ once anti-aliasing is discounted: both are blurred with a 3×3
// box (an edge drawn a fraction of a pixel apart, or with other coverage, then differs only a little) and a
// pixel counts as differing when a colour channel still differs by more than EDGE_THRESHOLD.
package org.shiftscope.ui.export;

import java.awt.image.BufferedImage;

record PixelDifference(boolean sameSize, double differingShare, double meanDifference) {
    /**
     * A channel difference (0–255) that survives the blur only where a shape or a glyph is missing or more
     * than about a pixel away: librsvg's and Prism's anti-aliasing of the same edge stay below it.
     */
    static final int EDGE_THRESHOLD = 48;
    /**
     * The share of pixels allowed to differ: 0.1% was measured on the test chart (glyph hinting, line ends);
     * one of its lines missing, or the figure moved by 2 pixels, differs on more than this.
     */
    static final double MAX_DIFFERING_SHARE = 0.003;

    static PixelDifference of(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return new PixelDifference(false, 1, 255);
        }
        int[][] blurredA = blurred(a);
        int[][] blurredB = blurred(b);
        long differing = 0;
        double total = 0;
        int pixels = a.getWidth() * a.getHeight();
        for (int i = 0; i < pixels; i++) {
            int worst = 0;
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(blurredA[c][i] - blurredB[c][i]));
            }
            total += worst;
            differing += worst > EDGE_THRESHOLD ? 1 : 0;
        }
        return new PixelDifference(true, (double) differing / pixels, total / pixels);
    }

    /** Each channel (red, green, blue) averaged over the 3×3 neighbourhood, composited on white. */
    private static int[][] blurred(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[][] channels = new int[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                for (int c = 0; c < 3; c++) {
                    int value = (argb >> (16 - 8 * c)) & 0xFF;
                    channels[c][y * w + x] = (value * alpha + 255 * (255 - alpha)) / 255;
                }
            }
        }
        int[][] out = new int[3][w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int sum = 0;
                    int count = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if (yy >= 0 && yy < h && xx >= 0 && xx < w) {
                                sum += channels[c][yy * w + xx];
                                count++;
                            }
                        }
                    }
                    out[c][y * w + x] = sum / count;
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.3f%% of pixels differ by more than %d after a 3×3 blur "
                + "(mean difference %.2f of 255)", 100 * differingShare, EDGE_THRESHOLD, meanDifference);
    }
}
