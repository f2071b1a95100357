// `reproduce ghorbani` end to end on tiny nets and the synthetic data: every net at every step in report.json
// with finite figures, the density files, the report's table and claims, a figure that is not blank; bad --at.
package org.shiftscope.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.io.DensityCsv;
import org.shiftscope.model.io.Json;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReproduceGhorbaniCommandTest {
    static final List<Integer> STEPS = List.of(0, 10);
    static final List<String> NETS = List.of("bn-on", "no-bn", "bn-frozen");
    static final int DENSITY_GRID = 400;
    static final String[] FIGURES = {"lambda1", "lambda_k", "outlier_ratio", "gradient_top_share", "top_decade_mass",
            "top_decade_count", "eval_loss", "test_accuracy"};

    @Test
    void tinyNetsOnSyntheticDataGiveEveryNetAtEveryStepAndAFigure(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ghorbani");
        var outcome = TrainCommandTest.run("reproduce", "ghorbani", "--out", out.toString(), "--dataset", "synthetic",
                "--depth", "2", "--width", "16", "--batch", "32", "--at", "0,10", "--hessian-samples", "128",
                "--density-steps", "20", "--scale", "1");
        assertEquals(0, outcome.exitCode(), outcome.err());

        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        assertEquals(10, report.get("classes").asInt());
        Set<String> measured = new HashSet<>();
        for (JsonNode m : report.get("measurements")) {
            measured.add(m.get("net").asText() + "@" + m.get("step").asLong());
            for (String figure : FIGURES) {
                assertTrue(Double.isFinite(m.get(figure).asDouble()) && m.get(figure).isNumber(),
                        figure + " of " + m.get("net") + " at step " + m.get("step") + ": " + m.get(figure));
            }
            assertEquals(10, m.get("eigenvalues").size());
            double share = m.get("gradient_top_share").asDouble();
            assertTrue(share >= 0 && share <= 1, "a share: " + share);
        }
        for (String net : NETS) {
            for (int step : STEPS) {
                assertTrue(measured.contains(net + "@" + step), net + " at step " + step + " in " + measured);
            }
            List<String> rows = Files.readAllLines(out.resolve("density-" + net + ".csv"));
            assertEquals(DensityCsv.HEADER, rows.get(0));
            assertEquals(1 + STEPS.size() * DENSITY_GRID, rows.size());
        }
        assertEquals(NETS.size() * STEPS.size(), report.get("measurements").size());
        assertEquals(3, report.get("claims").size());

        String markdown = Files.readString(out.resolve("report.md"));
        assertTrue(markdown.contains("| net | step | λ1 | λ10 | λ1/λ10 | gradient in top-10 |"), markdown);
        assertTrue(markdown.contains("## Against the paper"), markdown);

        var figure = ImageIO.read(out.resolve("densities.png").toFile());
        assertTrue(figure.getWidth() > 1000, "two panels side by side: " + figure.getWidth());
        assertTrue(RenderCommandTest.colours(figure) > RenderCommandTest.MIN_COLOURS, "densities.png is not blank");
    }

    @Test
    void stepsOutOfOrderAreAUsageError(@TempDir Path dir) {
        TrainCommandTest.assertUsageError("strictly ascending", "reproduce", "ghorbani", "--out",
                dir.resolve("x").toString(), "--at", "100,0");
        assertTrue(Files.notExists(dir.resolve("x")), "a refused run leaves no folder behind");
    }
}
