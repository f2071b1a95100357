// A time chart drawn off screen as `render` draws it (OffscreenStage): the PNG, at 1× and 2×, has ink where its
// axis titles belong (beyond the tick labels, inside the axes), and the SVG writes "loss" and "step" as text whose
// whole box lies inside every clip around it, so a viewer shows the titles whole and no sliver of one.
package org.shiftscope.ui.export;

import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Rotate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.ui.charts.ChartSeries;
import org.shiftscope.ui.charts.LiveChart;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class AxisTitlesTest {
    private static final int TIMEOUT_SECONDS = 30;
    private static final double WIDTH = 700;
    private static final double HEIGHT = 260;
    /** A pixel this dark (0–255, darkest channel) is ink: the titles are black on the light theme's white. */
    private static final int INK = 128;
    /** Ink pixels, at 1×, that a 13 px "loss" or "step" leaves at least (each leaves about a hundred). */
    private static final int MIN_TITLE_INK = 30;
    /** How far, in figure pixels, a title's box may stick out of its clip (rounding of the written numbers). */
    private static final double CLIP_TOLERANCE = 0.5;

    @TempDir
    Path folder;

    /** Where each axis title belongs, in the chart's pixels at 1×: the band beyond the tick labels. */
    private record Bands(Bounds yTitle, Bounds xTitle) {
    }

    @Test
    void thePngHasBothAxisTitlesAtEveryScaleAndTheSvgHasThemInsideTheirClips() throws Exception {
        var bands = WaitForAsyncUtils.asyncFx(() -> OffscreenStage.settleThen(lossChart(), WIDTH, HEIGHT, figure -> {
            var chart = (LiveChart) figure;
            for (int scale : new int[]{1, 2}) {
                FigureExport.write(chart, scale, "loss", folder.resolve("loss-" + scale + ".png"));
            }
            FigureExport.write(chart, 1, "loss", folder.resolve("loss.svg"));
            return new Bands(beyondTickLabels((AbstractAxis) chart.chart().getYAxis()),
                    beyondTickLabels((AbstractAxis) chart.chart().getXAxis()));
        })).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        for (int scale : new int[]{1, 2}) {
            BufferedImage png = ImageIO.read(folder.resolve("loss-" + scale + ".png").toFile());
            int top = png.getHeight() - (int) Math.ceil(HEIGHT * scale);          // below the title band
            assertTrue(ink(png, bands.yTitle(), scale, top) >= MIN_TITLE_INK * scale * scale,
                    "the y title is drawn left of the tick labels at " + scale + "×, in " + bands.yTitle());
            assertTrue(ink(png, bands.xTitle(), scale, top) >= MIN_TITLE_INK * scale * scale,
                    "'step' is drawn under the tick labels at " + scale + "×, in " + bands.xTitle());
        }
        var titles = svgAxisTitles(folder.resolve("loss.svg"));
        assertEquals(Set.of("step", "loss"), titles.stream().map(Element::getTextContent).collect(Collectors.toSet()));
        for (Element title : titles) {
            double[] box = box(title);
            for (Node n = title.getParentNode(); n instanceof Element g; n = g.getParentNode()) {
                if (!g.getAttribute("clip-path").isEmpty()) {
                    double[] clip = clipRect(g);
                    assertTrue(box[0] >= clip[0] - CLIP_TOLERANCE && box[1] >= clip[1] - CLIP_TOLERANCE
                                    && box[2] <= clip[2] + CLIP_TOLERANCE && box[3] <= clip[3] + CLIP_TOLERANCE,
                            title.getTextContent() + " " + List.of(box[0], box[1], box[2], box[3]) + " lies inside its clip "
                                    + List.of(clip[0], clip[1], clip[2], clip[3]));
                }
            }
        }
    }

    /** A loss chart as the board shows it: a log y axis titled "loss" over steps. */
    private static LiveChart lossChart() {
        int n = 60;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = 2.3 * Math.exp(-i / 30.0) + 0.05 * Math.sin(i);
        }
        var chart = new LiveChart("loss-chart", "Loss (cross-entropy)", "step", "loss", true);
        chart.show(List.of(new ChartSeries("train", x, y)));
        return chart;
    }

    /** The part of an axis farther from the plot than its tick labels reach, in the chart's coordinates. */
    private static Bounds beyondTickLabels(AbstractAxis axis) {
        double labels = 0;
        for (TickMark tick : axis.getTickMarks()) {
            labels = Math.max(labels, axis.getSide().isHorizontal() ? tick.getHeight() : tick.getWidth());
        }
        double near = axis.getTickMarkGap() + axis.getTickLength() + axis.getTickLabelGap() + labels;
        Bounds b = axis.localToScene(axis.getLayoutBounds());
        return axis.getSide().isHorizontal()
                ? new BoundingBox(b.getMinX(), b.getMinY() + near, b.getWidth(), Math.max(0, b.getHeight() - near))
                : new BoundingBox(b.getMinX(), b.getMinY(), Math.max(0, b.getWidth() - near), b.getHeight());
    }

    private static int ink(BufferedImage png, Bounds band, int scale, int top) {
        int count = 0;
        for (int y = (int) (band.getMinY() * scale); y < (int) (band.getMaxY() * scale); y++) {
            for (int x = (int) (band.getMinX() * scale); x < (int) (band.getMaxX() * scale); x++) {
                int rgb = png.getRGB(x, top + y);
                int darkest = Math.min(rgb >> 16 & 0xFF, Math.min(rgb >> 8 & 0xFF, rgb & 0xFF));
                count += darkest < INK ? 1 : 0;
            }
        }
        return count;
    }

    private static List<Element> svgAxisTitles(Path svg) throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        var texts = document.getElementsByTagName("text");
        var titles = new ArrayList<Element>();
        for (int i = 0; i < texts.getLength(); i++) {
            var text = (Element) texts.item(i);
            if (text.getAttribute("class").equals("axis-title")) {
                titles.add(text);
            }
        }
        return titles;
    }

    /** A text's box (min x, min y, max x, max y) in the figure: its font's extent from the baseline start, rotated. */
    private static double[] box(Element text) {
        var font = Font.font(text.getAttribute("font-family").replace("'", ""),
                text.getAttribute("font-weight").equals("bold") ? FontWeight.BOLD : FontWeight.NORMAL,
                FontPosture.REGULAR, Double.parseDouble(text.getAttribute("font-size")));
        var probe = new Text(text.getTextContent());
        probe.setFont(font);
        Bounds glyphs = probe.getLayoutBounds();                               // y from the baseline
        double x = Double.parseDouble(text.getAttribute("x"));
        double y = Double.parseDouble(text.getAttribute("y"));
        var transform = text.getAttribute("transform");
        double degrees = transform.isEmpty() ? 0 : Double.parseDouble(transform.substring(7).split(" ")[0]);
        var rotate = new Rotate(degrees, x, y);
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double dx : new double[]{glyphs.getMinX(), glyphs.getMaxX()}) {
            for (double dy : new double[]{glyphs.getMinY(), glyphs.getMaxY()}) {
                Point2D p = rotate.transform(x + dx, y + dy);
                box[0] = Math.min(box[0], p.getX());
                box[1] = Math.min(box[1], p.getY());
                box[2] = Math.max(box[2], p.getX());
                box[3] = Math.max(box[3], p.getY());
            }
        }
        return box;
    }

    /** The rectangle (min x, min y, max x, max y) of the clip path a group refers to. */
    private static double[] clipRect(Element group) {
        String id = group.getAttribute("clip-path").replace("url(#", "").replace(")", "");
        var paths = group.getOwnerDocument().getElementsByTagName("clipPath");
        for (int i = 0; i < paths.getLength(); i++) {
            var path = (Element) paths.item(i);
            if (path.getAttribute("id").equals(id)) {
                var rect = (Element) path.getElementsByTagName("rect").item(0);
                double x = Double.parseDouble(rect.getAttribute("x"));
                double y = Double.parseDouble(rect.getAttribute("y"));
                return new double[]{x, y, x + Double.parseDouble(rect.getAttribute("width")),
                        y + Double.parseDouble(rect.getAttribute("height"))};
            }
        }
        throw new AssertionError("no clip path " + id);
    }
}
