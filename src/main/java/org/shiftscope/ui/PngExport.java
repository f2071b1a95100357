// Exports a node (a chart or the whole window) as a PNG at 1×, 2× or 3× scale by rendering it, not by
// grabbing the screen, with a title band that records the run's settings. Written to a temporary file
// and renamed, so a failed export never leaves half a file.
package org.shiftscope.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

public final class PngExport {
    public static final int MIN_SCALE = 1;
    public static final int MAX_SCALE = 3;
    /** Height of the title band at 1× scale, in pixels. */
    private static final int TITLE_HEIGHT = 24;

    private PngExport() {
    }

    /**
     * Must run on the FX thread.
     * @return the image size written, width × height in pixels
     */
    public static int[] write(Node node, int scale, String title, Path file) throws IOException {
        if (scale < MIN_SCALE || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be 1, 2 or 3 (got " + scale + ")");
        }
        var bounds = node.getLayoutBounds();
        int width = (int) Math.ceil(bounds.getWidth() * scale);
        int height = (int) Math.ceil(bounds.getHeight() * scale);
        var parameters = new SnapshotParameters();
        parameters.setTransform(Transform.scale(scale, scale));
        WritableImage snapshot = node.snapshot(parameters, new WritableImage(width, height));
        BufferedImage body = SwingFXUtils.fromFXImage(snapshot, null);

        int band = TITLE_HEIGHT * scale;
        var image = new BufferedImage(width, height + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, band);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13 * scale));
        g.drawString(title, 6 * scale, band - 7 * scale);
        g.drawImage(body, 0, band, null);
        g.dispose();

        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return new int[]{image.getWidth(), image.getHeight()};
    }
}
