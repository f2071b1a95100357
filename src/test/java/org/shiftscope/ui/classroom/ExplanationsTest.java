// The explanation resources: the Markdown subset parses as documented, every scenario the scenario files
// name has an entry with a source, a translation is preferred when present, and bad ids find nothing.
package org.shiftscope.ui.classroom;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplanationsTest {
    static final List<String> SCENARIOS = List.of("bn-raises-learning-rate", "freeze-bn-curvature", "deep-relu-drift",
            "ioffe-sigmoid", "sharpness-rises");

    @Test
    void theMarkdownSubsetParsesIntoTitleHeadingsParagraphsAndBullets() {
        var e = Explanation.parse("""
                # Title
                First line
                continues here.

                ## What to watch for
                - one bullet
                  wrapped
                - two
                """);
        assertEquals("Title", e.title());
        assertEquals(List.of(new Explanation.Paragraph("First line continues here."),
                new Explanation.Heading("What to watch for"), new Explanation.Bullet("one bullet wrapped"),
                new Explanation.Bullet("two")), e.blocks());
    }

    @Test
    void everyScenarioAndTheOverviewHaveAnEntryWithASource() {
        var explanations = new Explanations(Locale.ENGLISH);
        for (String id : SCENARIOS) {
            var entry = explanations.find(id).orElseThrow(() -> new AssertionError("no entry for " + id));
            assertTrue(entry.title().startsWith("Scenario: "), entry.title());
            assertTrue(entry.blocks().stream().anyMatch(b -> b.text().equals("Source")), id);
        }
        assertTrue(explanations.find(ExplanationPanel.OVERVIEW).isPresent());
    }

    @Test
    void aTranslationWinsAndEnglishIsTheFallback() {
        assertEquals("Loss (cross-entropy)", new Explanations(Locale.GERMAN).find("loss-chart").orElseThrow().title(),
                "no German files: English");
        assertTrue(new Explanations(new Locale("xx")).find("test-only").isPresent(), "explanations/xx/test-only.md");
        assertFalse(new Explanations(Locale.ENGLISH).find("test-only").isPresent());
    }

    @Test
    void idsThatAreNotPlainNamesFindNothing() {
        var explanations = new Explanations(Locale.ENGLISH);
        assertFalse(explanations.find("../shortcuts").isPresent());
        assertFalse(explanations.find(null).isPresent());
        assertFalse(explanations.find("no-such-chart").isPresent());
    }
}
