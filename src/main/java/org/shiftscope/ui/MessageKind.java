// What a status-bar message is, so that it looks like what it says: a success (a finished stress test, a
// saved file) is not shown in an error's red. Each kind has its style class and a sign that does not rely on
// colour alone.
package org.shiftscope.ui;

public enum MessageKind {
    INFO("message-info", ""),
    SUCCESS("message-success", "✓ "),
    WARNING("message-warning", "⚠ "),
    ERROR("message-error", "✗ ");

    private final String styleClass;
    private final String sign;

    MessageKind(String styleClass, String sign) {
        this.styleClass = styleClass;
        this.sign = sign;
    }

    public String styleClass() {
        return styleClass;
    }

    /** Put before the message's text ("✓ ", "⚠ ", "✗ "; nothing for plain information). */
    public String sign() {
        return sign;
    }

    /** The more serious of the two (several runs' messages shown together take the worst kind). */
    public MessageKind worse(MessageKind other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
