// Exports a node (a chart or the whole window) as a PNG or JPEG (ImageFormat) at 1×, 2× or 3× by rendering
// it, not grabbing the screen, with a title band recording the run's settings and without ChartFX's tool
// bars; written whole through AtomicFile, so a failed export never leaves half a file.
package org.shiftscope.ui.export;

import org.shiftscope.model.io.AtomicFile;

import org.shiftscope.ui.charts.ChartToolBars;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class PngExport {
    public static final int MIN_SCALE = 1;
    public static final int MAX_SCALE = 3;
    /** Height of one line of the title band at 1× scale, in pixels (long titles wrap onto more lines). */
    static final int TITLE_HEIGHT = 24;
    /** The title's font size, its left margin and its baseline's height above a line's bottom, at 1× (pixels). */
    static final int TITLE_FONT_SIZE = 13;
    static final int TITLE_LEFT = 6;
    static final int TITLE_RAISE = 7;
    /** JPEG quality, 0–1: high, because a figure's thin lines and small text smear at ImageIO's default 0.75. */
    static final float JPEG_QUALITY = 0.95f;

    private PngExport() {
    }

    /** The title in lines no wider than {@code width}, broken after its " · " separators (a figure's settings). */
    static List<String> wrap(String title, Font font, int width) {
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        var metrics = probe.getFontMetrics(font);
        probe.dispose();
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String part : title.split("(?<= · )")) {
            if (!line.isEmpty() && metrics.stringWidth(line + part.stripTrailing()) > width) {
                lines.add(line.toString().stripTrailing());
                line.setLength(0);
            }
            line.append(part);
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    /**
     * Must run on the FX thread.
     * @param file ending in .png, .jpg or .jpeg (the format written); any other name is refused before drawing
     * @return the image size written, width × height in pixels
     */
    public static int[] write(Node node, int scale, String title, Path file) throws IOException {
        if (scale < MIN_SCALE || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be 1, 2 or 3 (got " + scale + ")");
        }
        ImageFormat format = ImageFormat.of(file);
        var bounds = node.getLayoutBounds();
        int width = (int) Math.ceil(bounds.getWidth() * scale);
        int height = (int) Math.ceil(bounds.getHeight() * scale);
        var parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage snapshot = ChartToolBars.hiddenDuring(node,
                () -> node.snapshot(parameters, new WritableImage(width, height)));
        BufferedImage body = SwingFXUtils.fromFXImage(snapshot, null);

        var font = new Font(Font.SANS_SERIF, Font.PLAIN, TITLE_FONT_SIZE * scale);
        List<String> lines = wrap(title, font, width - 2 * TITLE_LEFT * scale);
        int band = TITLE_HEIGHT * scale * lines.size();
        var image = new BufferedImage(width, height + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, band);
        g.setColor(Color.BLACK);
        g.setFont(font);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), TITLE_LEFT * scale, (i + 1) * TITLE_HEIGHT * scale - TITLE_RAISE * scale);
        }
        g.drawImage(body, 0, band, null);
        g.dispose();

        AtomicFile.write(file, temporary -> encode(image, format, temporary));
        return new int[]{image.getWidth(), image.getHeight()};
    }

    /** Writes an RGB image (no alpha, so JPEG's writer takes it) in {@code format}. */
    private static void encode(BufferedImage image, ImageFormat format, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.writerName()).next();
        ImageWriteParam parameters = writer.getDefaultWriteParam();
        if (format == ImageFormat.JPEG) {
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
        }
        try (var out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
    }
}
