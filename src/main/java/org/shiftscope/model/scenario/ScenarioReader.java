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
import org.shiftscope.model.io.Json;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.train.HessianSettings;
import org.shiftscope.model.train.ScheduledChange;
import org.shiftscope.model.train.StressSettings;
import org.shiftscope.model.train.TrainingConfig;

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

    /** The file's fields as written; config is merged over the base configuration afterwards. */
    private record ScenarioFile(String id, String title, List<String> explanation, String reference,
                                JsonNode config, BnMode compareWith, StressSettings stress,
                                List<ScheduledChange> changes, Boolean overlaid) {
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
            if (Files.isDirectory(file)) {
                throw new InvalidScenarioException(name + ": is a folder, not a scenario file");
            }
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
        ScenarioFile raw;
        try {
            raw = MAPPER.readValue(bytes, ScenarioFile.class);
        } catch (JsonMappingException e) {
            throw new InvalidScenarioException(name + ": " + describe(e, ""));
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(name + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (raw == null) {
            throw new InvalidScenarioException(name + ": empty file");
        }
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
        if (raw.compareWith() != null) {
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
        return new Scenario(raw.id(), raw.title(), raw.explanation(), raw.reference() == null ? "" : raw.reference(),
                config, raw.compareWith(), raw.stress(), changes, Boolean.TRUE.equals(raw.overlaid()));
    }

    private static TrainingConfig mergedConfig(String name, JsonNode overrides) throws InvalidScenarioException {
        ObjectNode merged = MAPPER.valueToTree(baseConfig());
        if (overrides != null) {
            merge(merged, overrides);
        }
        try {
            return MAPPER.treeToValue(merged, TrainingConfig.class);
        } catch (JsonMappingException e) {
            throw new InvalidScenarioException(name + ": " + describe(e, "config"));
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(name + ": field 'config': " + e.getOriginalMessage());
        }
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

    /** "field 'config.optimizer.learning_rate': learning rate must be in [1e-06, 100] (got 500)". */
    private static String describe(JsonMappingException e, String prefix) {
        var path = new StringBuilder(prefix);
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        Throwable cause = e.getCause();
        String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        reason = reason.lines().findFirst().orElse("invalid");
        return path.isEmpty() ? reason : "field '" + path + "': " + reason;
    }
}
