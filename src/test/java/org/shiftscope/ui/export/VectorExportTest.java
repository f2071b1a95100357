// A real chart exported as SVG and PDF: axis titles and tick labels are text, each line is one path, the PDF
// holds its words as text and no page-sized image, and the SVG rasterised by librsvg matches the PNG export of
// the same chart at the same size up to anti-aliasing (a named tolerance on blurred pixels).
package org.shiftscope.ui.export;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.ui.charts.ChartSeries;
import org.shiftscope.ui.charts.LiveChart;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@ExtendWith(ApplicationExtension.class)
class VectorExportTest {
    private static final int TIMEOUT_SECONDS = 30;
    private static final Path RSVG = Path.of("/usr/bin/rsvg-convert");
    private static final String TITLE = "vector test · seed 1";
    private LiveChart chart;

    @TempDir
    Path folder;

    @Start
    void start(Stage stage) {
        chart = new LiveChart("loss", "Loss", "epoch", "loss", false);
        int n = 200;
        double[] x = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            a[i] = 2 * Math.exp(-i / 60.0) + 0.1 * Math.sin(i / 5.0);
            b[i] = i == 120 ? Double.NaN : 1.2 - i / 400.0;      // a line broken once
        }
        chart.show(List.of(new ChartSeries("train", x, a), new ChartSeries("test", x, b)));
        stage.setScene(new Scene(new StackPane(chart), 640, 420));
        stage.show();
    }

    private Path export(String name) throws Exception {
        Path file = folder.resolve(name);
        WaitForAsyncUtils.asyncFx(() -> FigureExport.write(chart, 1, TITLE, file)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return file;
    }

    /** The visible tick labels and the axis titles ChartFX shows now. */
    private List<String> chartTexts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            var texts = new ArrayList<String>();
            for (var axis : List.of(chart.chart().getXAxis(), chart.chart().getYAxis())) {
                axis.getTickMarks().stream().filter(t -> t.isVisible()).forEach(t -> texts.add(t.getText()));
            }
            texts.add("epoch");
            return texts;
        }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void theSvgHoldsTheChartsWordsAsTextAndOnePathPerLine() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path svg = export("loss.svg");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        var byClass = new java.util.HashMap<String, List<String>>();
        var texts = document.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            var text = (Element) texts.item(i);
            byClass.computeIfAbsent(text.getAttribute("class"), k -> new ArrayList<>()).add(text.getTextContent());
        }
        List<String> labels = byClass.getOrDefault("tick-label", List.of());
        for (String expected : chartTexts()) {
            assertTrue(labels.contains(expected) || byClass.getOrDefault("axis-title", List.of()).contains(expected),
                    expected + " is written as text: " + byClass);
        }
        assertTrue(byClass.get("title").contains("Loss"), "the chart's title: " + byClass.get("title"));
        int series = 0;
        var paths = document.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            series += "series".equals(((Element) paths.item(i)).getAttribute("class")) ? 1 : 0;
        }
        assertEquals(2, series, "one path per data set");
        assertEquals(0, document.getElementsByTagName("image").getLength(), "nothing kept as pixels");
    }

    @Test
    void thePdfHoldsTheWordsAsTextOverVectorPaths() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path pdf = export("loss.pdf");
        try (var document = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            for (String expected : chartTexts()) {
                assertTrue(text.contains(expected), expected + " is text in the PDF: " + text);
            }
            assertTrue(text.contains("Loss") && text.contains("vector test"), text);
            var resources = document.getPage(0).getResources();
            for (var name : resources.getXObjectNames()) {
                assertFalse(resources.getXObject(name) instanceof PDImageXObject, "no image on the page: " + name);
            }
        }
    }

    @Test
    void theRasterisedSvgMatchesThePngUpToAntiAliasing() throws Exception {
        assumeTrue(Files.isExecutable(RSVG), "librsvg's rsvg-convert is not installed here");
        WaitForAsyncUtils.waitForFxEvents();
        Path png = export("loss.png");
        Path svg = export("loss.svg");
        Path rasterised = folder.resolve("loss-svg.png");
        var process = new ProcessBuilder(RSVG.toString(), "-o", rasterised.toString(), svg.toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && process.exitValue() == 0,
                new String(process.getInputStream().readAllBytes()));
        BufferedImage pixels = ImageIO.read(png.toFile());
        BufferedImage vector = ImageIO.read(rasterised.toFile());
        var difference = PixelDifference.of(pixels, vector);
        assertTrue(difference.sameSize(), "same size: " + difference);
        assertTrue(difference.differingShare() <= PixelDifference.MAX_DIFFERING_SHARE, difference.toString());
        var moved = PixelDifference.of(pixels, movedRight(vector, 2));
        assertTrue(moved.differingShare() > PixelDifference.MAX_DIFFERING_SHARE, "the measure sees a 2-pixel move: " + moved);
    }

    private static BufferedImage movedRight(BufferedImage image, int by) {
        var moved = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = moved.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, by, 0, null);
        g.dispose();
        return moved;
    }
}
