// Reading settings files strictly: a saved file round-trips; top levels that are not objects, values of the wrong
// JSON type, missing fields and unknown enum labels are refused with one line naming the file and the field.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.Normalization;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsFileTest {
    static final String NAME = "settings.json";
    /** a FIFO nobody writes to must be refused at once, not waited on */
    static final Duration PIPE_REFUSAL_LIMIT = Duration.ofSeconds(10);

    @Test
    void savedSettingsReadBackEqual(@TempDir Path dir) throws IOException {
        var saved = TrainingConfig.classroomDefault();
        Path file = dir.resolve(NAME);
        Json.mapper().writeValue(file.toFile(), saved);

        assertEquals(saved, SettingsFile.read(file));
    }

    @Test
    void filesWrittenBeforeArchitecturesCouldBeChosenReadAsTheBatchNormMlp() throws IOException {
        var root = (ObjectNode) Json.mapper().valueToTree(TrainingConfig.classroomDefault());
        root.remove("network");

        assertEquals(TrainingConfig.classroomDefault(), SettingsFile.parse(NAME, Json.mapper().writeValueAsString(root)));
    }

    @Test
    void aConvnetWithGroupNormReadsBackEqual() throws IOException {
        var saved = TrainingConfig.classroomDefault().withNetwork(
                new NetworkShape(Architecture.CONVNET, Normalization.GROUP, 0, 4));

        assertEquals(saved, SettingsFile.parse(NAME, Json.mapper().writeValueAsString(saved)));
    }

    /** Each row: a JSON edit of the default settings as "field=value" ("" = the whole file), then the message's words. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`=null`                       | must hold a JSON object of settings (found null)",
            "`=[]`                         | must hold a JSON object of settings (found a list)",
            "`=42`                         | (found the number 42)",
            "`=\"x\"`                      | (found the string \"x\")",
            "`depth=8.7`                   | field 'depth' must be a whole number (found the number 8.7)",
            "`depth=5000000000`            | field 'depth' must be a whole number of at most 2147483647 in size",
            "`depth=true`                  | field 'depth' must be a whole number (found true)",
            "`seed=\"1\"`                  | field 'seed' must be a whole number (found the string \"1\")",
            "`dataset=3`                   | field 'dataset' must be a string (found the number 3)",
            "`center_inputs=\"yes\"`       | field 'center_inputs' must be true or false",
            "`depth`                       | missing field 'depth'",
            "`optimizer.learning_rate`     | missing field 'optimizer.learning_rate'",
            "`optimizer.bn_mode=\"sideways\"` | field 'optimizer.bn_mode' must be one of off, on, frozen",
            "`activation=\"gelu\"`         | field 'activation' must be one of",
            "`optimizer=null`              | field 'optimizer' must be an object (found null)",
            "`depth=0`                     | depth must be between 1 and 50 (got 0)",
            "`hidden=3`                    | unknown field 'hidden'",
            "`={\"config\": {}}`            | missing field 'dataset'",
            "`network.normalization=\"batchnorm\"` | field 'network.normalization' must be one of batch, batch-post, layer, group, none",
            "`network.architecture=\"vgg\"` | field 'network.architecture' must be one of mlp, convnet, resnet",
            "`network.groups`              | missing field 'network.groups'",
            "`network.ghost_batch=1`       | ghost batch must be between 2 and 4096 (got 1)",
    })
    void badSettingsAreRefusedNamingTheFileAndTheField(String edit, String expected) throws IOException {
        var error = assertThrows(IOException.class, () -> SettingsFile.parse(NAME, edited(edit)));

        assertTrue(error.getMessage().startsWith(NAME + ": "), error.getMessage());
        assertTrue(error.getMessage().contains(expected.trim()), error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
    }

    @Test
    void foldersAndPipesAreRefusedBeforeOpening(@TempDir Path dir) throws Exception {
        var folder = assertThrows(IOException.class, () -> SettingsFile.read(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        Path pipe = NamedPipe.create(dir, NAME);

        var error = assertTimeoutPreemptively(PIPE_REFUSAL_LIMIT,
                () -> assertThrows(IOException.class, () -> SettingsFile.read(pipe)));

        assertTrue(error.getMessage().contains(NAME + ": not a regular file"), error.getMessage());
    }

    /** The default settings with one edit: "a.b=json" sets a field, "a.b" removes it, "=json" replaces the file. */
    private static String edited(String edit) throws IOException {
        var mapper = Json.mapper();
        String[] parts = edit.split("=", 2);
        if (parts[0].isEmpty()) {
            return parts[1];
        }
        var root = (ObjectNode) mapper.valueToTree(TrainingConfig.classroomDefault());
        String[] path = parts[0].split("\\.");
        var owner = root;
        for (int i = 0; i < path.length - 1; i++) {
            owner = (ObjectNode) owner.get(path[i]);
        }
        String field = path[path.length - 1];
        if (parts.length == 1) {
            owner.remove(field);
        } else {
            owner.set(field, mapper.readTree(parts[1]));
        }
        return mapper.writeValueAsString(root);
    }
}
