// Each bundled scenario's "what to watch for", checked against the data: the scenario runs headless as `render`
// runs it (ScenarioRunner, the embedded data, the scenario's seed) and the measurable part of every claim its
// texts make (assets/scenarios/*.json, explanations/*.md, the README's figures) is asserted, with margins that
// hold for that seed. Where a claim is measurable early, fewer steps than render's are taken (noted per test).
package org.shiftscope.model.scenario;

import org.junit.jupiter.api.Test;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.model.stats.LayerStats;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.train.StepRecord;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.train.TrainingSession;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shiftscope.model.scenario.RecordedRun.bundled;
import static org.shiftscope.model.scenario.RecordedRun.data;
import static org.shiftscope.model.scenario.RecordedRun.onLine;

class ScenarioClaimsTest {
    /** The scenarios checked here (Page's shift experiments' in ShiftScenarioClaimsTest): a new one needs its claims checked too. */
    static final Set<String> CHECKED = Set.of("bn-raises-learning-rate", "freeze-bn-curvature", "deep-relu-drift",
            "ioffe-sigmoid", "sharpness-rises", "layernorm-vs-batchnorm",
            "deep-nets-need-residuals", "pages-convnet", "perturb-one-class", "where-shift-lives");

    @Test
    void everyBundledScenarioHasItsClaimsCheckedHere() {
        assertEquals(CHECKED, ScenarioReader.bundled().stream().map(Scenario::id).collect(Collectors.toSet()));
    }

    // ---- freeze-bn-curvature: render's 700 steps; the run diverges at 604, so 610 steps show everything.

    static final long FREEZE_STEPS = 610;
    static final long FREEZE_AT = 600;
    /** "the loss blows up within a few steps" of the freeze */
    static final long FREEZE_BLOW_UP_WITHIN = 10;
    /** "λ1 jumps by close to an order of magnitude" (×8.3 measured; the issue asks for at least ×5) */
    static final double FREEZE_MIN_JUMP = 5;
    /** frozen η·λ1 "seven times the threshold" (6.9 measured) */
    static final double FREEZE_MIN_FROZEN_ON_LINE = 4;
    /** BN on before the freeze: η·λ1 "between about 1.7 and 3", i.e. 0.83 to 1.53 times the threshold */
    static final double FREEZE_ON_LINE_LOW = 0.6;
    static final double FREEZE_ON_LINE_HIGH = 2;
    /** top eigenvector in the shift span (means and variances): "0.9" frozen (0.88), "almost 0" on (0.02) */
    static final double SHIFT_OVERLAP_HIGH = 0.6;
    static final double SHIFT_OVERLAP_LOW = 0.15;
    /** λ1/λ10 "from 2 to 5.4" */
    static final double FROZEN_MIN_OUTLIER_RATIO = 4;
    static final double ON_MAX_OUTLIER_RATIO = 3;
    /** healthy before the freeze: test loss well under chance level ln 10 ≈ 2.3 (0.55 measured) */
    static final double HEALTHY_TEST_LOSS = 1;

