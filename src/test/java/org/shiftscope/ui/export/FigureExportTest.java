// Exported figures on a real chart: ChartFX's zoom tool bar, even when showing, is not in the image (and shows
// again afterwards); the file holds the format its name announces (.png, .jpg/.jpeg), checked by its first
// bytes; other extensions are refused before anything is written; a name without one gets .png.
package org.shiftscope.ui.export;

import org.shiftscope.ui.charts.ChartToolBars;
import org.shiftscope.ui.charts.LiveChart;

import io.fair_acc.chartfx.Chart;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class FigureExportTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final int TIMEOUT_SECONDS = 30;
    /** Longer than ChartFX's slide-in of a pinned tool bar. */
    private static final long SLIDE_IN_MILLIS = 1000;

    @TempDir
    Path folder;
    private LiveChart chart;

    @Start
    void start(Stage stage) {
        chart = new LiveChart("loss", "Loss", "step", "loss", false);
        stage.setScene(new Scene(new StackPane(chart), 600, 400));
        stage.show();
    }

    private Chart fxChart() {
        return ChartToolBars.chartsUnder(chart).get(0);
    }

    /** The chart as drawn on screen now, without a title band. */
    private int[] pixels(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = chart.snapshot(new SnapshotParameters(), null);
            BufferedImage rgb = SwingFXUtils.fromFXImage(image, null);
            return rgb.getRGB(0, 0, rgb.getWidth(), rgb.getHeight(), null, 0, rgb.getWidth());
        }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** The part of an exported 1× image below its title band. */
    private static int[] body(BufferedImage exported, int width, int height) {
        return exported.getRGB(0, exported.getHeight() - height, width, height, null, 0, width);
    }

    /** PngExport.write on the FX thread at 1×; its exception is thrown here. */
    private int[] export(Path file) throws Exception {
        var written = new CompletableFuture<int[]>();
        Platform.runLater(() -> {
            try {
                written.complete(PngExport.write(chart, 1, "title", file));
            } catch (IOException | RuntimeException e) {
                written.completeExceptionally(e);
            }
        });
        try {
            return written.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void theZoomToolBarIsNotExportedEvenWhenShowing(FxRobot robot) throws Exception {
        robot.interact(() -> fxChart().setToolBarPinned(true));
        robot.sleep(SLIDE_IN_MILLIS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fxChart().getToolBar().isVisible() && !fxChart().getToolBar().getChildren().isEmpty(),
                "the Zoomer's buttons are on a showing tool bar");
        int[] withBar = pixels(robot);
        robot.interact(() -> fxChart().getToolBar().setVisible(false));
        int[] withoutBar = pixels(robot);
        robot.interact(() -> fxChart().getToolBar().setVisible(true));
        assertFalse(Arrays.equals(withBar, withoutBar), "the tool bar is drawn on screen");

        Path file = folder.resolve("chart.png");
        export(file);
        BufferedImage exported = ImageIO.read(file.toFile());
        int width = (int) chart.getWidth();
        int height = (int) chart.getHeight();
        assertArrayEquals(withoutBar, body(exported, width, height), "the exported chart has no tool bar");
        assertTrue(fxChart().getToolBar().isVisible(), "the tool bar shows again after the export");
    }

    @Test
    void aJpegNameGetsARealJpegAndAPngNameAPng(FxRobot robot) throws Exception {
        for (String name : new String[]{"winexport.jpg", "figure.JPEG"}) {
            Path file = folder.resolve(name);
            int[] size = export(file);
            assertArrayEquals(JPEG_MAGIC, Arrays.copyOf(Files.readAllBytes(file), JPEG_MAGIC.length), name);
            BufferedImage read = ImageIO.read(file.toFile());
            assertEquals(size[0], read.getWidth());
            assertEquals(size[1], read.getHeight());
            assertFalse(read.getColorModel().hasAlpha(), "JPEG holds no alpha");
        }
        Path png = folder.resolve("figure.png");
        export(png);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(png), PNG_MAGIC.length));
    }

    @Test
    void otherExtensionsAreRefusedBeforeWritingAndANameWithoutOneGetsPng() throws Exception {
        var refused = assertThrows(IOException.class, () -> ImageFormat.of(folder.resolve("figure.gif")));
        assertEquals("figure.gif: figures are saved as .png, .jpg, .svg or .pdf, not .gif", refused.getMessage());
        var e = assertThrows(IOException.class, () -> export(folder.resolve("figure.gif")));
        assertEquals(refused.getMessage(), e.getMessage());
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count(), "nothing written");
        }

        assertEquals(folder.resolve("figure.png"), ImageFormat.withExtension(folder.resolve("figure"), ImageFormat.PNG));
        assertEquals(folder.resolve("figure.jpg"), ImageFormat.withExtension(folder.resolve("figure"), ImageFormat.JPEG));
        assertEquals(folder.resolve("figure.jpeg"), ImageFormat.withExtension(folder.resolve("figure.jpeg"), ImageFormat.PNG));
        assertEquals(ImageFormat.JPEG, ImageFormat.of(folder.resolve("a.b.JpG")));
        Path noExtension = ImageFormat.withExtension(folder.resolve("figure"), ImageFormat.PNG);
        export(noExtension);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Files.readAllBytes(noExtension), PNG_MAGIC.length));
    }
}
