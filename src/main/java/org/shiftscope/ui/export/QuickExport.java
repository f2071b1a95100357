// Where the E shortcut puts the window's PNG without asking: the user's pictures folder as the system names it
// (PicturesFolder), else the working directory, under a timestamped name so exports never overwrite each other.
package org.shiftscope.ui.export;

import org.shiftscope.model.HostPlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

public final class QuickExport {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss");

    private QuickExport() {
    }

    /** This user's pictures folder on this system, else the working directory (see PicturesFolder). */
    public static Path defaultFolder() {
        return PicturesFolder.find(HostPlatform.current(), Path.of(System.getProperty("user.home")), System.getenv(),
                Path.of("").toAbsolutePath());
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
