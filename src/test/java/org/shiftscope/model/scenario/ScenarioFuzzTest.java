// Seeded random damage to every bundled scenario file (wrong types and ranges, type-swapped values, nulls, missing
// and unknown fields, truncation, stray bytes, top levels that are not objects) and generated scenarios scheduling
// BN changes against batches of 1 to 3: reading either gives a scenario whose runs all pass validation at every
// scheduled step, or fails with InvalidScenarioException whose one-line message starts with the file name and shows
// no Java exception — never any other exception — and all cases together finish within a fixed time.
package org.shiftscope.model.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.JsonDamage;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.SettingsSchedule;
import org.shiftscope.model.config.TrainingConfig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ScenarioFuzzTest {
    static final int CASES = 4000;
    static final long SEED = 11L;
    static final String NAME = "fuzzed.json";
    static final Duration TIME_LIMIT = Duration.ofSeconds(90);
    static final Object[] REPLACEMENTS = {null, "", "sideways", -1, 0, 1, 3, 1e308, -1e-9, Double.NaN, true,
            List.of(), List.of("x"), 2_000_000_000L, 0.5, 8.7, "on", "frozen", "relu", "5"};
    static final String[] TOP_LEVELS = {"null", "[]", "[{}]", "42", "\"scenario\"", "false"};
    /** generated schedules: batches from 1 to this, up to this many changes, at steps below this */
    static final int MAX_SMALL_BATCH = 3;
    static final int MAX_CHANGES = 3;
    static final int MAX_CHANGE_STEP = 20;
    static final String[] BN_MODES = {"off", "on", "frozen"};

    @Test
    void damagedScenariosAreRefusedNamingTheFileOrPassValidation() {
        assertTimeoutPreemptively(TIME_LIMIT, ScenarioFuzzTest::fuzz);
    }

    private static void fuzz() throws IOException {
        var mapper = Json.mapper();
        var originals = new ArrayList<String>();
        for (String file : ScenarioReader.bundledFiles()) {
            try (var in = ScenarioReader.class.getResourceAsStream("/scenarios/" + file)) {
                originals.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        var random = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            String valid = originals.get(random.nextInt(originals.size()));
            int kind = random.nextInt(12);
            boolean alwaysInvalid = kind == 2;
            String text = switch (kind) {
                case 0 -> valid.substring(0, random.nextInt(valid.length()));
                case 1 -> {
                    var chars = valid.toCharArray();
                    chars[random.nextInt(chars.length)] = (char) random.nextInt(128);
                    yield new String(chars);
                }
                case 2 -> TOP_LEVELS[random.nextInt(TOP_LEVELS.length)];
                case 3 -> {
                    JsonNode root = mapper.readTree(valid);
                    alwaysInvalid = JsonDamage.swapType(root, random);
                    yield mapper.writeValueAsString(root);
                }
                case 4, 5, 6 -> smallBatchSchedule(random);
                default -> {
                    JsonNode root = mapper.readTree(valid);
                    JsonDamage.damage(root, random, REPLACEMENTS);
                    yield mapper.writeValueAsString(root);
                }
            };
            try {
                Scenario s = ScenarioReader.read(NAME, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                assertFalse(alwaysInvalid, "a wrong top level or a type-swapped field is refused: " + text);
                for (var config : s.runs()) {
                    assertTrue(config.depth() >= Limits.MIN_DEPTH && config.depth() <= Limits.MAX_DEPTH);
                    assertTrue(config.optimizer().learningRate() >= Limits.MIN_LEARNING_RATE);
                    assertEverySettingHolds(s, config);
                }
                assertTrue(!s.title().isBlank() && !s.explanation().isEmpty());
                s.schedule(10);
            } catch (InvalidScenarioException e) {
                String message = e.getMessage();
                assertTrue(message.startsWith(NAME + ": "), message);
                assertEquals(1, message.lines().count(), message);
                assertFalse(message.contains("Exception") || message.contains("java."), message);
                rejected++;
            } catch (RuntimeException e) {
                fail("case " + i + " threw " + e + " for " + text);
            }
        }
        assertTrue(rejected > CASES / 2, "most damaged files are rejected: " + rejected);
    }

    /** Replays the schedule as the trainer does; building each step's settings must not throw. */
    private static void assertEverySettingHolds(Scenario s, TrainingConfig run) {
        var schedule = new SettingsSchedule(s.changes(), null);
        var settings = run.optimizer();
        for (long step : s.changes().stream().mapToLong(ScheduledChange::atStep).distinct().sorted().toArray()) {
            settings = schedule.settingsFor(step, settings);
            run.withOptimizer(settings);
        }
    }

    /** A scenario with a batch of 1 to 3, BN off or frozen, and random scheduled BN and η changes. */
    private static String smallBatchSchedule(Random random) {
        var changes = new ArrayList<String>();
        for (int c = random.nextInt(MAX_CHANGES + 1); c > 0; c--) {
            String bn = random.nextInt(4) == 0 ? "" : ", \"bn_mode\": \"" + BN_MODES[random.nextInt(BN_MODES.length)] + "\"";
            String lr = bn.isEmpty() || random.nextBoolean() ? ", \"learning_rate\": 0.05" : "";
            changes.add("{\"at_step\": " + random.nextInt(MAX_CHANGE_STEP) + bn + lr + "}");
        }
        String start = random.nextBoolean() ? BnMode.OFF.label() : BnMode.FROZEN.label();
        String compare = random.nextInt(3) == 0 ? ", \"compare_with\": \"" + BN_MODES[random.nextInt(BN_MODES.length)] + "\"" : "";
        return "{\"id\": \"s\", \"title\": \"S\", \"explanation\": [\"x\"], \"config\": {\"batch_size\": "
                + (1 + random.nextInt(MAX_SMALL_BATCH)) + ", \"optimizer\": {\"bn_mode\": \"" + start + "\"}}"
                + compare + ", \"changes\": [" + String.join(", ", changes) + "]}";
    }
}
