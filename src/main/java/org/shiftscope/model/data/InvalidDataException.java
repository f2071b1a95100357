// The one error every data loader throws: a message a user can act on, naming the file and the problem.
package org.shiftscope.model.data;

public final class InvalidDataException extends Exception {
    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
