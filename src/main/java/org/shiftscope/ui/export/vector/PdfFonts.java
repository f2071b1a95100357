// The fonts of a PDF figure: the TrueType font of each family, weight and slant JavaFX drew with, found among
// the system's fonts by its PostScript name (PDFBox's FontMappers) and embedded as a subset, one per document.
package org.shiftscope.ui.export.vector;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class PdfFonts {
    /** Shown in place of a character the embedded font has no glyph for. */
    private static final String MISSING = "?";
    private final PDDocument document;
    private final Map<VectorScene.Face, PDFont> loaded = new HashMap<>();

    PdfFonts(PDDocument document) {
        this.document = document;
    }

    PDFont font(VectorScene.Face face) throws IOException {
        var key = new VectorScene.Face(face.family(), 0, face.bold(), face.italic());
        PDFont font = loaded.get(key);
        if (font == null) {
            font = PDType0Font.load(document, trueType(face), true);
            loaded.put(key, font);
        }
        return font;
    }

    /** The system font with the face's PostScript name ("DejaVuSans-Bold"), or PDFBox's closest match. */
    private static TrueTypeFont trueType(VectorScene.Face face) {
        String base = face.family().replace(" ", "");
        List<String> styles = face.bold() && face.italic() ? List.of("-BoldOblique", "-BoldItalic")
                : face.bold() ? List.of("-Bold") : face.italic() ? List.of("-Oblique", "-Italic") : List.of("", "-Regular", "-Book");
        var mappers = FontMappers.instance();
        for (String style : styles) {
            var mapping = mappers.getTrueTypeFont(base + style, null);
            if (mapping != null && !mapping.isFallback()) {
                return mapping.getFont();
            }
        }
        return mappers.getTrueTypeFont(base + styles.get(0), null).getFont();
    }

    /** The text with each character the font cannot show replaced by '?', so one odd symbol never fails a figure. */
    String encodable(PDFont font, String text) {
        try {
            font.encode(text);
            return text;
        } catch (IOException | IllegalArgumentException e) {
            var out = new StringBuilder();
            text.codePoints().forEach(c -> {
                String one = Character.toString(c);
                try {
                    font.encode(one);
                    out.append(one);
                } catch (IOException | IllegalArgumentException missing) {
                    out.append(MISSING);
                }
            });
            return out.toString();
        }
    }
}
