// Seeded random damage to a valid settings file (values of the wrong type or range, type-swapped values such as
// a number written as a string or an integer with a fraction, nulls, missing and unknown fields, truncation, top
// levels that are null, a list, a number or a string; the last and most type swaps always refused): SettingsFile
// either gives a configuration that passed every range check, or refuses it with an IOException whose one-line
// message starts with the file name and shows no Java exception — never any other exception — within a time limit.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.config.TrainingConfig;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SettingsJsonFuzzTest {
    static final int CASES = 4000;
    static final long SEED = 7L;
    static final String NAME = "fuzzed.json";
    static final Duration TIME_LIMIT = Duration.ofSeconds(60);
    static final Object[] REPLACEMENTS = {null, "", "sideways", -1, 0, 1, 3, 1e308, -1e-9, Double.NaN, true,
            List.of(), 2_000_000_000L, 5_000_000_000L, 0.5, 8.7, "on", "relu", "1", "true"};
    static final String[] TOP_LEVELS = {"null", "[]", "[1, 2]", "42", "-0.5", "\"settings\"", "true", "{}"};

    @Test
    void damagedSettingsAreRefusedWithOneClearLineOrPassValidation() {
        assertTimeoutPreemptively(TIME_LIMIT, SettingsJsonFuzzTest::fuzz);
    }

    private static void fuzz() throws IOException {
        var mapper = Json.mapper();
        String valid = mapper.writeValueAsString(TrainingConfig.classroomDefault());
        var random = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            int kind = random.nextInt(10);
            boolean alwaysInvalid = kind == 1;
            String text = switch (kind) {
                case 0 -> valid.substring(0, random.nextInt(valid.length()));
                case 1 -> TOP_LEVELS[random.nextInt(TOP_LEVELS.length)];
                case 2, 3 -> {
                    JsonNode root = mapper.readTree(valid);
                    alwaysInvalid = JsonDamage.swapType(root, random);
                    yield mapper.writeValueAsString(root);
                }
                default -> {
                    JsonNode root = mapper.readTree(valid);
                    JsonDamage.damage(root, random, REPLACEMENTS);
                    yield mapper.writeValueAsString(root);
                }
            };
            try {
                TrainingConfig config = SettingsFile.parse(NAME, text);
                assertFalse(alwaysInvalid, "a wrong top level or a type-swapped field is refused: " + text);
                assertTrue(config.depth() >= Limits.MIN_DEPTH && config.depth() <= Limits.MAX_DEPTH);
                assertTrue(config.width() >= Limits.MIN_WIDTH && config.width() <= Limits.MAX_WIDTH);
                assertTrue(config.optimizer().learningRate() > 0 && config.optimizer().bnMode() != null);
            } catch (IOException e) {
                rejected++;
                String message = e.getMessage();
                assertTrue(message.startsWith(NAME + ": "), message);
                assertEquals(1, message.lines().count(), message);
                assertFalse(message.contains("Exception") || message.contains("java."), message);
            } catch (RuntimeException e) {
                fail("case " + i + " threw " + e + " for " + text);
            }
        }
        assertTrue(rejected > CASES / 2, "most damaged files are rejected: " + rejected);
    }
}
