// Writes a file through a temporary sibling renamed into place (ATOMIC_MOVE), so a reader never sees half a
// file and a failed write leaves the old one intact. Every file ShiftScope writes whole goes through here.
package org.shiftscope.model.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

public final class AtomicFile {
    /** Writes the whole file at the path it is given. */
    public interface Writer {
        void write(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path file, Writer writer) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writer.write(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
