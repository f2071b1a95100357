// Layers × time heatmap of the between-channel share of variance (docs/science.md): a synchronised shift of the
// layers' outputs shows as a vertical band. Drawn on a Canvas in viridis (Palette) with its colour scale at the
// right; its text takes font and colour from CSS (.heatmap-text) and the margins grow with the font.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

public final class HeatmapView extends Region {
    private static final double MARGIN_LEFT = 56;
    private static final double MARGIN_TOP = 22;
    private static final double MARGIN_BOTTOM = 20;
    /** Room at the right for the colour scale: a gap, the bar, its labels. */
    private static final double MARGIN_RIGHT = 44;
    private static final double SCALE_GAP = 6;
    private static final double SCALE_WIDTH = 10;
    /** Bands the colour scale is drawn in. */
    private static final int SCALE_BANDS = 64;
    /** Font size the margins above were chosen for. */
    private static final double DESIGN_FONT_SIZE = 12;

    private final Canvas canvas = new Canvas();
    private String title;
    private double[][] columns = new double[0][];
    private long[] steps = new long[0];
    private final Text textStyle = new Text();     // never shown: carries the CSS font and colour of the text

    public HeatmapView(String id, String title) {
        this.title = title;
        setId(id);
        textStyle.getStyleClass().add("heatmap-text");
        textStyle.setManaged(false);
        textStyle.setVisible(false);
        textStyle.fontProperty().addListener(o -> draw());
        textStyle.fillProperty().addListener(o -> draw());
        getChildren().addAll(canvas, textStyle);
        setMinSize(120, 50);
        setPrefSize(400, 250);
    }

    public String title() {
        return title;
    }

    public void setTitle(String text) {
        this.title = text;
        draw();
    }

    /** @param columns [step][layer] values in [0, 1] @param steps the step of each column */
    public void show(double[][] columns, long[] steps) {
        this.columns = columns;
        this.steps = steps;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double k = textScale();
        g.clearRect(0, 0, w, h);
        g.setFont(textStyle.getFont());
        g.setFill(textStyle.getFill());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, w / 2, 3, w - 4);         // squeezed rather than cut when the font is large
        double plotW = w - (MARGIN_LEFT + MARGIN_RIGHT) * k;
        double plotH = h - (MARGIN_TOP + MARGIN_BOTTOM) * k;
        if (columns.length == 0 || plotW <= 0 || plotH <= 0) {
            return;
        }
        int layers = columns[columns.length - 1].length;
        double cellW = plotW / columns.length;
        double cellH = plotH / layers;
        for (int c = 0; c < columns.length; c++) {
            for (int l = 0; l < Math.min(layers, columns[c].length); l++) {
                g.setFill(Palette.viridis(columns[c][l]));
                g.fillRect(MARGIN_LEFT * k + c * cellW, MARGIN_TOP * k + (layers - 1 - l) * cellH, Math.ceil(cellW), Math.ceil(cellH));
            }
        }
        g.setFill(textStyle.getFill());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("layer 1", MARGIN_LEFT * k - 4, MARGIN_TOP * k + plotH - cellH / 2);
        g.fillText("layer " + layers, MARGIN_LEFT * k - 4, MARGIN_TOP * k + cellH / 2);
        g.setTextBaseline(VPos.TOP);
        String first = "step " + steps[0];
        String last = "step " + steps[steps.length - 1];
        if (textWidth(first) + textWidth(last) + MARGIN_LEFT * k <= plotW) {     // a narrow plot keeps the last only
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(first, MARGIN_LEFT * k, MARGIN_TOP * k + plotH + 3);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(last, MARGIN_LEFT * k + plotW, MARGIN_TOP * k + plotH + 3);
        drawScale(g, MARGIN_LEFT * k + plotW + SCALE_GAP * k, MARGIN_TOP * k, SCALE_WIDTH * k, plotH);
    }

    /** The colour scale: share 0 at the bottom to 1 at the top, labelled at both ends and the middle. */
    private void drawScale(GraphicsContext g, double x, double y, double width, double height) {
        double band = height / SCALE_BANDS;
        for (int i = 0; i < SCALE_BANDS; i++) {
            g.setFill(Palette.viridis((i + 0.5) / SCALE_BANDS));
            g.fillRect(x, y + height - (i + 1) * band, width, Math.ceil(band));
        }
        g.setFill(textStyle.getFill());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double labelX = x + width + 3;
        g.fillText("1", labelX, y + Math.min(6, height / 2));
        g.fillText("0.5", labelX, y + height / 2);
        g.fillText("0", labelX, y + height - Math.min(6, height / 2));
    }

    private double textWidth(String s) {
        var text = new Text(s);
        text.setFont(textStyle.getFont());
        return text.getLayoutBounds().getWidth();
    }

    /** Height of the band holding the title, in this view's coordinates (hovering it explains the chart). */
    public double titleHeight() {
        return MARGIN_TOP * textScale();
    }

    private double textScale() {
        return Math.max(1, textStyle.getFont().getSize() / DESIGN_FONT_SIZE);
    }
}
