// What a status-bar message is, so that it looks like what it says: a success (a finished stress test, a
// saved file) is not shown in an error's red. Each kind has its style class and a sign that does not rely on
// colour alone.
package org.shiftscope.ui.runs;

import org.shiftscope.model.train.TrainerState;

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

    /**
     * What a run's own message means in its state: a divergence is a warning (the charts keep it; a stress test
     * ends that way), a failure an error, a stress test that ran to its end a success.
     */
    public static MessageKind ofRun(TrainerState state, boolean stressTest) {
        return switch (state) {
            case DIVERGED -> WARNING;
            case FAILED -> ERROR;
            default -> stressTest ? SUCCESS : INFO;
        };
    }

    /** The more serious of the two (several runs' messages shown together take the worst kind). */
    public MessageKind worse(MessageKind other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
