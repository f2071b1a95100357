// Seeded random damage to a valid settings file (values of the wrong type or range, nulls, missing and
// unknown fields, truncation): reading it either gives a configuration that passed every range check, or
// fails with an IOException (Jackson's, carrying our validation message) — never any other exception.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.shiftscope.model.train.Limits;
import org.shiftscope.model.train.TrainingConfig;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SettingsJsonFuzzTest {
    static final int CASES = 3000;
    static final long SEED = 7L;
    static final Object[] REPLACEMENTS = {null, "", "sideways", -1, 0, 1, 3, 1e308, -1e-9, Double.NaN, true,
            List.of(), 2_000_000_000L, 0.5, "on", "relu"};

    @Test
    void damagedSettingsFailWithAnIoExceptionOrPassValidation() throws IOException {
        var mapper = Json.mapper();
        String valid = mapper.writeValueAsString(TrainingConfig.classroomDefault());
        var random = new Random(SEED);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            String text;
            if (random.nextInt(10) == 0) {
                text = valid.substring(0, random.nextInt(valid.length()));
            } else {
                JsonNode root = mapper.readTree(valid);
                JsonDamage.damage(root, random, REPLACEMENTS);
                text = mapper.writeValueAsString(root);
            }
            try {
                TrainingConfig config = mapper.readValue(text, TrainingConfig.class);
                assertTrue(config.depth() >= Limits.MIN_DEPTH && config.depth() <= Limits.MAX_DEPTH);
                assertTrue(config.width() >= Limits.MIN_WIDTH && config.width() <= Limits.MAX_WIDTH);
                assertTrue(config.optimizer().learningRate() > 0 && config.optimizer().bnMode() != null);
            } catch (IOException e) {
                rejected++;
            } catch (RuntimeException e) {
                fail("case " + i + " threw " + e + " for " + text);
            }
        }
        assertTrue(rejected > CASES / 2, "most damaged files are rejected: " + rejected);
    }
}
