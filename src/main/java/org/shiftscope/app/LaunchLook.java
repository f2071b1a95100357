// The window's look as asked on the command line: Main passes --present=SCALE and --theme=NAME through to
// ShiftScopeApp as raw parameters, and this turns them into an Appearance (normal size, light theme if absent).
package org.shiftscope.app;

import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;

import java.util.List;

final class LaunchLook {
    static final String PRESENT_PREFIX = "--present=";
    static final String THEME_PREFIX = "--theme=";

    private LaunchLook() {
    }

    static Appearance from(List<String> rawParameters) {
        double scale = Appearance.MIN_SCALE;
        Theme theme = Theme.LIGHT;
        for (String parameter : rawParameters) {
            if (parameter.startsWith(PRESENT_PREFIX)) {
                scale = Appearance.parseScale(parameter.substring(PRESENT_PREFIX.length()));
            } else if (parameter.startsWith(THEME_PREFIX)) {
                theme = Theme.parse(parameter.substring(THEME_PREFIX.length()));
            }
        }
        return new Appearance(theme, scale);
    }
}
