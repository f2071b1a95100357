// The two colour themes of the window, both high-contrast. Each names the stylesheet that overrides the
// base look (shiftscope.css); the light theme needs none.
package org.shiftscope.ui.look;

import java.util.Locale;

public enum Theme {
    LIGHT(null),
    DARK("dark.css");

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** The stylesheet's URL, or null when the base look is the theme. */
    String stylesheetUrl() {
        return stylesheet == null ? null : Theme.class.getResource(stylesheet).toExternalForm();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "light" or "dark" (any case); anything else is refused with the allowed values. */
    public static Theme parse(String text) {
        for (Theme theme : values()) {
            if (theme.label().equalsIgnoreCase(text.trim())) {
                return theme;
            }
        }
        throw new IllegalArgumentException("theme must be light or dark (got '" + text + "')");
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
