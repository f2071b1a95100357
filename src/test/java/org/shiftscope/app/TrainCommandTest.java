// The headless `train` command: a real run on the embedded data writes complete files and learns;
// bad arguments and bad data give a message and exit code 2.
package org.shiftscope.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.io.HessianCsv;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.RunRecorder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    static final int STEPS = 200;
    static final int DEPTH = 3;

    record Outcome(int exitCode, String err) {
    }

    static Outcome run(String... args) {
        var err = new StringWriter();
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new Outcome(cli.execute(args), err.toString());
    }

    /** A usage error (exit 2) whose first line contains {@code expected}, with no exception name or stack trace. */
    static void assertUsageError(String expected, String... args) {
        var outcome = run(args);
        assertEquals(TrainCommand.EXIT_BAD_INPUT, outcome.exitCode(), outcome.err());
        String first = outcome.err().lines().findFirst().orElse("");
        assertTrue(first.contains(expected), first);
        assertFalse(outcome.err().contains("Exception"), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }

    @Test
    void twoHundredStepsOnTheEmbeddedDataLearnAndWriteEveryFile(@TempDir Path out) throws Exception {
        var outcome = run("train", "--out", out.toString(), "--depth", String.valueOf(DEPTH), "--width", "64",
                "--bn", "on", "--lr", "0.1", "--steps", String.valueOf(STEPS), "--eval-every", "50");
        assertEquals(0, outcome.exitCode(), outcome.err());

        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(RunRecorder.METRICS_HEADER, metrics.get(0));
        assertEquals(STEPS + 1, metrics.size());
        assertEquals(RunRecorder.METRICS_HEADER.split(",").length, metrics.get(50).split(",", -1).length);
        assertTrue(metrics.get(50).endsWith(",on"), "each row names its BN mode");
        assertFalse(metrics.get(50).split(",", -1)[4].isEmpty(), "step 50 has a test loss");
        assertTrue(metrics.get(49).split(",", -1)[4].isEmpty(), "step 49 has none");
        double early = meanLoss(metrics.subList(1, 21));
        double late = meanLoss(metrics.subList(STEPS - 19, STEPS + 1));
        assertTrue(late < 0.6 * early, "loss should fall: " + early + " → " + late);

        List<String> layers = Files.readAllLines(out.resolve("layers.csv"));
        assertEquals(RunRecorder.LAYERS_HEADER, layers.get(0));
        assertEquals(1 + STEPS * DEPTH * 2, layers.size());

        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(summary.get("diverged").asBoolean());
        assertEquals(STEPS, summary.get("steps_completed").asInt());
        assertTrue(summary.get("final_test_accuracy").asDouble() > 0.5);
        JsonNode config = Json.mapper().readTree(out.resolve("config.json").toFile());
        assertEquals("on", config.at("/config/optimizer/bn_mode").asText());
        assertEquals(784, config.at("/dataset_facts/inputs").asInt());
    }

    @Test
    void aConvnetWithGroupNormTrainsAndRecordsEveryStagePerChannel(@TempDir Path out) throws Exception {
        int stages = 2;
        int steps = 30;
        var outcome = run("train", "--out", out.toString(), "--dataset", "synthetic", "--arch", "convnet", "--norm", "group",
                "--groups", "4", "--depth", String.valueOf(stages), "--width", "8", "--batch", "32", "--lr", "0.05",
                "--steps", String.valueOf(steps), "--eval-every", "10");
        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().contains("convnet 2 stages × 8 channels relu, GroupNorm (4 groups) on"), outcome.err());

        List<String> layers = Files.readAllLines(out.resolve("layers.csv"));
        assertEquals(1 + steps * stages * 2, layers.size());
        List<String> gradients = Files.readAllLines(out.resolve(RunRecorder.GRADIENTS_FILE));
        assertEquals(RunRecorder.GRADIENTS_HEADER, gradients.get(0));
        assertEquals(1 + steps * (stages + 1), gradients.size(), "each stage's weights and the classifier's");
        assertTrue(Double.parseDouble(gradients.get(1).split(",")[2]) > 0, gradients.get(1));
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(meanLoss(metrics.subList(steps - 9, steps + 1)) < meanLoss(metrics.subList(1, 11)), "the convnet learns");
        JsonNode config = Json.mapper().readTree(out.resolve("config.json").toFile());
        assertEquals("convnet", config.at("/config/network/architecture").asText());
        assertEquals("group", config.at("/config/network/normalization").asText());
    }

    @Test
    void networkOptionsThatDoNotFitGiveOneLine(@TempDir Path out) {
        assertUsageError("LayerNorm has no frozen mode", "train", "--out", out.toString(), "--norm", "layer", "--bn", "frozen");
        assertUsageError("ghost batches are a BatchNorm setting", "train", "--out", out.toString(), "--norm", "group",
                "--ghost-batch", "16");
        assertUsageError("width (channels) must be between 8 and 128", "train", "--out", out.toString(), "--arch", "convnet",
                "--width", "256");
        assertUsageError("'transformer' is not one of mlp, convnet, resnet", "train", "--out", out.toString(), "--arch",
                "transformer");
        assertUsageError("'batchnorm' is not one of batch, batch-post, layer, group, none", "train", "--out", out.toString(),
                "--norm", "batchnorm");
        assertUsageError("GroupNorm's 3 groups must divide the width 64", "train", "--out", out.toString(), "--norm", "group",
                "--groups", "3", "--width", "64", "--steps", "1");
    }

    @Test
    void withoutNormalisationTheModeIsOffUnlessGiven(@TempDir Path out) throws Exception {
        var outcome = run("train", "--out", out.toString(), "--dataset", "synthetic", "--norm", "none", "--depth", "2",
                "--width", "16", "--steps", "2");
        assertEquals(0, outcome.exitCode(), outcome.err());
        JsonNode config = Json.mapper().readTree(out.resolve("config.json").toFile());
        assertEquals("off", config.at("/config/optimizer/bn_mode").asText());
    }

    private static double meanLoss(List<String> rows) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r.split(",")[2])).average().orElseThrow();
    }

    @Test
    void outOfRangeArgumentsExitWithTwoAndNameTheRange(@TempDir Path out) {
        var outcome = run("train", "--out", out.toString(), "--depth", "0");
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("depth must be between 1"), outcome.err());
        assertEquals(2, run("train", "--out", out.toString(), "--bn", "sideways").exitCode());
        assertEquals(2, run("train", "--out", out.toString(), "--no-such-option").exitCode());
        assertEquals(2, run("train", "--out", out.toString(), "--bn", "on", "--batch", "1").exitCode());
        assertEquals(2, run("train").exitCode(), "--out is required");
    }

    @Test
    void theStressTestRaisesTheLearningRateOnScheduleAndReportsTheLargestHealthyOne(@TempDir Path out) throws Exception {
        var outcome = run("train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "3", "--width", "32",
                "--bn", "off", "--lr", "0.05", "--lr-stress", "--stress-factor", "2", "--stress-every", "20",
                "--stress-limit", "100", "--steps", "400", "--batch", "64");
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(0.05, Double.parseDouble(metrics.get(20).split(",")[1]), 1e-12, "step 20: first stretch");
        assertEquals(0.1, Double.parseDouble(metrics.get(21).split(",")[1]), 1e-12, "step 21: η doubled");
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        double maxStable = summary.get("max_stable_lr").asDouble();
        assertTrue(maxStable >= 0.05 && maxStable < 100, "max_stable_lr " + maxStable);
        double lastLr = Double.parseDouble(metrics.get(metrics.size() - 1).split(",")[1]);
        assertTrue(summary.get("diverged").asBoolean() || metrics.size() - 1 == 400 || 2 * lastLr > 100,
                "ends by divergence, the step limit or the η limit");
        assertEquals(2, run("train", "--out", out.toString(), "--lr-stress", "--stress-limit", "1000").exitCode());
    }

    /** As the window and render do: λ1 of the last weights of each stretch, in that stretch's η. */
    @Test
    void theStressTestMeasuresLambdaOneAtTheEndOfEveryStretch(@TempDir Path out) throws Exception {
        var outcome = run("train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "2", "--width", "16",
                "--bn", "on", "--lr", "0.05", "--lr-stress", "--stress-factor", "2", "--stress-every", "10",
                "--stress-limit", "0.4", "--steps", "100", "--batch", "32", "--top-k", "2", "--hessian-samples", "128");
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> rows = Files.readAllLines(out.resolve("hessian.csv"));
        assertEquals(HessianCsv.HEADER, rows.get(0));
        var rankOne = rows.stream().skip(1).map(r -> r.split(",")).filter(r -> r[1].equals("1")).toList();
        assertEquals(List.of("10", "20", "30", "40"), rankOne.stream().map(r -> r[0]).toList(),
                "η 0.05, 0.1, 0.2, 0.4: one λ1 per stretch, then 0.8 passes the limit");
        assertEquals(List.of(0.05, 0.1, 0.2, 0.4), rankOne.stream().map(r -> Double.parseDouble(r[r.length - 1])).toList());
        assertEquals(40, Json.mapper().readTree(out.resolve("summary.json").toFile()).at("/hessian/step").asInt(),
                "the summary's Hessian figures are the last stretch's");
    }

    @Test
    void densityEveryWritesTheCurveOnScheduleAndTheLastFiguresInTheSummary(@TempDir Path out) throws Exception {
        int grid = 50;
        var outcome = run("train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "2", "--width", "16",
                "--bn", "on", "--batch", "32", "--steps", "20", "--hessian-samples", "128", "--density-every", "10",
                "--density-probes", "2", "--density-steps", "20", "--density-grid", String.valueOf(grid));
        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> rows = Files.readAllLines(out.resolve("density.csv"));
        assertEquals("step,lambda,density", rows.get(0));
        assertEquals(1 + 3 * grid, rows.size(), "steps 0, 10 and 20");
        assertEquals(List.of("0", "10", "20"), rows.stream().skip(1).map(r -> r.split(",")[0]).distinct().toList());
        JsonNode density = Json.mapper().readTree(out.resolve("summary.json").toFile()).get("density");
        assertEquals(20, density.get("step").asInt());
        assertEquals(2, density.get("probes").asInt());
        assertEquals(grid, density.get("grid_points").asInt());
        assertUsageError("density-every must be between 0 and 2147483647 (got -1)",
                "train", "--out", out.toString(), "--density-every", "-1");
        assertUsageError("density-steps must be between 1 and 1000 (got 1001)",
                "train", "--out", out.toString(), "--density-steps", "1001");
    }

    /** About 10 M parameters × 100 probes × 1002 vectors: about 8 TB, refused before the first step. */
    @Test
    void aDensityTooLargeForTheHeapIsRefusedBeforeTraining(@TempDir Path out) {
        assertUsageError("needs about", "train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "10",
                "--width", "1024", "--steps", "5", "--density-every", "1", "--density-probes", "100",
                "--density-steps", "1000");
    }

    @Test
    void aFolderWithoutDataGivesAClearMessage(@TempDir Path empty) {
        var outcome = run("train", "--out", empty.resolve("run").toString(), "--dataset", empty.toString());
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().startsWith("error: "), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
    }
}
