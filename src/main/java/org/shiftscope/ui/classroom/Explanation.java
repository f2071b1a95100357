// One "What am I looking at?" entry, parsed from a small Markdown subset so a teacher can correct or
// translate the text without touching code: "# title", "## heading", "- bullet", blank line = new paragraph.
package org.shiftscope.ui.classroom;

import java.util.ArrayList;
import java.util.List;

/** @param title the entry's title @param blocks its body, in order */
public record Explanation(String title, List<Block> blocks) {

    /** A piece of the body. */
    public sealed interface Block permits Heading, Paragraph, Bullet {
        String text();
    }

    public record Heading(String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Bullet(String text) implements Block {
    }

    public static Explanation parse(String markdown) {
        String title = "";
        var blocks = new ArrayList<Block>();
        var paragraph = new StringBuilder();
        Bullet bullet = null;
        for (String raw : markdown.lines().toList()) {
            String line = raw.strip();
            boolean continuation = !line.isEmpty() && !line.startsWith("#") && !line.startsWith("- ");
            if (continuation && bullet != null) {
                bullet = new Bullet(bullet.text() + " " + line);
                blocks.set(blocks.size() - 1, bullet);
                continue;
            }
            if (continuation) {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
                continue;
            }
            flush(paragraph, blocks);
            bullet = null;
            if (line.startsWith("## ")) {
                blocks.add(new Heading(line.substring(3).strip()));
            } else if (line.startsWith("# ")) {
                title = line.substring(2).strip();
            } else if (line.startsWith("- ")) {
                bullet = new Bullet(line.substring(2).strip());
                blocks.add(bullet);
            }
        }
        flush(paragraph, blocks);
        return new Explanation(title, List.copyOf(blocks));
    }

    private static void flush(StringBuilder paragraph, List<Block> blocks) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Paragraph(paragraph.toString()));
            paragraph.setLength(0);
        }
    }

    /** All the text, for searching and for tests. */
    public String plainText() {
        var text = new StringBuilder(title);
        blocks.forEach(b -> text.append('\n').append(b.text()));
        return text.toString();
    }
}
