// Turns Jackson's failure to build a record into one line naming the field and, when a record's own validation
// refused the value, that validation's message: "field 'optimizer': learning rate must be between … (got 500)".
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonMappingException;

public final class JsonErrors {
    private JsonErrors() {
    }

    /** @param prefix the path of the tree that was mapped inside its file ("" for the whole file, e.g. "config") */
    public static String describe(JsonMappingException e, String prefix) {
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
        reason = reason == null ? "invalid" : reason.lines().findFirst().orElse("invalid");
        return path.isEmpty() ? reason : "field '" + path + "': " + reason;
    }
}
