// One line for a failed write (full disk, lost permission, vanished folder): names the folder and the file
// and says what went wrong in words, without Java exception class names. Such a failure exits with code 1.
package org.shiftscope.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

final class WriteFailure {
    static final int EXIT_WRITE_FAILED = 1;
    /** How Linux and macOS, then Windows, say the disk is full (ENOSPC, ERROR_DISK_FULL). */
    private static final List<String> DISK_FULL = List.of("no space left on device", "not enough space on the disk");

    private WriteFailure() {
    }

    /** "error: could not write to DIR (file F): the disk is full (No space left on device)". */
    static String describe(Path folder, Exception failure) {
        IOException e = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) failure;
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? " (file " + fs.getFile() + ")" : "";
        return "error: could not write to " + folder.toAbsolutePath() + file + ": " + reason(e);
    }

    /** What went wrong, in words. */
    static String reason(IOException e) {
        String text = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (text != null && DISK_FULL.stream().anyMatch(text.toLowerCase(Locale.ROOT)::contains)) {
            return "the disk is full (" + text + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something that is not a folder is in the way";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        return text != null ? text : "write failed";
    }
}
