// Writes a VectorScene as a one-page PDF with Apache PDFBox: polylines as path operators, text as text in
// the same font family embedded as a subset (PdfFonts), canvases kept as pixels as lossless images.
// A scene pixel is 0.75 pt (96 pixels to the inch), so the page is the PNG's 1× size at 96 dpi.
package org.shiftscope.ui.export.vector;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.shiftscope.ui.export.vector.VectorScene.Item;
import org.shiftscope.ui.export.vector.VectorScene.Rgba;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

public final class PdfWriter {
    /** PDF points per scene pixel. */
    static final float POINTS_PER_PIXEL = 0.75f;
    private final PDDocument document;
    private final PDPageContentStream page;
    private final PdfFonts fonts;

    private PdfWriter(PDDocument document, PDPageContentStream page) {
        this.document = document;
        this.page = page;
        this.fonts = new PdfFonts(document);
    }

    public static void write(VectorScene scene, Path file) throws IOException {
        try (var document = new PDDocument()) {
            float width = (float) scene.width() * POINTS_PER_PIXEL;
            float height = (float) scene.height() * POINTS_PER_PIXEL;
            var pdfPage = new PDPage(new PDRectangle(width, height));
            document.addPage(pdfPage);
            try (var content = new PDPageContentStream(document, pdfPage)) {
                content.transform(new Matrix(POINTS_PER_PIXEL, 0, 0, -POINTS_PER_PIXEL, 0, height));   // y down, in pixels
                new PdfWriter(document, content).items(scene.items());
            }
            document.getDocumentInformation().setCreator("ShiftScope");
            document.save(file.toFile());
        }
    }

    private void items(List<Item> items) throws IOException {
        for (Item item : items) {
            if (item instanceof VectorScene.Shape s) {
                shape(s);
            } else if (item instanceof VectorScene.Text t) {
                text(t);
            } else if (item instanceof VectorScene.Image i) {
                var image = LosslessFactory.createFromImage(document, i.pixels());
                page.drawImage(image, new Matrix((float) i.width(), 0, 0, (float) -i.height(), (float) i.x(),
                        (float) (i.y() + i.height())));
            } else if (item instanceof VectorScene.Clip c) {
                page.saveGraphicsState();
                page.addRect((float) c.x(), (float) c.y(), (float) c.width(), (float) c.height());
                page.clip();
                items(c.items());
                page.restoreGraphicsState();
            }
        }
    }

    private void shape(VectorScene.Shape s) throws IOException {
        page.saveGraphicsState();
        var stroke = s.stroke();
        alpha(s.fill(), stroke == null ? null : stroke.color());
        if (s.fill() != null) {
            page.setNonStrokingColor(s.fill().red() / 255f, s.fill().green() / 255f, s.fill().blue() / 255f);
        }
        if (stroke != null) {
            page.setStrokingColor(stroke.color().red() / 255f, stroke.color().green() / 255f, stroke.color().blue() / 255f);
            page.setLineWidth((float) stroke.width());
            float[] dashes = new float[stroke.dashes().length];
            for (int i = 0; i < dashes.length; i++) {
                dashes[i] = (float) stroke.dashes()[i];
            }
            page.setLineDashPattern(dashes, 0);
        }
        for (double[] xy : s.polylines()) {
            page.moveTo((float) xy[0], (float) xy[1]);
            for (int i = 2; i + 1 < xy.length; i += 2) {
                page.lineTo((float) xy[i], (float) xy[i + 1]);
            }
            if (s.closed()) {
                page.closePath();
            }
        }
        if (s.fill() != null && stroke != null) {
            page.fillAndStroke();
        } else if (s.fill() != null) {
            page.fill();
        } else {
            page.stroke();
        }
        page.restoreGraphicsState();
    }

    /** Text as text: the baseline start at (x, y), rotated about it, upright in the flipped page. */
    private void text(VectorScene.Text t) throws IOException {
        var font = fonts.font(t.face());
        page.saveGraphicsState();
        alpha(t.fill(), null);
        page.setNonStrokingColor(t.fill().red() / 255f, t.fill().green() / 255f, t.fill().blue() / 255f);
        page.beginText();
        page.setFont(font, (float) t.face().size());
        double radians = Math.toRadians(t.rotation());
        float cos = (float) Math.cos(radians);
        float sin = (float) Math.sin(radians);
        page.setTextMatrix(new Matrix(cos, sin, sin, -cos, (float) t.x(), (float) t.y()));
        page.showText(fonts.encodable(font, t.text()));
        page.endText();
        page.restoreGraphicsState();
    }

    /** Sets the fill and stroke opacity when either colour is see-through. */
    private void alpha(Rgba fill, Rgba stroke) throws IOException {
        boolean seeThrough = fill != null && fill.alpha() < 1 || stroke != null && stroke.alpha() < 1;
        if (seeThrough) {
            var state = new PDExtendedGraphicsState();
            state.setNonStrokingAlphaConstant(fill == null ? 1f : (float) fill.alpha());
            state.setStrokingAlphaConstant(stroke == null ? 1f : (float) stroke.alpha());
            page.setGraphicsStateParameters(state);
        }
    }
}
