// `render` with no display (Monocle headless in the tests, as on CI): PNGs of the requested scale that are
// not blank, the runs' data files, comparison subfolders, the stress verdict, and clear errors.
package org.shiftscope.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.io.Json;
import org.shiftscope.ui.export.FigureRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderCommandTest {
    static final int SCALE = 2;
    /** The title band of an exported PNG, at 1×. */
    static final int TITLE_BAND = 24;
    /** A chart with axes, lines and text has far more colours than this; a blank one has one or two. */
    static final int MIN_COLOURS = 50;

    static final String SMALL_CONFIG = """
            {"dataset": "synthetic", "depth": 3, "width": 32, "activation": "relu", "init": "he",
             "center_inputs": false, "batch_size": 64, "steps": 60, "seed": 3, "eval_every": 20, "tracked_unit": 0,
             "optimizer": {"learning_rate": 0.05, "momentum": 0.0, "nesterov": false, "weight_decay": 0.0, "bn_mode": "on"},
             "hessian": {"every": 30, "top_k": 3, "samples": 128, "iterations": 12}}""";

    static int colours(BufferedImage image) {
        var seen = new HashSet<Integer>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void aSettingsFileRendersEveryChartAtTheRequestedScaleWithItsData(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("settings.json");
        Files.writeString(config, SMALL_CONFIG);
        Path out = dir.resolve("figures");
        var outcome = TrainCommandTest.run("render", "--config", config.toString(), "--out", out.toString(),
                "--scale", String.valueOf(SCALE));
        assertEquals(0, outcome.exitCode(), outcome.err());

        BufferedImage board = ImageIO.read(out.resolve("board.png").toFile());
        assertEquals(FigureRenderer.BOARD_WIDTH * SCALE, board.getWidth());
        assertEquals((FigureRenderer.BOARD_HEIGHT + TITLE_BAND) * SCALE, board.getHeight());
        assertTrue(colours(board) > MIN_COLOURS, "board.png is not blank");
        for (String chart : new String[]{"loss-chart", "accuracy-chart", "mean-chart", "variance-chart", "heatmap",
                "percentile-chart", "hessian-chart", "spectrum-chart"}) {
            BufferedImage image = ImageIO.read(out.resolve(chart + ".png").toFile());
            assertTrue(colours(image) > MIN_COLOURS, chart + " is not blank");
            assertEquals(0, image.getWidth() % SCALE, chart);
        }
        assertFalse(Files.exists(out.resolve("gradient-chart.png")), "the gradient by layer is a convnet's chart");
        assertEquals(61, Files.readAllLines(out.resolve("metrics.csv")).size());
        assertEquals(4, Files.readAllLines(out.resolve("hessian.csv")).stream().map(l -> l.split(",")[0]).distinct().count(),
                "a header and Hessians at steps 0, 30 and 60");
    }

    @Test
    void aComparisonStressScenarioWritesOneFolderPerRunWithTheVerdict(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("stress.json");
        Files.writeString(scenario, """
                {"id": "s", "title": "Stress", "explanation": ["watch"],
                 "config": {"dataset": "synthetic", "depth": 3, "width": 32, "batch_size": 64, "steps": 200,
                            "optimizer": {"learning_rate": 0.05, "bn_mode": "on"},
                            "hessian": {"every": 0, "top_k": 2, "samples": 64, "iterations": 8}},
                 "compare_with": "off",
                 "stress": {"factor": 4, "every": 10, "limit": 100}}""");
        Path out = dir.resolve("figures");
        var outcome = TrainCommandTest.run("render", "--scenario", scenario.toString(), "--out", out.toString(),
                "--scale", "1", "--overlaid");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("BN on: largest healthy learning rate"), outcome.err());
        for (String run : new String[]{"bn-on", "bn-off"}) {
            JsonNode summary = Json.mapper().readTree(out.resolve(run).resolve("summary.json").toFile());
            assertTrue(summary.has("max_stable_lr"), run);
            assertTrue(Files.exists(out.resolve(run).resolve("hessian.csv")), run);
        }
        assertTrue(colours(ImageIO.read(out.resolve("stress-chart.png").toFile())) > MIN_COLOURS);
        assertTrue(Files.exists(out.resolve("heatmap-b.png")), "overlaid: both heatmaps");
    }

    /** A convnet against its resnet twin, side by side: the gradient by layer is drawn once, both runs on one axis. */
    @Test
    void aConvnetComparisonDrawsTheGradientByLayer(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("residuals.json");
        Files.writeString(scenario, """
                {"id": "r", "title": "Residuals", "explanation": ["watch"],
                 "config": {"dataset": "synthetic", "network": {"architecture": "convnet"}, "depth": 4, "width": 8,
                            "batch_size": 32, "steps": 3,
                            "optimizer": {"learning_rate": 0.05, "bn_mode": "on"},
                            "hessian": {"every": 0, "top_k": 2, "samples": 64, "iterations": 8}},
                 "compare_network": {"architecture": "resnet"}}""");
        Path out = dir.resolve("figures");
        var outcome = TrainCommandTest.run("render", "--scenario", scenario.toString(), "--out", out.toString(),
                "--scale", "1");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(colours(ImageIO.read(out.resolve("gradient-chart.png").toFile())) > MIN_COLOURS);
        assertEquals(1 + 3 * 5, Files.readAllLines(out.resolve("convnet-bn-on").resolve("gradients.csv")).size(),
                "four stages and the classifier, every step");
    }

    @Test
    void aRunsOwnConfigJsonRendersAsASettingsFile(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"config\": " + SMALL_CONFIG + ", \"dataset_facts\": {\"name\": \"synthetic\"}}");
        Path out = dir.resolve("figures");
        var outcome = TrainCommandTest.run("render", "--config", config.toString(), "--out", out.toString(),
                "--scale", "1", "--steps", "2");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(Files.exists(out.resolve("board.png")));
        Path noDataset = Files.writeString(dir.resolve("other.json"), "{\"depth\": 3}");
        var refused = TrainCommandTest.run("render", "--config", noDataset.toString(), "--out", out.toString());
        assertEquals(TrainCommand.EXIT_BAD_INPUT, refused.exitCode());
        assertTrue(refused.err().contains("other.json: missing field 'dataset'"), refused.err());
    }

    @Test
    void svgAndPdfFormatsWriteVectorFiguresAndAnUnknownOneIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("settings.json"), SMALL_CONFIG);
        for (String format : new String[]{"svg", "pdf"}) {
            Path out = dir.resolve(format);
            var outcome = TrainCommandTest.run("render", "--config", config.toString(), "--out", out.toString(),
                    "--steps", "2", "--format", format);
            assertEquals(0, outcome.exitCode(), outcome.err());
            assertTrue(outcome.err().contains("Wrote 9 " + format.toUpperCase(java.util.Locale.ROOT) + " files"), outcome.err());
            assertTrue(Files.size(out.resolve("board." + format)) > 0 && Files.exists(out.resolve("loss-chart." + format)));
            assertFalse(Files.exists(out.resolve("board.png")));
        }
        String svg = Files.readString(dir.resolve("svg").resolve("loss-chart.svg"));
        assertTrue(svg.startsWith("<?xml") && svg.contains("class=\"tick-label\""), "an SVG with text");
        assertTrue(Files.readString(dir.resolve("pdf").resolve("board.pdf"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("%PDF-"));
        var unknown = TrainCommandTest.run("render", "--config", config.toString(), "--out", dir.resolve("x").toString(),
                "--format", "gif");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("'gif' is not one of png, svg, pdf"), unknown.err());
        assertFalse(unknown.err().contains("Exception"), unknown.err());
    }

    @Test
    void badInputSaysWhatIsWrongWithoutATrace(@TempDir Path dir) throws Exception {
        var unknown = TrainCommandTest.run("render", "--scenario", "no-such-demo", "--out", dir.toString());
        assertEquals(TrainCommand.EXIT_BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("no bundled scenario is called 'no-such-demo'"), unknown.err());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"id\": \"b\", \"title\": \"B\", \"explanation\": [\"w\"], \"config\": {\"width\": -4}}");
        var bad = TrainCommandTest.run("render", "--scenario", broken.toString(), "--out", dir.toString());
        assertEquals(TrainCommand.EXIT_BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("broken.json: field 'config': width must be"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
        var scale = TrainCommandTest.run("render", "--scenario", "freeze-bn-curvature", "--out", dir.toString(), "--scale", "5");
        assertEquals(2, scale.exitCode());
        assertTrue(scale.err().contains("--scale must be 1, 2 or 3"), scale.err());
        var list = TrainCommandTest.run("render", "--list");
        assertEquals(0, list.exitCode());
    }
}
