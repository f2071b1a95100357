// A scenario file that cannot be used, with a message naming the file and the field (and the allowed range).
package org.shiftscope.model.scenario;

public final class InvalidScenarioException extends Exception {
    public InvalidScenarioException(String message) {
        super(message);
    }
}