    @Test
    void freezingBnMultipliesTheCurvatureOfTheSameWeightsAlongTheShiftDirectionsAndTheLossBlowsUp() throws Exception {
        var run = RecordedRun.of(bundled("freeze-bn-curvature"), FREEZE_STEPS).get(0);

        var before = run.reports(1, FREEZE_AT, BnMode.ON);
        assertFalse(before.isEmpty());
        boolean reachedLine = false;
        for (var r : before) {
            double onLine = onLine(r);
            assertTrue(onLine > FREEZE_ON_LINE_LOW && onLine < FREEZE_ON_LINE_HIGH,
                    "BN on trains near the full-batch threshold, step " + r.step() + ": " + r.summary());
            reachedLine |= onLine >= 1;
        }
        assertTrue(reachedLine, "BN on reaches the line at least once while healthy (edge of stability)");
        assertTrue(run.step(FREEZE_AT).testLoss() < HEALTHY_TEST_LOSS, "healthy up to the freeze");

        var on = before.get(before.size() - 1);
        var frozen = run.reports(FREEZE_AT, FREEZE_AT, BnMode.FROZEN).get(0);
        assertEquals(FREEZE_AT, on.step(), "BN on measured on the weights of the switch");
        assertTrue(frozen.lambdaMax() >= FREEZE_MIN_JUMP * on.lambdaMax(), on.summary() + " → " + frozen.summary());
        assertTrue(onLine(frozen) >= FREEZE_MIN_FROZEN_ON_LINE, frozen.summary());
        assertTrue(frozen.meanVarianceOverlap()[0] >= SHIFT_OVERLAP_HIGH, "frozen v1 is a shift direction");
        assertTrue(on.meanVarianceOverlap()[0] <= SHIFT_OVERLAP_LOW, "active BN's v1 is not");
        assertTrue(frozen.outlierRatio() >= FROZEN_MIN_OUTLIER_RATIO, frozen.summary());
        assertTrue(on.outlierRatio() <= ON_MAX_OUTLIER_RATIO, on.summary());

        var divergence = run.divergence();
        assertNotNull(divergence, "the loss blows up after the freeze");
        assertTrue(divergence.step() > FREEZE_AT && divergence.step() <= FREEZE_AT + FREEZE_BLOW_UP_WITHIN,
                "diverged at step " + divergence.step());
    }

    // ---- pages-convnet: render's 310 steps; the run diverges at 303, so 305 steps show everything.

    static final long CONVNET_STEPS = 305;
    static final long CONVNET_FREEZE_AT = 300;
    /** "λ1 jumps from 6.9 to 196 (×28)"; the issue asks for at least ×10, Page measured ×17.6 */
    static final double CONVNET_MIN_JUMP = 15;
    /** BN on: η·λ1 "between 2.2 and 3", i.e. 1.1 to 1.5 times the threshold */
    static final double CONVNET_ON_LINE_LOW = 0.9;
    static final double CONVNET_ON_LINE_HIGH = 1.8;
    /** every one of the frozen top 4 in the logit means' span: "0.98 to 0.99" (0.976 measured at the least) */
    static final double CONVNET_FROZEN_OVERLAP = 0.9;
    /** BN on's v1 "mostly in that span too (0.80)" */
    static final double CONVNET_ON_OVERLAP_LOW = 0.6;

    @Test
    void freezingTheConvnetsBnMultipliesItsCurvatureAlongTheLogitMeansAndTheLossExplodes() throws Exception {
        var scenario = bundled("pages-convnet");
        var run = RecordedRun.of(scenario, CONVNET_STEPS).get(0);
        assertEquals(Architecture.CONVNET, scenario.runs().get(0).network().architecture());

        var before = run.reports(0, CONVNET_FREEZE_AT, BnMode.ON);
        assertEquals(CONVNET_FREEZE_AT / scenario.runs().get(0).hessian().every() + 1, before.size());
        for (var r : before) {
            double onLine = onLine(r);
            assertTrue(onLine > CONVNET_ON_LINE_LOW && onLine < CONVNET_ON_LINE_HIGH, "near the edge, step " + r.step()
                    + ": " + r.summary());
        }
        var on = before.get(before.size() - 1);
        var frozen = run.reports(CONVNET_FREEZE_AT, CONVNET_FREEZE_AT, BnMode.FROZEN).get(0);
        assertEquals(CONVNET_FREEZE_AT, on.step(), "BN on measured on the weights of the switch");
        assertTrue(frozen.lambdaMax() >= CONVNET_MIN_JUMP * on.lambdaMax(), on.summary() + " → " + frozen.summary());
        for (double overlap : frozen.meanOverlap()) {
            assertTrue(overlap >= CONVNET_FROZEN_OVERLAP, "frozen top-k in the means' span: " + frozen.summary());
        }
        assertTrue(on.meanOverlap()[0] >= CONVNET_ON_OVERLAP_LOW, "BN on's v1 mostly in the span too: " + on.summary());

        var divergence = run.divergence();
        assertNotNull(divergence, "the loss explodes after the freeze");
        assertTrue(divergence.step() > CONVNET_FREEZE_AT && divergence.step() <= CONVNET_FREEZE_AT + FREEZE_BLOW_UP_WITHIN,
                "diverged at step " + divergence.step());
    }

