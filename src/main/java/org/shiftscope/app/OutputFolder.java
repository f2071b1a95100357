// Checks a command's output folder before any work is done: an existing writable folder, or one that can be
// created. A bad path is a usage error (exit 2) naming the option, the path and what is wrong with it.
package org.shiftscope.app;

import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class OutputFolder {
    private OutputFolder() {
    }

    /** Creates the folder if missing; refuses an empty path, a file, a path through a file or an unwritable folder. */
    static void prepare(CommandSpec spec, String option, Path folder) {
        if (folder.toString().isBlank()) {
            throw UsageErrors.usage(spec, option + " must name a folder (got an empty path)");
        }
        String named = option + " " + folder + ": ";
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw UsageErrors.usage(spec, named + "exists and is not a folder");
        }
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw UsageErrors.usage(spec, named + existing + " is a file, not a folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw UsageErrors.usage(spec, named + "cannot create the folder (" + WriteFailure.reason(e) + ")");
        }
        if (!Files.isWritable(folder)) {
            throw UsageErrors.usage(spec, named + "the folder is not writable");
        }
    }
}
