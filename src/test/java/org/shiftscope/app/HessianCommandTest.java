// Train → export → `hessian` on the same weights: the export reads back to the same loss, and freezing BN
// (running statistics) raises the top eigenvalue above the one with batch statistics (Page's demonstration);
// with --density the curve and its figures are written beside the top-k.
package org.shiftscope.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.hessian.EvaluationSetLoss;
import org.shiftscope.model.io.HessianCsv;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.ModelExport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.app.TrainCommandTest.assertUsageError;

class HessianCommandTest {
    static final double LOSS_TOLERANCE = 1e-6;
    static final double MASS_TOLERANCE = 1e-3;
    /** The largest Ritz value of 30 Lanczos steps against the top-k's λ1: an isolated outlier converges fast. */
    static final double LARGEST_NODE_TOLERANCE = 1e-3;

    @Test
    void exportReadsBackAndFrozenBnHasTheSharperTop(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        var trained = TrainCommandTest.run("train", "--out", run.toString(), "--dataset", "synthetic", "--depth", "3",
                "--width", "16", "--bn", "on", "--lr", "0.2", "--batch", "32", "--steps", "150", "--export-model",
                "--top-k", "3", "--hessian-samples", "256");
        assertEquals(0, trained.exitCode(), trained.err());
        Path model = run.resolve("model");

        var loaded = ModelExport.read(model);
        var loss = new EvaluationSetLoss(loaded.network(), loaded.bnMode(), loaded.evalSet(), loaded.bnChunk(), 0);
        double recomputed = loss.value(loss.initialParameters());
        JsonNode arch = Json.mapper().readTree(model.resolve("arch.json").toFile());
        assertEquals(arch.get("eval_loss").asDouble(), recomputed, LOSS_TOLERANCE);
        assertEquals("on", arch.get("bn_mode").asText());
        assertEquals(32, arch.get("bn_chunk").asInt());

        List<String> trainingRows = Files.readAllLines(run.resolve("hessian.csv"));
        assertEquals(HessianCsv.HEADER, trainingRows.get(0));
        assertEquals(4, trainingRows.size(), "top-3 on the final weights");

        double on = lambdaMax(dir, model, "on");
        double frozen = lambdaMax(dir, model, "frozen");
        double asTrained = Double.parseDouble(trainingRows.get(1).split(",")[2]);
        assertEquals(asTrained, on, 1e-6 * on, "`hessian --bn-mode on` reproduces the training run's figure");
        assertEquals(150, arch.get("step").asInt());
        assertEquals(150, Json.mapper().readTree(dir.resolve("on").resolve("hessian.json").toFile()).get("step").asInt(),
                "hessian.json reports the step the model was exported at");
        assertTrue(Files.readAllLines(dir.resolve("frozen").resolve("hessian.csv")).get(1).startsWith("150,1,"));
        assertTrue(frozen > 2 * on, "frozen BN λ1 " + frozen + " vs batch-statistics λ1 " + on);
    }

    private static double lambdaMax(Path dir, Path model, String mode) throws Exception {
        Path out = dir.resolve(mode);
        var outcome = TrainCommandTest.run("hessian", "--model", model.toString(), "--bn-mode", mode, "--top-k", "3",
                "--out", out.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("hessian.csv", "hessian.json"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "written through temporary files renamed into place, none left behind");
        }
        return Json.mapper().readTree(out.resolve("hessian.json").toFile()).get("lambda_max").asDouble();
    }