    // ---- sharpness-rises: render's 600 steps; the climb and the plateau are measurable by step 200.

    static final long SHARPNESS_STEPS = 200;
    /** λ1 "from about 34" at the start: 0.17 of 2/η = 200 */
    static final double SHARPNESS_START_MAX = 0.3;
    /** "to the dashed line within the first hundred steps" */
    static final long SHARPNESS_REACHED_BY = 100;
    static final double SHARPNESS_REACHED = 0.9;
    /** then "hovers around the line": 1.05 to 1.30 of it from step 75 to 200 */
    static final long SHARPNESS_PLATEAU_FROM = 75;
    static final double SHARPNESS_PLATEAU_LOW = 0.75;
    static final double SHARPNESS_PLATEAU_HIGH = 1.6;
    /** "while the loss keeps falling": test loss at step 200 (0.74) under 0.7 × the one at step 50 (1.36) */
    static final double SHARPNESS_LOSS_FALL = 0.7;
    static final long SHARPNESS_EARLY_EVAL = 50;

    @Test
    void withoutBnTheSharpnessClimbsToTheFullBatchThresholdAndHoversMostlyJustAboveIt() throws Exception {
        var run = RecordedRun.of(bundled("sharpness-rises"), SHARPNESS_STEPS).get(0);
        assertNull(run.divergence());
        var reports = run.reports(0, SHARPNESS_STEPS, BnMode.OFF);
        assertTrue(onLine(reports.get(0)) <= SHARPNESS_START_MAX, reports.get(0).summary());
        var reached = reports.stream().filter(r -> onLine(r) >= SHARPNESS_REACHED).findFirst().orElseThrow();
        assertTrue(reached.step() <= SHARPNESS_REACHED_BY, "reached the line at step " + reached.step());

        var plateau = run.reports(SHARPNESS_PLATEAU_FROM, SHARPNESS_STEPS, BnMode.OFF);
        int above = 0;
        for (var r : plateau) {
            assertTrue(onLine(r) > SHARPNESS_PLATEAU_LOW && onLine(r) < SHARPNESS_PLATEAU_HIGH,
                    "hovers around the line, step " + r.step() + ": " + r.summary());
            above += onLine(r) >= 1 ? 1 : 0;
        }
        assertTrue(2 * above > plateau.size(), "mostly above the line: " + above + " of " + plateau.size());
        assertTrue(run.step(SHARPNESS_STEPS).testLoss() < SHARPNESS_LOSS_FALL * run.step(SHARPNESS_EARLY_EVAL).testLoss(),
                "the loss keeps falling");
    }

    // ---- bn-raises-learning-rate: render's 2000 steps run BN on to η = 7.24; 1000 steps (η up to 0.45) already
    // show BN off dying first, at a learning rate BN on survives, and how λ1 follows η in both.

    static final long STRESS_STEPS = 1000;
    /** BN off dies at η = 0.32 (stretch 9) */
    static final double OFF_DIES_BY_LR = 0.35;
    /** BN off at every stretch end: η·λ1 "between 2 and 3.2", 1.08 to 1.6 times the threshold */
    static final double OFF_ON_LINE_LOW = 0.9;
    static final double OFF_ON_LINE_HIGH = 1.8;
    /** BN off's v1 in the shift span, means and variances: "0.6 to 0.98" (0.58 to 0.98) */
    static final double OFF_SHIFT_OVERLAP_MIN = 0.5;
    /** BN off's λ1 "falls from 160 to 12" (×13) as η grows */
    static final double OFF_LAMBDA_FALL = 5;
    /** BN on "starts well below the line": η·λ1 under 1 (0.45 of the threshold) up to step 400 (η ≈ 0.06) */
    static final long ON_BELOW_UNTIL = 400;
    static final double ON_BELOW = 0.6;
    /** from η ≈ 0.16 (step 700) BN on "sits on the line or a little above": 1.12 to 1.59 of it */
    static final long ON_RIDES_FROM = 700;
    static final double ON_RIDES_LOW = 0.9;
    static final double ON_RIDES_HIGH = 3;
    /** BN on's λ1 "keeps falling as η grows": ×3 from step 700 to step 1000 */
    static final double ON_LAMBDA_FALL = 2;

