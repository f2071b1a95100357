// Reads scenarios from JSON (snake_case, as config.json): the bundled ones listed in /scenarios/index.txt on
// the class path, or any file a teacher wrote. "config" may give only the fields that differ from the
// classroom default; every error names the file and the field, and a bad file yields no scenario at all.
package org.shiftscope.model.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shiftscope.model.data.InputFiles;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.io.JsonErrors;
import org.shiftscope.model.io.JsonKinds;
import org.shiftscope.model.io.JsonShape;
import org.shiftscope.model.io.JsonShapeException;
import org.shiftscope.model.io.SettingsFile;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.config.HessianSettings;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.config.StressSettings;
import org.shiftscope.model.config.TrainingConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

public final class ScenarioReader {
    /** Scenario files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    private static final String BUNDLED_FOLDER = "/scenarios/";
    private static final ObjectMapper MAPPER = Json.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    /** the whole file: fields may be absent (config and stress are completed from defaults, the rest optional) */
    private static final JsonShape SHAPE = new JsonShape(ScenarioShape.ENUM_FIELDS, false);
    /** config once merged over the base: every field present and of its type */
    private static final JsonShape MERGED_CONFIG_SHAPE = new JsonShape(SettingsFile.ENUM_FIELDS, true);

    /** The file's fields as written; config is merged over the base configuration afterwards. */
    private record ScenarioFile(String id, String title, List<String> explanation, String reference,
                                JsonNode config, BnMode compareWith, StressSettings stress,
                                List<ScheduledChange> changes, Boolean overlaid, JsonNode compareNetwork) {
    }

    private ScenarioReader() {
    }

    /** The settings a scenario's "config" is merged over: the classroom default with a periodic Hessian. */
    public static TrainingConfig baseConfig() {
        return TrainingConfig.classroomDefault().withHessian(HessianSettings.classroom());
    }