    @Test
    void densityWritesItsCurveAndAddsItsFiguresToHessianJson(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        var trained = TrainCommandTest.run("train", "--out", run.toString(), "--dataset", "synthetic", "--depth", "2",
                "--width", "16", "--bn", "on", "--batch", "32", "--steps", "30", "--export-model", "--top-k", "2",
                "--hessian-samples", "128");
        assertEquals(0, trained.exitCode(), trained.err());
        Path out = dir.resolve("density");
        int grid = 200;
        var outcome = TrainCommandTest.run("hessian", "--model", run.resolve("model").toString(), "--top-k", "2",
                "--density", "--density-probes", "2", "--density-steps", "30", "--density-grid", String.valueOf(grid),
                "--out", out.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("density.csv", "hessian.csv", "hessian.json"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        List<String> rows = Files.readAllLines(out.resolve("density.csv"));
        assertEquals("step,lambda,density", rows.get(0));
        assertEquals(1 + grid, rows.size());
        double mass = 0;
        for (int i = 1; i < grid; i++) {
            String[] a = rows.get(i).split(",");
            String[] b = rows.get(i + 1).split(",");
            assertEquals("30", a[0], "the export's step");
            mass += 0.5 * (Double.parseDouble(a[2]) + Double.parseDouble(b[2]))
                    * (Double.parseDouble(b[1]) - Double.parseDouble(a[1]));
        }
        assertEquals(1, mass, MASS_TOLERANCE);

        JsonNode json = Json.mapper().readTree(out.resolve("hessian.json").toFile());
        JsonNode density = json.get("density");
        assertEquals(2, density.get("probes").asInt());
        assertEquals(30, density.get("steps").asInt());
        assertEquals(grid, density.get("grid_points").asInt());
        assertEquals("on", density.get("bn_mode").asText());
        assertEquals(30, json.get("step").asInt(), "the export's step");
        assertEquals(30, density.get("step").asInt());
        double lambdaMax = json.get("lambda_max").asDouble();
        assertEquals(lambdaMax, density.get("largest_node").asDouble(), LARGEST_NODE_TOLERANCE * lambdaMax);
        assertTrue(density.get("grid_max").asDouble() > density.get("largest_node").asDouble());
    }

    /** An arch.json from before steps were read (or written by another tool): the step is reported as unknown. */
    @Test
    void anExportWithoutAStepIsAnalysedWithTheStepUnknown(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        var trained = TrainCommandTest.run("train", "--out", run.toString(), "--dataset", "synthetic", "--depth", "2",
                "--width", "16", "--bn", "on", "--batch", "32", "--steps", "20", "--export-model", "--top-k", "2",
                "--hessian-samples", "128");
        assertEquals(0, trained.exitCode(), trained.err());
        Path arch = run.resolve("model").resolve(ModelExport.ARCH);
        var json = (ObjectNode) Json.mapper().readTree(arch.toFile());
        json.remove("step");
        Json.mapper().writeValue(arch.toFile(), json);

        Path out = dir.resolve("h");
        var outcome = TrainCommandTest.run("hessian", "--model", run.resolve("model").toString(), "--top-k", "2",
                "--out", out.toString());
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("exported at an unrecorded step"), outcome.err());
        assertTrue(Json.mapper().readTree(out.resolve("hessian.json").toFile()).get("step").isNull());
        assertTrue(Files.readAllLines(out.resolve("hessian.csv")).get(1).startsWith(HessianCommand.UNKNOWN_STEP + ",1,"));
    }

    @Test
    void densityOptionsAreCheckedBeforeTheModelIsRead(@TempDir Path dir) {
        String out = dir.resolve("o").toString();
        assertUsageError("density-probes must be between 1 and 1000 (got 0)",
                "hessian", "--model", "missing", "--out", out, "--density", "--density-probes", "0");
        assertUsageError("density-grid must be between 20 and 100000 (got 5)",
                "hessian", "--model", "missing", "--out", out, "--density", "--density-grid", "5");
        assertUsageError("--density-steps needs --density",
                "hessian", "--model", "missing", "--out", out, "--density-steps", "10");
    }

    @Test
    void aMissingOrBrokenExportGivesAClearMessage(@TempDir Path dir) throws Exception {
        var missing = TrainCommandTest.run("hessian", "--model", dir.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("arch.json"), missing.err());
        Files.writeString(dir.resolve("arch.json"), "{ not json");
        var broken = TrainCommandTest.run("hessian", "--model", dir.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().contains("malformed JSON"), broken.err());
    }
}