    @Test
    void withoutBnTheRunDiesFirstThoughBothRideTheThresholdAndOnlyItsSharpDirectionsAreShifts() throws Exception {
        var scenario = bundled("bn-raises-learning-rate");
        assertEquals(BnMode.ON, scenario.config().optimizer().bnMode());
        var runs = RecordedRun.of(scenario, STRESS_STEPS);
        var on = runs.get(0);
        var off = runs.get(1);

        var death = off.divergence();
        assertNotNull(death, "BN off dies within " + STRESS_STEPS + " steps");
        assertTrue(death.learningRate() <= OFF_DIES_BY_LR, "BN off died at η = " + death.learningRate());
        assertNull(on.divergence(), "BN on survives");
        assertTrue(on.outcome().schedule().maxStableLearningRate() > death.learningRate(),
                "BN on is healthy at a larger η than the one that killed BN off");
        assertTrue(on.outcome().schedule().maxStableLearningRate() > off.outcome().schedule().maxStableLearningRate());

        var offReports = off.reports(1, STRESS_STEPS, BnMode.OFF);
        for (var r : offReports) {
            assertTrue(onLine(r) > OFF_ON_LINE_LOW && onLine(r) < OFF_ON_LINE_HIGH, "BN off rides the line: " + r.summary());
            assertTrue(r.meanVarianceOverlap()[0] >= OFF_SHIFT_OVERLAP_MIN, "BN off's v1 is a shift: " + r.step());
        }
        assertTrue(offReports.get(0).lambdaMax() > OFF_LAMBDA_FALL * offReports.get(offReports.size() - 1).lambdaMax(),
                "BN off lowers λ1 as η grows");

        for (var r : on.reports(1, STRESS_STEPS, BnMode.ON)) {
            assertTrue(r.meanVarianceOverlap()[0] <= SHIFT_OVERLAP_LOW, "BN on's v1 is not a shift: " + r.step());
            if (r.step() <= ON_BELOW_UNTIL) {
                assertTrue(onLine(r) < ON_BELOW, "BN on starts below the line: " + r.summary());
            }
            if (r.step() >= ON_RIDES_FROM) {
                assertTrue(onLine(r) > ON_RIDES_LOW && onLine(r) < ON_RIDES_HIGH, "BN on rides the line: " + r.summary());
            }
        }
        var riding = on.reports(ON_RIDES_FROM, STRESS_STEPS, BnMode.ON);
        assertTrue(riding.get(0).lambdaMax() > ON_LAMBDA_FALL * riding.get(riding.size() - 1).lambdaMax(),
                "BN on keeps lowering λ1 as η grows");
    }

    // ---- layernorm-vs-batchnorm: render's 2000 steps end with LayerNorm dead at η = 2.56 and BN alive; the claims
    // of its texts are about the first 400 steps (η up to 0.08).

    static final long NORMS_STEPS = 400;
    /** LayerNorm's λ1 "4 to 6 times BN's" at every stretch end (4.4 to 6.1 measured) */
    static final double LAYER_NORM_LAMBDA_RATIO = 3.5;
    /** gradient in the top 4: "55–93%" with LayerNorm, "at most 16%" with BN */
    static final double LAYER_NORM_TOP_SHARE_MIN = 0.45;
    static final double BATCH_NORM_TOP_SHARE_MAX = 0.25;

