// Names what a JSON value is for error messages: "the string \"abc\"", "the number 8.7", "null", "a list".
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;

public final class JsonKinds {
    /** longer values are cut, so a message stays one short line */
    private static final int MAX_SHOWN_CHARS = 40;

    private JsonKinds() {
    }

    /** What {@code node} is, with its value for scalars; null or a missing node is "nothing". */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case BOOLEAN -> node.asText();
            case NUMBER -> "the number " + shown(node.toString());
            case STRING -> "the string \"" + shown(node.asText()) + "\"";
            default -> "an unsupported value";
        };
    }

    private static String shown(String text) {
        String line = text.replaceAll("\\R", " ");
        return line.length() <= MAX_SHOWN_CHARS ? line : line.substring(0, MAX_SHOWN_CHARS) + "…";
    }
}
