// What a run is called where several run side by side (a comparison): its label on charts and in messages,
// "BN on", and its folder among the files, "bn-on"; a run on its own writes into the folder it was given.
package org.shiftscope.model.run;

import org.shiftscope.model.config.TrainingConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

public final class RunNames {
    private RunNames() {
    }

    /** "BN on": runs of one scenario differ only in their BN mode. */
    public static String label(TrainingConfig config) {
        return "BN " + config.optimizer().bnMode().label();
    }

    /** "bn-on" for the label "BN on". */
    public static String folderName(String label) {
        return label.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** The folder of run {@code index} of {@code runs}: {@code out} itself for a single run, else a subfolder. */
    public static Path folder(Path out, List<TrainingConfig> runs, int index) {
        return runs.size() == 1 ? out : out.resolve(folderName(label(runs.get(index))));
    }
}
