// Where the E shortcut puts the window's PNG without asking: ~/Pictures when it exists, else the working
// directory, under a timestamped name so repeated exports never overwrite each other.
package org.shiftscope.ui.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

public final class QuickExport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private QuickExport() {
    }

    /** ~/Pictures if it is a folder, else the working directory. */
    public static Path defaultFolder() {
        Path pictures = Path.of(System.getProperty("user.home"), "Pictures");
        return Files.isDirectory(pictures) ? pictures : Path.of("").toAbsolutePath();
    }

    /**
     * shiftscope-2025-03-01-142501.png in {@code folder}, with -2, -3 … added if that name is taken.
     * @throws IOException if the folder does not exist (said plainly, before any writing is tried)
     */
    public static Path fileIn(Path folder, LocalDateTime now) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("no folder " + folder);
        }
        String stem = "shiftscope-" + STAMP.format(now);
        Path file = folder.resolve(stem + ".png");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(stem + "-" + n + ".png");
        }
        return file;
    }
}
