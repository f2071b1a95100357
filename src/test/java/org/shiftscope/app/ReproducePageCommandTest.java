// `reproduce page` end to end on a tiny configuration: report.json has every net and key with finite numbers,
// report.md every table, the figures and the three exported models exist and read back.
package org.shiftscope.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.ModelExport;
import org.shiftscope.model.net.BnMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReproducePageCommandTest {
    static final int TOP_K = 12;
    static final List<String> KEYS = List.of("eigenvalues", "overlap_means", "overlap_moments", "lambda1_projected_means",
            "lambda1_projected_moments", "perturbation", "layer_gradient_share");

    @Test
    void aTinyRunWritesEveryTableWithFiniteNumbersAndTheThreeModels(@TempDir Path dir) throws Exception {
        var outcome = TrainCommandTest.run("reproduce", "page", "--arch", "mlp", "--dataset", "synthetic", "--depth", "2",
                "--width", "16", "--steps", "40", "--hessian-samples", "64", "--top-k", String.valueOf(TOP_K),
                "--lanczos-iters", "40", "--bn-lr", "0.2", "--out", dir.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());

        JsonNode nets = Json.mapper().readTree(dir.resolve("report.json").toFile()).get("nets");
        for (String name : List.of("bn", "frozen", "nobn")) {
            JsonNode net = nets.get(name);
            KEYS.forEach(key -> assertTrue(net.has(key), name + " lacks " + key));
            assertEquals(TOP_K, net.get("eigenvalues").size(), name);
            assertEquals(TOP_K, net.get("overlap_moments").size(), name);
            assertAllFinite(net, name);
            assertEquals(3, net.get("perturbation").size(), name + ": random, the mean-logit gradient and v1");
            for (JsonNode move : net.get("perturbation")) {
                assertEquals(64, sum(move.get("before")), name);
                assertEquals(64, sum(move.get("after")), name);
            }
            var overlaps = net.get("overlap_moments");
            for (int i = 0; i < TOP_K; i++) {
                assertTrue(net.get("overlap_means").get(i).asDouble() <= overlaps.get(i).asDouble() + 1e-9,
                        name + ": the 29-dim span contains the 9-dim one");
            }
            var model = ModelExport.read(dir.resolve("models").resolve(name));
            assertEquals(name.equals("frozen") ? BnMode.FROZEN : name.equals("bn") ? BnMode.ON : BnMode.OFF, model.bnMode());
        }
        String report = Files.readString(dir.resolve("report.md"));
        for (String table : List.of("## Top eigenvalues", "## Overlap", "## λ1 with the shift spans projected out",
                "## Perturbation", "## Where the shift lives", "Page λ1 ÷ 256")) {
            assertTrue(report.contains(table), "report.md lacks " + table);
        }
        for (String figure : List.of("eigenvalues.png", "overlaps.png", "perturbation.png", "layers.png")) {
            assertTrue(Files.size(dir.resolve(figure)) > 10_000, figure);
        }
    }

    @Test
    void aResnetIsRefusedAsAUsageError() {
        TrainCommandTest.assertUsageError("reproduce page runs Page's plain nets", "reproduce", "page", "--arch", "resnet");
    }

    private static void assertAllFinite(JsonNode node, String where) {
        if (node.isNumber()) {
            assertTrue(Double.isFinite(node.asDouble()), where + " = " + node);
        }
        node.fields().forEachRemaining(e -> assertAllFinite(e.getValue(), where + "." + e.getKey()));
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertAllFinite(node.get(i), where + "[" + i + "]");
            }
        }
    }

    private static int sum(JsonNode counts) {
        int total = 0;
        for (JsonNode c : counts) {
            total += c.asInt();
        }
        return total;
    }
}
