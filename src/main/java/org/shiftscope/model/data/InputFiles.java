// The check every file loader outside the IDX reader makes before opening a file: it exists, is a regular file
// (a named pipe would block the reader forever, a device would never end) and is readable.
package org.shiftscope.model.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public final class InputFiles {
    private InputFiles() {
    }

    /** @throws IOException "{@code file}: is a folder, not a file" and the like, one line naming the file */
    public static void requireRegularFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException(file + ": not found");
        }
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a regular file (a pipe, device or socket cannot be read)");
        }
        if (!Files.isReadable(file)) {
            throw new IOException(file + ": cannot be read (permission denied)");
        }
    }
}
