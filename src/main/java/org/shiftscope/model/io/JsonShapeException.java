// A JSON value of the wrong type, a missing or an unknown field: one line naming the field, what was found and what
// is expected; the reader that caught it prefixes the file's name.
package org.shiftscope.model.io;

public final class JsonShapeException extends Exception {
    public JsonShapeException(String message) {
        super(message);
    }
}
