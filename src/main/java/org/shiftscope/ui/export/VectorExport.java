// Exports a node (the chart board or one chart) as an SVG or PDF figure: the title band PngExport draws, then
// the node read as vector items (SceneReader) at the layout it has on screen, without ChartFX's tool bars; the
// same scene goes to either back end and is written whole through AtomicFile.
package org.shiftscope.ui.export;

import javafx.scene.Node;
import javafx.scene.paint.Color;
import org.shiftscope.model.io.AtomicFile;
import org.shiftscope.ui.charts.ChartToolBars;
import org.shiftscope.ui.export.vector.PdfWriter;
import org.shiftscope.ui.export.vector.SceneReader;
import org.shiftscope.ui.export.vector.SvgWriter;
import org.shiftscope.ui.export.vector.VectorScene;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class VectorExport {
    private VectorExport() {
    }

    /**
     * Must run on the FX thread.
     * @param file ending in .svg or .pdf (the format written)
     * @return the figure's size in scene pixels, title band included
     */
    public static int[] write(Node node, String title, Path file) throws IOException {
        ImageFormat format = ImageFormat.of(file);
        if (!format.vector()) {
            throw new IOException(file.getFileName() + ": a vector figure is saved as .svg or .pdf");
        }
        VectorScene scene = scene(node, title);
        AtomicFile.write(file, temporary -> {
            if (format == ImageFormat.SVG) {
                SvgWriter.write(scene, temporary);
            } else {
                PdfWriter.write(scene, temporary);
            }
        });
        return new int[]{(int) scene.width(), (int) scene.height()};
    }

    /** The figure as PngExport lays it out at 1×: a white page, the title's lines, the node below them. */
    public static VectorScene scene(Node node, String title) {
        var bounds = node.getLayoutBounds();
        int width = (int) Math.ceil(bounds.getWidth());
        int height = (int) Math.ceil(bounds.getHeight());
        var awtFont = new Font(Font.SANS_SERIF, Font.PLAIN, PngExport.TITLE_FONT_SIZE);
        List<String> lines = PngExport.wrap(title, awtFont, width - 2 * PngExport.TITLE_LEFT);
        int band = PngExport.TITLE_HEIGHT * lines.size();
        var items = new ArrayList<VectorScene.Item>();
        var white = VectorScene.Role.BACKGROUND;
        items.add(new VectorScene.Shape(white, List.of(new double[]{0, 0, width, 0, width, height + band, 0, height + band}),
                true, rgba(Color.WHITE), null));
        var face = SceneReader.face(javafx.scene.text.Font.font(java.awt.Font.SANS_SERIF, PngExport.TITLE_FONT_SIZE));
        for (int i = 0; i < lines.size(); i++) {
            items.add(new VectorScene.Text(VectorScene.Role.TITLE, lines.get(i), PngExport.TITLE_LEFT,
                    (i + 1) * PngExport.TITLE_HEIGHT - PngExport.TITLE_RAISE, face, rgba(Color.BLACK), 0));
        }
        items.addAll(ChartToolBars.hiddenDuring(node, () -> SceneReader.read(node, band)));
        return new VectorScene(width, height + band, items);
    }

    private static VectorScene.Rgba rgba(Color color) {
        return new VectorScene.Rgba((int) (color.getRed() * 255), (int) (color.getGreen() * 255),
                (int) (color.getBlue() * 255), color.getOpacity());
    }
}
