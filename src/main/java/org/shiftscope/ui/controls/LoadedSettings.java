// A settings file read for the window, with the dataset it names (the one in use, or loaded from disk). Any
// problem is one line naming the file, so a bad file changes nothing and says why.
package org.shiftscope.ui.controls;

import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.data.Dataset;
import org.shiftscope.model.data.DatasetSource;
import org.shiftscope.model.data.InvalidDataException;
import org.shiftscope.model.io.SettingsFile;

import java.io.IOException;
import java.nio.file.Path;

record LoadedSettings(TrainingConfig config, Dataset data) {
    static LoadedSettings read(Path file, Dataset inUse) throws IOException {
        TrainingConfig loaded = SettingsFile.read(file);                 // its message names the file
        if (loaded.seed() != (int) loaded.seed()) {
            throw new IOException(file.getFileName() + ": seed " + loaded.seed()
                    + " is outside what the window's seed box holds (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")");
        }
        if (loaded.dataset().equals(inUse.name())) {
            return new LoadedSettings(loaded, inUse);
        }
        try {
            return new LoadedSettings(loaded, DatasetSource.load(loaded.dataset(), loaded.seed()));
        } catch (InvalidDataException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage());
        }
    }
}
