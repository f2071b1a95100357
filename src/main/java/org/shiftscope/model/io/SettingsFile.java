// Reads a settings file (the window's "Save settings", a run's config.json "config") strictly: every field of
// TrainingConfig, each of its JSON type, then the range checks; a missing field is refused (a file repeats a run
// exactly), except "network", which older files lack: they described the MLP with BatchNorm.
package org.shiftscope.model.io;

import org.shiftscope.model.data.InputFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.shiftscope.model.config.NetworkShape;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.Normalization;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.config.TrainingConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

public final class SettingsFile {
    /** Settings files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 1 << 20;
    /** the enum fields of the settings, wherever they occur, and their types */
    public static final Map<String, Class<? extends Enum<?>>> ENUM_FIELDS = Map.of(
            "activation", ActivationFunction.class, "init", Initialization.class, "bn_mode", BnMode.class,
            "architecture", Architecture.class, "normalization", Normalization.class);
    /** the field that files written before architectures could be chosen lack */
    private static final String NETWORK = "network";
    /** the field of a run's config.json (RunRecorder) that holds the settings */
    private static final String RUN_WRAPPER = "config";
    private static final JsonShape SHAPE = new JsonShape(ENUM_FIELDS, true);

    private SettingsFile() {
    }

    /** @throws IOException one line: "settings.json: field 'depth' must be a whole number (found the number 8.7)" */
    public static TrainingConfig read(Path file) throws IOException {
        InputFiles.requireRegularFile(file);
        String name = file.getFileName().toString();
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(name + ": larger than " + MAX_FILE_BYTES + " bytes, not a settings file");
        }
        return parse(name, Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Reads settings from {@code text}; {@code name} starts every error message. */
    public static TrainingConfig parse(String name, String text) throws IOException {
        if (text.isBlank()) {
            throw new IOException(name + ": empty file");
        }
        JsonNode root;
        try {
            root = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(name + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IOException(name + ": must hold a JSON object of settings (found " + JsonKinds.describe(root) + ")");
        }
        if (root.path(RUN_WRAPPER).isObject() && !root.has("depth")) {
            root = root.get(RUN_WRAPPER);                 // a run's config.json: its settings, beside dataset_facts
        }
        if (!root.has(NETWORK)) {
            ((ObjectNode) root).set(NETWORK, Json.mapper().valueToTree(NetworkShape.mlpWithBatchNorm()));
        }
        try {
            SHAPE.check(root, Json.mapper().valueToTree(TrainingConfig.classroomDefault()));
            return Json.mapper().treeToValue(root, TrainingConfig.class);
        } catch (JsonShapeException e) {
            throw new IOException(name + ": " + e.getMessage());
        } catch (JsonMappingException e) {
            throw new IOException(name + ": " + JsonErrors.describe(e, ""));
        } catch (JsonProcessingException e) {
            throw new IOException(name + ": " + e.getOriginalMessage());
        }
    }
}
