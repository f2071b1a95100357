// The window's one-line message: the latest note, warning or error and its kind, which sets its style. The
// next message replaces it; an empty one clears it.
package org.shiftscope.ui.runs;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

public final class MessageLine {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<MessageKind> kind = new ReadOnlyObjectWrapper<>(this, "messageKind", MessageKind.INFO);

    public void show(String message, MessageKind messageKind) {
        kind.set(messageKind);
        text.set(message);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MessageKind> kindProperty() {
        return kind.getReadOnlyProperty();
    }
}
