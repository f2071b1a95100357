// Every bundled scenario loads and makes sense; partial configs merge over the classroom default; malformed
// scenario files are refused with a message naming the file and the field.
package org.shiftscope.model.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.io.NamedPipe;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.net.Architecture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioReaderTest {
    static final String VALID_HEAD = "\"id\": \"x\", \"title\": \"T\", \"explanation\": [\"watch\"]";
    static final double PARTIAL_STRESS_FACTOR = 2;
    /** a FIFO nobody writes to must be refused at once, not waited on */
    static final Duration PIPE_REFUSAL_LIMIT = Duration.ofSeconds(10);

    @Test
    void everyBundledScenarioLoadsWithItsExplanationAndReference() {
        var files = ScenarioReader.bundledFiles();
        var scenarios = ScenarioReader.bundled();
        assertEquals(files.size(), scenarios.size());
        for (int i = 0; i < scenarios.size(); i++) {
            var s = scenarios.get(i);
            assertEquals(files.get(i), s.id() + ".json", "a bundled scenario's id is its file name");
            assertTrue(s.explanation().size() >= 1 && s.explanation().size() <= 2, s.id());
            assertFalse(s.reference().isBlank(), s.id());
            assertEquals(s.comparison() ? 2 : 1, s.runs().size());
            if (s.comparison()) {
                assertNotEquals(s.runs().get(0), s.runs().get(1), s.id() + "'s runs differ");
            }
        }
        var freeze = ScenarioReader.bundled("freeze-bn-curvature");
        assertEquals(BnMode.FROZEN, freeze.changes().get(0).bnMode(), "the freeze scenario freezes BN");
        assertTrue(ScenarioReader.bundled("bn-raises-learning-rate").stress() != null);
        var ioffe = ScenarioReader.bundled("ioffe-sigmoid");
        assertEquals(ActivationFunction.SIGMOID, ioffe.config().activation());
        assertEquals(3, ioffe.config().depth());
        assertEquals(100, ioffe.config().width());
        assertTrue(ScenarioReader.bundled("deep-relu-drift").config().depth() >= 20);
        assertNull(ScenarioReader.bundled("no-such-scenario"));
    }

    @Test
    void aPartialConfigKeepsTheClassroomDefaultForEverythingElse(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{" + VALID_HEAD + ", \"config\": {\"depth\": 3, \"optimizer\": {\"learning_rate\": 0.3}}}");
        Scenario s = ScenarioReader.read(file);
        TrainingConfig base = ScenarioReader.baseConfig();
        assertEquals(3, s.config().depth());
        assertEquals(0.3, s.config().optimizer().learningRate());
        assertEquals(base.width(), s.config().width());
        assertEquals(base.optimizer().bnMode(), s.config().optimizer().bnMode());
        assertEquals(base.hessian(), s.config().hessian());
        assertFalse(s.comparison());
        assertTrue(s.schedule(10).isEmpty());
    }

    @Test
    void aSecondNetworkIsMergedOverTheFirstsAndKeepsItsModeUnlessGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "{" + VALID_HEAD + ", \"config\": {\"network\": {\"architecture\": \"convnet\"}, "
                + "\"depth\": 2, \"width\": 8}, \"compare_network\": {\"architecture\": \"resnet\"}}");
        Scenario s = ScenarioReader.read(file);

        assertTrue(s.comparison());
        var second = s.runs().get(1);
        assertEquals(Architecture.RESNET, second.network().architecture());
        assertEquals(s.config().network().normalization(), second.network().normalization());
        assertEquals(s.config().optimizer(), second.optimizer());
        assertEquals(s.config().depth(), second.depth());
    }

    /** Each row: file content (after the valid head where marked), then words the message must contain. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`{`                                                                   | not valid JSON",
            "``                                                                    | empty",
            "`[1, 2]`                                                              | must hold a JSON object (found a list)",
            "`null`                                                                | must hold a JSON object (found null)",
            "`42`                                                                  | must hold a JSON object (found the number 42)",
            "`\"text\"`                                                            | must hold a JSON object (found the string",
            "`{\"title\": \"T\", \"explanation\": [\"w\"]}`                        | 'id'",
            "`{\"id\": \"x\", \"explanation\": [\"w\"]}`                           | 'title'",
            "`{\"id\": \"x\", \"title\": \"T\", \"explanation\": []}`              | 'explanation'",
            "`{HEAD, \"titel\": \"typo\"}`                                         | titel",
            "`{HEAD, \"config\": {\"depth\": \"deep\"}}`                           | config.depth",
            "`{HEAD, \"config\": {\"depth\": 0}}`                                  | 'config': depth must be",
            "`{HEAD, \"config\": {\"optimizer\": {\"learning_rate\": 500}}}`       | learning rate must be",
            "`{HEAD, \"config\": {\"optimizer\": {\"bn_mode\": \"sideways\"}}}`    | config.optimizer.bn_mode",
            "`{HEAD, \"config\": {\"depth\": 8.7}}`                                | field 'config.depth' must be a whole number (found the number 8.7)",
            "`{HEAD, \"config\": {\"seed\": \"1\"}}`                               | field 'config.seed' must be a whole number (found the string",
            "`{HEAD, \"config\": {\"depth\": null}}`                               | field 'config.depth' must be a whole number (found null)",
            "`{HEAD, \"config\": {\"center_inputs\": \"yes\"}}`                    | field 'config.center_inputs' must be true or false",
            "`{HEAD, \"config\": {\"activation\": \"gelu\"}}`                      | must be one of",
            "`{HEAD, \"changes\": [{\"at_step\": \"5\", \"bn_mode\": \"off\"}]}`   | field 'changes[0].at_step' must be a whole number",
            "`{HEAD, \"changes\": [{\"bn_mode\": \"off\"}]}`                       | missing field 'changes[0].at_step'",
            "`{HEAD, \"config\": {\"batch_size\": 1, \"optimizer\": {\"bn_mode\": \"off\"}}, \"changes\": [{\"at_step\": 2, \"bn_mode\": \"on\"}]}` | at step 2",
            "`{HEAD, \"config\": {\"batch_size\": 1, \"optimizer\": {\"bn_mode\": \"off\"}}, \"compare_with\": \"frozen\", \"changes\": [{\"at_step\": 4, \"learning_rate\": 0.5}, {\"at_step\": 9, \"bn_mode\": \"on\"}]}` | at step 9",
            "`{HEAD, \"config\": {\"hidden\": 3}}`                                 | config.hidden",
            "`{HEAD, \"config\": 7}`                                               | 'config'",
            "`{HEAD, \"compare_with\": \"on\"}`                                    | 'compare_with' must differ",
            "`{HEAD, \"stress\": {\"factor\": 0.5, \"every\": 10, \"limit\": 1}}`  | stress factor must be",
            "`{HEAD, \"stress\": {\"factor\": \"big\", \"every\": 10, \"limit\": 1}}` | stress.factor",
            "`{HEAD, \"changes\": [{\"at_step\": 5}]}`                             | changes[0]",
            "`{HEAD, \"stress\": {\"factor\": 20}}`                                   | stress factor must be",
            "`{HEAD, \"changes\": [null]}`                                         | 'changes'",
            "`{HEAD, \"changes\": [{\"at_step\": -1, \"bn_mode\": \"off\"}]}`      | at step must be",
            "`{HEAD, \"compare_network\": {\"normalization\": \"batch\"}}`     | 'compare_network' must differ from config.network",
            "`{HEAD, \"compare_network\": {\"normalization\": \"fancy\"}}`     | compare_network.normalization",
            "`{HEAD, \"compare_network\": {\"normalization\": \"layer\"}, \"compare_with\": \"frozen\"}` | field 'compare_network': LayerNorm has no frozen mode",
            "`{HEAD, \"compare_network\": {\"depth\": 3}}`                       | compare_network.depth",
    })
    void aMalformedScenarioIsRefusedNamingTheFileAndTheField(String content, String expected, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, content.replace("HEAD", VALID_HEAD));
        var e = assertThrows(InvalidScenarioException.class, () -> ScenarioReader.read(file));
        assertTrue(e.getMessage().startsWith("broken.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected.trim()), e.getMessage());
    }

    @Test
    void aFolderOrAMissingFileIsRefused(@TempDir Path dir) {
        assertTrue(assertThrows(InvalidScenarioException.class, () -> ScenarioReader.read(dir)).getMessage()
                .contains("is a folder"));
        assertTrue(assertThrows(InvalidScenarioException.class, () -> ScenarioReader.read(dir.resolve("none.json")))
                .getMessage().contains("not found"));
    }

    @Test
    void aNamedPipeIsRefusedWithoutWaitingForData(@TempDir Path dir) throws Exception {
        Path pipe = NamedPipe.create(dir, "pipe.json");

        var error = assertTimeoutPreemptively(PIPE_REFUSAL_LIMIT,
                () -> assertThrows(InvalidScenarioException.class, () -> ScenarioReader.read(pipe)));

        assertTrue(error.getMessage().contains("pipe.json: not a regular file"), error.getMessage());
    }

    @Test
    void aPartialStressTakesItsDefaultsAndAScheduleOffBatchStatisticsIsAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("partial.json");
        Files.writeString(file, "{" + VALID_HEAD + ", \"config\": {\"batch_size\": 1, \"optimizer\": {\"bn_mode\":"
                + " \"off\"}}, \"stress\": {\"factor\": 2}, \"changes\": [{\"at_step\": 3, \"bn_mode\": \"frozen\"}]}");

        var scenario = ScenarioReader.read(file);

        assertEquals(PARTIAL_STRESS_FACTOR, scenario.stress().factor());
        assertEquals(StressSettings.defaults().every(), scenario.stress().every());
        assertEquals(StressSettings.defaults().limit(), scenario.stress().limit());
    }
}
