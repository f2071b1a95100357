// Checks a JSON tree against the tree of a reference value of the same type (e.g. the default settings) with
// no coercion: each field of the reference's JSON type, enum fields one of their labels, unknown fields
// refused. Ranges are left to the records' own validation.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public final class JsonShape {
    private final Map<String, List<String>> choices;
    private final boolean requireAll;

    /**
     * @param enums      the enum fields, by field name wherever they occur, and their types
     * @param requireAll a field the reference has must be present (and not null); otherwise absent or null fields
     *                   are left to the caller
     */
    public JsonShape(Map<String, Class<? extends Enum<?>>> enums, boolean requireAll) {
        this.choices = enums.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> Arrays.stream(e.getValue().getEnumConstants())
                        .map(constant -> Json.mapper().valueToTree(constant).asText()).toList()));
        this.requireAll = requireAll;
    }

    /** @throws JsonShapeException "field 'optimizer.bn_mode' must be one of off, on, frozen (found …)" and the like */
    public void check(JsonNode found, JsonNode reference) throws JsonShapeException {
        checkObject(found, reference, "");
    }

    private void checkObject(JsonNode found, JsonNode reference, String path) throws JsonShapeException {
        var names = found.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!reference.has(name)) {
                throw new JsonShapeException("unknown field '" + join(path, name) + "'");
            }
        }
        var expected = reference.fieldNames();
        while (expected.hasNext()) {
            String name = expected.next();
            JsonNode value = found.get(name);
            if (value == null && requireAll) {
                throw new JsonShapeException("missing field '" + join(path, name) + "'");
            }
            if (value != null && (requireAll || !value.isNull())) {
                checkValue(value, reference.get(name), join(path, name), name);
            }
        }
    }

    private void checkValue(JsonNode found, JsonNode reference, String path, String name) throws JsonShapeException {
        if (choices.containsKey(name)) {
            if (!found.isTextual() || !choices.get(name).contains(found.asText())) {
                throw mismatch(path, "one of " + String.join(", ", choices.get(name)), found);
            }
            return;
        }
        switch (reference.getNodeType()) {
            case OBJECT -> {
                if (!found.isObject()) {
                    throw mismatch(path, "an object", found);
                }
                checkObject(found, reference, path);
            }
            case ARRAY -> {
                if (!found.isArray()) {
                    throw mismatch(path, "a list", found);
                }
                for (int i = 0; i < found.size() && !reference.isEmpty(); i++) {
                    if (requireAll || !found.get(i).isNull()) {
                        checkValue(found.get(i), reference.get(0), path + "[" + i + "]", name);
                    }
                }
            }
            case STRING -> require(found.isTextual(), path, "a string", found);
            case BOOLEAN -> require(found.isBoolean(), path, "true or false", found);
            case NUMBER -> checkNumber(found, reference, path);
            default -> {
            }
        }
    }

    private static void checkNumber(JsonNode found, JsonNode reference, String path) throws JsonShapeException {
        if (!reference.isIntegralNumber()) {
            require(found.isNumber(), path, "a number", found);
            return;
        }
        boolean fits = reference.isInt() ? found.canConvertToInt() : found.canConvertToLong();
        String size = reference.isInt() ? Integer.toString(Integer.MAX_VALUE) : Long.toString(Long.MAX_VALUE);
        require(found.isIntegralNumber(), path, "a whole number", found);
        require(fits, path, "a whole number of at most " + size + " in size", found);
    }

    private static void require(boolean ok, String path, String expected, JsonNode found) throws JsonShapeException {
        if (!ok) {
            throw mismatch(path, expected, found);
        }
    }

    private static JsonShapeException mismatch(String path, String expected, JsonNode found) {
        return new JsonShapeException("field '" + path + "' must be " + expected + " (found " + JsonKinds.describe(found) + ")");
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