    public static Scenario read(Path file) throws InvalidScenarioException {
        String name = file.getFileName().toString();
        try {
            InputFiles.requireRegularFile(file);
        } catch (IOException e) {
            throw new InvalidScenarioException(e.getMessage());
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new InvalidScenarioException(name + ": larger than " + MAX_FILE_BYTES + " bytes, not a scenario");
            }
            try (var in = Files.newInputStream(file)) {
                return read(name, in);
            }
        } catch (IOException e) {
            throw new InvalidScenarioException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Every scenario bundled with the application, in the order of /scenarios/index.txt. */
    public static List<Scenario> bundled() {
        var scenarios = new ArrayList<Scenario>();
        for (String file : bundledFiles()) {
            try (var in = ScenarioReader.class.getResourceAsStream(BUNDLED_FOLDER + file)) {
                if (in == null) {
                    throw new IllegalStateException("bundled scenario " + file + " is missing from the build");
                }
                scenarios.add(read(file, in));
            } catch (IOException | InvalidScenarioException e) {
                throw new IllegalStateException("bundled scenario " + file + " is broken: " + e.getMessage(), e);
            }
        }
        return scenarios;
    }

    /** The bundled scenario with this id, or null. */
    public static Scenario bundled(String id) {
        return bundled().stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    static List<String> bundledFiles() {
        try (var in = ScenarioReader.class.getResourceAsStream(BUNDLED_FOLDER + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the scenario index is missing from the build");
            }
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .collect(Collectors.toList());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the scenario index cannot be read", e);
        }
    }

    static Scenario read(String name, InputStream in) throws InvalidScenarioException, IOException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new InvalidScenarioException(name + ": larger than " + MAX_FILE_BYTES + " bytes, not a scenario");
        }
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new InvalidScenarioException(name + ": empty file");
        }
        ScenarioFile raw = parse(name, bytes);
        require(name, "id", raw.id());
        require(name, "title", raw.title());
        if (raw.explanation() == null || raw.explanation().isEmpty() || raw.explanation().stream().anyMatch(
                line -> line == null || line.isBlank())) {
            throw new InvalidScenarioException(name + ": field 'explanation' must be a list of one or more lines");
        }
        if (raw.config() != null && !raw.config().isObject()) {
            throw new InvalidScenarioException(name + ": field 'config' must be an object of settings");
        }
        TrainingConfig config = mergedConfig(name, raw.config());
        NetworkShape compareNetwork = comparedNetwork(name, config, raw.compareWith(), raw.compareNetwork());
        if (compareNetwork == null && raw.compareWith() != null) {
            if (raw.compareWith() == config.optimizer().bnMode()) {
                throw new InvalidScenarioException(name + ": field 'compare_with' must differ from config.optimizer.bn_mode ("
                        + raw.compareWith().label() + ")");
            }
            try {
                config.withOptimizer(config.optimizer().withBnMode(raw.compareWith()));
            } catch (IllegalArgumentException e) {
                throw new InvalidScenarioException(name + ": field 'compare_with': " + e.getMessage());
            }
        }
        var changes = raw.changes() == null ? List.<ScheduledChange>of() : raw.changes();
        if (changes.stream().anyMatch(Objects::isNull)) {
            throw new InvalidScenarioException(name + ": field 'changes' has an empty entry");
        }
        var scenario = new Scenario(raw.id(), raw.title(), raw.explanation(),
                raw.reference() == null ? "" : raw.reference(), config, raw.compareWith(), raw.stress(), changes,
                Boolean.TRUE.equals(raw.overlaid()), compareNetwork);
        ScheduleCheck.requireConsistent(name, scenario);
        return scenario;
    }

    /** The file's JSON checked against the scenario's shape, with a partial "stress" completed from its defaults. */
    private static ScenarioFile parse(String name, byte[] bytes) throws InvalidScenarioException {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(name + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InvalidScenarioException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidScenarioException(name + ": must hold a JSON object (found " + JsonKinds.describe(root) + ")");
        }
        try {
            SHAPE.check(root, ScenarioShape.reference(baseConfig()));
        } catch (JsonShapeException e) {
            throw new InvalidScenarioException(name + ": " + e.getMessage());
        }
        var changes = root.path("changes");
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).isObject() && !changes.get(i).hasNonNull("at_step")) {
                throw new InvalidScenarioException(name + ": missing field 'changes[" + i + "].at_step'");
            }
        }
        if (root.get("stress") instanceof ObjectNode stress) {
            ObjectNode completed = MAPPER.valueToTree(StressSettings.defaults());
            merge(completed, stress);
            ((ObjectNode) root).set("stress", completed);
        }
        try {
            return MAPPER.treeToValue(root, ScenarioFile.class);
        } catch (JsonMappingException e) {
            throw new InvalidScenarioException(name + ": " + JsonErrors.describe(e, ""));
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(name + ": " + e.getOriginalMessage());
        }
    }

    private static TrainingConfig mergedConfig(String name, JsonNode overrides) throws InvalidScenarioException {
        ObjectNode merged = MAPPER.valueToTree(baseConfig());
        if (overrides != null) {
            merge(merged, overrides);
        }
        try {
            MERGED_CONFIG_SHAPE.check(merged, MAPPER.valueToTree(baseConfig()));
            return MAPPER.treeToValue(merged, TrainingConfig.class);
        } catch (JsonShapeException e) {
            throw new InvalidScenarioException(name + ": " + e.getMessage().replaceFirst("field '", "field 'config."));
        } catch (JsonMappingException e) {
            throw new InvalidScenarioException(name + ": " + JsonErrors.describe(e, "config"));
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(name + ": field 'config': " + e.getOriginalMessage());
        }
    }

    /** The second run's network: {@code overrides} merged over the first's; null without overrides. Its BN mode is {@code mode} or the first's. */
    private static NetworkShape comparedNetwork(String name, TrainingConfig config, BnMode mode, JsonNode overrides)
            throws InvalidScenarioException {
        if (overrides == null || overrides.isNull()) {
            return null;
        }
        ObjectNode merged = MAPPER.valueToTree(config.network());
        merge(merged, overrides);
        NetworkShape network;
        try {
            network = MAPPER.treeToValue(merged, NetworkShape.class);
        } catch (JsonMappingException e) {
            throw new InvalidScenarioException(name + ": " + JsonErrors.describe(e, "compare_network"));
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(name + ": field 'compare_network': " + e.getOriginalMessage());
        }
        if (network.equals(config.network())) {
            throw new InvalidScenarioException(name + ": field 'compare_network' must differ from config.network");
        }
        try {
            Scenario.second(config, mode, network);
        } catch (IllegalArgumentException e) {
            throw new InvalidScenarioException(name + ": field 'compare_network': " + e.getMessage());
        }
        return network;
    }

    /** Copies every field of {@code overrides} into {@code target}, descending into objects present in both. */
    private static void merge(ObjectNode target, JsonNode overrides) {
        overrides.fields().forEachRemaining(entry -> {
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
            } else {
                target.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static void require(String name, String field, String value) throws InvalidScenarioException {
        if (value == null || value.isBlank()) {
            throw new InvalidScenarioException(name + ": missing field '" + field + "'");
        }
    }
}
