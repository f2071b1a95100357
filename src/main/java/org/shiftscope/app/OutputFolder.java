// Checks a command's output folder before any work is done: an existing writable folder, or one that can be
// created. A bad path is a usage error (exit 2) naming the option, the path and what is wrong with it. Folders
// created here are removed again if the command ends leaving them empty (a refused run leaves nothing behind).
package org.shiftscope.app;

import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class OutputFolder {
    /** The folders {@link #prepare} created, deepest first. */
    private final List<Path> created;

    private OutputFolder(List<Path> created) {
        this.created = created;
    }

    /** Creates the folder if missing; refuses an empty path, a file, a path through a file or an unwritable folder. */
    static OutputFolder prepare(CommandSpec spec, String option, Path folder) {
        if (folder.toString().isBlank()) {
            throw UsageErrors.usage(spec, option + " must name a folder (got an empty path)");
        }
        String named = option + " " + folder + ": ";
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw UsageErrors.usage(spec, named + "exists and is not a folder");
        }
        var missing = new ArrayList<Path>();
        Path existing = folder.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            missing.add(existing);
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw UsageErrors.usage(spec, named + existing + " is a file, not a folder");
        }
        var prepared = new OutputFolder(missing);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            prepared.removeIfLeftEmpty();
            throw UsageErrors.usage(spec, named + "cannot create the folder (" + WriteFailure.reason(e) + ")");
        }
        if (!Files.isWritable(folder)) {
            prepared.removeIfLeftEmpty();
            throw UsageErrors.usage(spec, named + "the folder is not writable");
        }
        return prepared;
    }

    /** Removes the folders this created, deepest first, as long as they are empty; a folder the user had stays. */
    void removeIfLeftEmpty() {
        for (Path folder : created) {
            try {
                Files.deleteIfExists(folder);
            } catch (IOException notEmpty) {
                return;                                     // the command wrote into it (or a parent): keep it
            }
        }
    }
}