    @Test
    void layerNormKeepsTheOutliersThatBatchNormRemoves() throws Exception {
        var scenario = bundled("layernorm-vs-batchnorm");
        var runs = RecordedRun.of(scenario, NORMS_STEPS);
        var layer = runs.get(0).reports(1, NORMS_STEPS, BnMode.ON);
        var batch = runs.get(1).reports(1, NORMS_STEPS, BnMode.ON);
        assertEquals(Normalization.LAYER, scenario.runs().get(0).network().normalization());
        assertEquals(Normalization.BATCH, scenario.runs().get(1).network().normalization());
        assertEquals(NORMS_STEPS / scenario.stress().every(), layer.size());
        assertEquals(layer.size(), batch.size());

        for (int i = 0; i < layer.size(); i++) {
            assertEquals(layer.get(i).step(), batch.get(i).step());
            assertTrue(layer.get(i).lambdaMax() >= LAYER_NORM_LAMBDA_RATIO * batch.get(i).lambdaMax(),
                    layer.get(i).summary() + " vs " + batch.get(i).summary());
            assertTrue(layer.get(i).gradientTopShare() >= LAYER_NORM_TOP_SHARE_MIN, layer.get(i).summary());
            assertTrue(batch.get(i).gradientTopShare() <= BATCH_NORM_TOP_SHARE_MAX, batch.get(i).summary());
        }
    }

    // ---- deep-nets-need-residuals: the claims are about the gradients at initialisation, the first step.

    /** the plain net's gradient "grows about 7×" from its deepest stages back to its first ones (6.8 measured) */
    static final double PLAIN_GRADIENT_GROWTH = 4;
    static final int FIRST_STAGES = 5;
    static final int DEEPEST_STAGES = 4;
    /** the residual net's "within about 2×" over its residual blocks (2.1 measured) */
    static final double RESIDUAL_GRADIENT_SPREAD = 2.5;

    @Test
    void withoutShortcutsTheGradientGrowsFromTheDeepStagesBackToTheFirstOnes() throws Exception {
        var bundled = bundled("deep-nets-need-residuals");
        var config = bundled.config().withHessian(new HessianSettings(0, 1, HessianSettings.defaults().samples(), 0));
        var scenario = new Scenario(bundled.id(), bundled.title(), bundled.explanation(), bundled.reference(), config,
                bundled.compareWith(), null, List.of(), false, bundled.compareNetwork());   // no Hessian at step 0
        var runs = RecordedRun.of(scenario, 1);
        int stages = scenario.config().depth();
        double[] plain = runs.get(0).step(1).gradientNorms();
        double[] residual = runs.get(1).step(1).gradientNorms();
        assertEquals(stages + 1, plain.length, "each stage's weights and the classifier's");
        assertEquals(stages + 1, residual.length);

        double first = java.util.Arrays.stream(plain, 0, FIRST_STAGES).max().orElseThrow();
        double deepest = java.util.Arrays.stream(plain, stages - DEEPEST_STAGES, stages).min().orElseThrow();
        assertTrue(first >= PLAIN_GRADIENT_GROWTH * deepest, java.util.Arrays.toString(plain));
        var blocks = java.util.Arrays.stream(residual, 1, stages).summaryStatistics();
        assertTrue(blocks.getMax() <= RESIDUAL_GRADIENT_SPREAD * blocks.getMin(), java.util.Arrays.toString(residual));
    }

    // ---- deep-relu-drift: the heatmap claims are about the first step; render's 300 steps are not needed.

