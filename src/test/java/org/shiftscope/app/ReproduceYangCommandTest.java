// `reproduce yang` end to end on a tiny network: report.md, report.json with finite numbers, gradients.csv
// with a row per variant, seed and layer, the figure (headless), and usage errors for sizes out of range.
package org.shiftscope.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.reproduce.yang.Variant;
import org.shiftscope.model.reproduce.yang.YangFiles;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReproduceYangCommandTest {
    static final int DEPTH = 7;
    static final int SEEDS = 2;

    @Test
    void aTinyRunWritesEveryFileWithFiniteNumbers(@TempDir Path out) throws Exception {
        var outcome = TrainCommandTest.run("reproduce", "yang", "--out", out.toString(), "--depth", String.valueOf(DEPTH),
                "--width", "16", "--batch", "32", "--seeds", String.valueOf(SEEDS));
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("predicted 1.4669"), outcome.err());

        JsonNode report = Json.mapper().readTree(out.resolve("report.json").toFile());
        var numbers = new ArrayList<Double>();
        collectNumbers(report, numbers);
        assertFalse(numbers.isEmpty());
        assertTrue(numbers.stream().allMatch(Double::isFinite), "every number in report.json is finite");
        for (Variant variant : Variant.values()) {
            JsonNode entry = report.at("/variants/" + variant.key());
            assertEquals(DEPTH + 1, entry.get("geometric_mean_squared_norms").size());
            assertEquals(SEEDS, entry.get("squared_norms_by_seed").size());
            assertTrue(entry.get("fitted_growth_per_layer").asDouble() > 0);
        }

        List<String> csv = Files.readAllLines(out.resolve("gradients.csv"));
        assertEquals(YangFiles.CSV_HEADER, csv.get(0));
        assertEquals(1 + Variant.values().length * SEEDS * (DEPTH + 1), csv.size());
        assertTrue(Files.readString(out.resolve("report.md")).contains("| classifier |"));
        assertTrue(ImageIO.read(out.resolve("gradients.png").toFile()).getWidth() > 0);
    }

    @Test
    void sizesOutOfRangeAreUsageErrors() {
        TrainCommandTest.assertUsageError("depth must be between", "reproduce", "yang", "--out", "unused", "--depth", "3");
        TrainCommandTest.assertUsageError("seeds must be between", "reproduce", "yang", "--out", "unused", "--seeds", "0");
    }

    private static void collectNumbers(JsonNode node, List<Double> numbers) {
        if (node.isNumber()) {
            numbers.add(node.asDouble());
        } else if (node.isTextual() && node.asText().matches("-?(NaN|Infinity)")) {
            numbers.add(Double.NaN);
        }
        node.forEach(child -> collectNumbers(child, numbers));
    }
}
