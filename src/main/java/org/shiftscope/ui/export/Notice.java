// A short notice in the window's corner for what a key press or a button did out of sight (where a figure was
// saved, or why it was not): the message line in the status bar is easily missed, or cut short, in front of
// a class.
package org.shiftscope.ui.export;

import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

public final class Notice {
    /** How long a notice stays up (or until it is closed). */
    static final Duration SHOWN_FOR = Duration.seconds(5);
    /** A failure stays longer: it has to be read. */
    static final Duration FAILURE_SHOWN_FOR = Duration.seconds(15);
    /** Style class of every notice, for tests and CSS. */
    public static final String STYLE_CLASS = "shiftscope-notice";

    private Notice() {
    }

    public static void done(Window owner, String title, String text) {
        notification(owner, title, text).hideAfter(SHOWN_FOR).showInformation();
    }

    public static void failed(Window owner, String title, String text) {
        notification(owner, title, text).hideAfter(FAILURE_SHOWN_FOR).showError();
    }

    private static Notifications notification(Window owner, String title, String text) {
        return Notifications.create().owner(owner).title(title).text(text).styleClass(STYLE_CLASS);
    }
}