    static final long DRIFT_STEPS = 1;
    /** 1-based layer from which "about 0.85" holds without BN */
    static final int DRIFT_DEEP_FROM = 12;
    /** layer 1 "0.54", deep layers "about 0.85" (0.83 to 0.87), centred deep layers "near 0.8" (0.78 to 0.85) */
    static final double DRIFT_FIRST_LAYER = 0.54;
    static final double DRIFT_DEEP_MIN = 0.78;
    static final double CENTRED_DEEP_MIN = 0.7;
    static final double DRIFT_TOLERANCE = 0.05;
    /** "the average over all units stays near 0" (|mean| up to 0.095) */
    static final double DRIFT_MEAN_MAX = 0.15;
    /** with BN "about 0.2 to 0.35 from layer 2 on" (0.22 to 0.35) */
    static final double BN_SHARE_MAX = 0.45;
    /** centred inputs: layer 1 "falls to 0.01" */
    static final double CENTRED_FIRST_MAX = 0.05;
    /** with BN at step 0, η·λ1 "≈ 175", 87 times the threshold; without BN "near 1" (0.98) */
    static final double DEEP_BN_START_ON_LINE_MIN = 20;

    @Test
    void withoutBnTheBetweenChannelShareGrowsWithDepthAndBnButNotInputCentringRemovesIt() throws Exception {
        var scenario = bundled("deep-relu-drift");
        var runs = RecordedRun.of(scenario, DRIFT_STEPS);
        LayerStats[] on = runs.get(0).step(1).pre();
        LayerStats[] off = runs.get(1).step(1).pre();
        int depth = scenario.config().depth();

        assertEquals(DRIFT_FIRST_LAYER, off[0].betweenShare(), DRIFT_TOLERANCE);
        for (int l = DRIFT_DEEP_FROM - 1; l < depth; l++) {
            assertTrue(off[l].betweenShare() > DRIFT_DEEP_MIN, "BN off, layer " + (l + 1) + ": " + off[l].betweenShare());
            assertTrue(Math.abs(off[l].mean()) < DRIFT_MEAN_MAX, "BN off, layer " + (l + 1) + " mean " + off[l].mean());
        }
        for (int l = 1; l < depth; l++) {
            assertTrue(on[l].betweenShare() < BN_SHARE_MAX, "BN on, layer " + (l + 1) + ": " + on[l].betweenShare());
        }
        assertTrue(mean(on, DRIFT_DEEP_FROM - 1, depth) <= mean(on, 1, DRIFT_DEEP_FROM - 1) + DRIFT_TOLERANCE,
                "with BN the share no longer grows with depth");

        LayerStats[] centred = new TrainingSession(centred(scenario.config()), data(scenario)).step().pre();
        assertTrue(centred[0].betweenShare() < CENTRED_FIRST_MAX, "centring fixes layer 1: " + centred[0].betweenShare());
        for (int l = DRIFT_DEEP_FROM - 1; l < depth; l++) {
            assertTrue(centred[l].betweenShare() > CENTRED_DEEP_MIN, "but not layer " + (l + 1));
        }

        var bnStart = runs.get(0).reports().get(0);
        var offStart = runs.get(1).reports().get(0);
        assertEquals(0, bnStart.step());
        assertTrue(onLine(bnStart) > DEEP_BN_START_ON_LINE_MIN, "a deep BN net starts very sharp: " + bnStart.summary());
        assertTrue(onLine(offStart) < 1, "without BN it starts below the line: " + offStart.summary());
        assertNull(runs.get(0).divergence(), "and BN trains on");
    }

    // ---- ioffe-sigmoid: render's 3000 steps; the drift, the steady band and the faster start show by step 500.

    static final long IOFFE_STEPS = 500;
    /** the percentile chart's band is averaged over this many steps to see past one batch's scatter */
    static final int IOFFE_WINDOW = 50;
    /** BN off: the median "falls from 0.27 to about −1.35 by step 500" (a shift of 1.62) */
    static final double OFF_MEDIAN_SHIFT_MIN = 1.2;
    /** BN on: "moves by less than 0.4" (0.13 by step 500) */
    static final double ON_MEDIAN_SHIFT_MAX = 0.4;
    /** BN off: the band "widens from 0.03 to between 0.4 and 0.9" (×13: 0.4 by step 500) */
    static final double OFF_WIDENING_MIN = 5;
    /** BN on: the width stays "between about 1.8 and 3.3", within 0.75 to 1.4 times the first step's 2.4 */
    static final double ON_WIDTH_LOW = 0.7;
    static final double ON_WIDTH_HIGH = 1.5;
    /** test accuracy at step 250: "80% with BN, against 53% without" */
    static final long IOFFE_EARLY_EVAL = 250;
    static final double ON_EARLY_ACCURACY_MIN = 0.75;
    static final double OFF_EARLY_ACCURACY_MAX = 0.65;

