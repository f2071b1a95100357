// The installed family behind a JavaFX logical font ("System", "SansSerif" …): the one whose glyphs JavaFX
// lays out exactly as wide and as tall, so an SVG names, and a PDF embeds, the font that was drawn.
package org.shiftscope.ui.export.vector;

import javafx.scene.text.Font;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

final class FontFamilies {
    private static final List<String> LOGICAL = List.of("System", "SansSerif", "Serif", "Monospaced", "Dialog",
            "DialogInput");
    /** A probe wide enough that two different fonts never measure alike. */
    private static final String PROBE = "The quick brown fox jumps over 0123456789 (λ₁ · η) ≈ −2.5%";
    private static final double PROBE_SIZE = 100;
    private static final Map<String, String> PHYSICAL = new ConcurrentHashMap<>();

    private FontFamilies() {
    }

    /** {@code family} itself unless it is logical; then the installed family drawn for it (or it, if none matches). */
    static String physical(String family) {
        if (!LOGICAL.contains(family)) {
            return family;
        }
        return PHYSICAL.computeIfAbsent(family, FontFamilies::match);
    }

    private static String match(String logical) {
        var wanted = TextMetrics.of(PROBE, Font.font(logical, PROBE_SIZE));
        for (String candidate : Font.getFamilies()) {
            if (!LOGICAL.contains(candidate) && wanted.equals(TextMetrics.of(PROBE, Font.font(candidate, PROBE_SIZE)))) {
                return candidate;
            }
        }
        return logical;
    }
}
