// Seeded random damage to every bundled scenario file (wrong types and ranges, nulls, missing and unknown
// fields, truncation, stray bytes): reading it either gives a scenario whose runs all passed validation, or
// fails with InvalidScenarioException whose message starts with the file name — never any other exception.
package org.shiftscope.model.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.JsonDamage;
import org.shiftscope.model.train.Limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class ScenarioFuzzTest {
    static final int CASES = 3000;
    static final long SEED = 11L;
    static final String NAME = "fuzzed.json";
    static final Object[] REPLACEMENTS = {null, "", "sideways", -1, 0, 1, 3, 1e308, -1e-9, Double.NaN, true,
            List.of(), List.of("x"), 2_000_000_000L, 0.5, "on", "frozen", "relu"};

    @Test
    void damagedScenariosAreRefusedNamingTheFileOrPassValidation() throws IOException {
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
            String text = switch (random.nextInt(12)) {
                case 0 -> valid.substring(0, random.nextInt(valid.length()));
                case 1 -> {
                    var chars = valid.toCharArray();
                    chars[random.nextInt(chars.length)] = (char) random.nextInt(128);
                    yield new String(chars);
                }
                default -> {
                    JsonNode root = mapper.readTree(valid);
                    JsonDamage.damage(root, random, REPLACEMENTS);
                    yield mapper.writeValueAsString(root);
                }
            };
            try {
                Scenario s = ScenarioReader.read(NAME, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                for (var config : s.runs()) {
                    assertTrue(config.depth() >= Limits.MIN_DEPTH && config.depth() <= Limits.MAX_DEPTH);
                    assertTrue(config.optimizer().learningRate() >= Limits.MIN_LEARNING_RATE);
                }
                assertTrue(!s.title().isBlank() && !s.explanation().isEmpty());
                s.schedule(10);
            } catch (InvalidScenarioException e) {
                assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
                rejected++;
            } catch (RuntimeException e) {
                fail("case " + i + " threw " + e + " for " + text);
            }
        }
        assertTrue(rejected > CASES / 2, "most damaged files are rejected: " + rejected);
    }
}