    @Test
    void withoutBnTheLastSigmoidInputDriftsAndWidensWithBnItStaysPutAndAccuracyRisesFaster() throws Exception {
        var runs = RecordedRun.of(bundled("ioffe-sigmoid"), IOFFE_STEPS);
        var on = runs.get(0);
        var off = runs.get(1);
        assertNull(on.divergence());
        assertNull(off.divergence());

        double offStart = lastLayer(off.step(1)).p50();
        double offShift = Math.abs(windowMedian(off, IOFFE_STEPS) - offStart);
        assertTrue(offShift > OFF_MEDIAN_SHIFT_MIN, "BN off's band drifts: " + offShift);
        assertTrue(windowWidth(off, IOFFE_STEPS) > OFF_WIDENING_MIN * width(lastLayer(off.step(1))), "and widens");

        double onStart = lastLayer(on.step(1)).p50();
        double onWidth = width(lastLayer(on.step(1)));
        for (long end = IOFFE_WINDOW; end <= IOFFE_STEPS; end += IOFFE_WINDOW) {
            assertTrue(Math.abs(windowMedian(on, end) - onStart) < ON_MEDIAN_SHIFT_MAX, "BN on's band stays put, step " + end);
            double ratio = windowWidth(on, end) / onWidth;
            assertTrue(ratio > ON_WIDTH_LOW && ratio < ON_WIDTH_HIGH, "BN on's band keeps its width, step " + end);
        }

        assertTrue(on.step(IOFFE_EARLY_EVAL).testAccuracy() > ON_EARLY_ACCURACY_MIN, "BN learns fast");
        assertTrue(off.step(IOFFE_EARLY_EVAL).testAccuracy() < OFF_EARLY_ACCURACY_MAX, "without BN more slowly");
    }

    /** The statistics the percentile chart draws: the input of the last sigmoid (the BN output with BN on). */
    static LayerStats lastLayer(StepRecord r) {
        return r.post()[r.post().length - 1];
    }

    static double width(LayerStats s) {
        return s.p85() - s.p15();
    }

    /** The tracked unit's median averaged over the {@link #IOFFE_WINDOW} steps ending at {@code end}. */
    static double windowMedian(RecordedRun run, long end) {
        return run.steps().subList((int) (end - IOFFE_WINDOW), (int) end).stream()
                .mapToDouble(r -> lastLayer(r).p50()).average().orElseThrow();
    }

    /** The band's 15–85th percentile width averaged over the {@link #IOFFE_WINDOW} steps ending at {@code end}. */
    static double windowWidth(RecordedRun run, long end) {
        return run.steps().subList((int) (end - IOFFE_WINDOW), (int) end).stream()
                .mapToDouble(r -> width(lastLayer(r))).average().orElseThrow();
    }

    /** Mean between-channel share of layers [from, to). */
    static double mean(LayerStats[] layers, int from, int to) {
        double sum = 0;
        for (int l = from; l < to; l++) {
            sum += layers[l].betweenShare();
        }
        return sum / (to - from);
    }

    /** The scenario's network with BN off and "Centre inputs" ticked, without Hessians. */
    static TrainingConfig centred(TrainingConfig c) {
        return new TrainingConfig(c.dataset(), c.depth(), c.width(), c.activation(), c.init(), true, c.batchSize(),
                c.steps(), c.seed(), c.evalEvery(), c.trackedUnit(), c.optimizer().withBnMode(BnMode.OFF),
                new HessianSettings(0, c.hessian().topK(), c.hessian().samples(), c.hessian().iterations()));
    }
}
