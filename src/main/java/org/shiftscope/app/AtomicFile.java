// Writes a file through a temporary sibling renamed into place (ATOMIC_MOVE), as the run recorder and the
// model export do, so a reader never sees half a file and a failed write leaves the old one intact.
package org.shiftscope.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

final class AtomicFile {
    /** Writes the whole file at the path it is given. */
    interface Writer {
        void write(Path file) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path file, Writer writer) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            writer.write(temporary);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
