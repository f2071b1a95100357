// What a run is called where several run side by side (a comparison): its label on charts and in messages,
// "BN on" (or "ResNet BN on", "LayerNorm off": the network when it is not the MLP with BatchNorm), and its folder
// among the files, "bn-on"; a run on its own writes into the folder it was given.
package org.shiftscope.model.run;

import org.shiftscope.model.FileNames;
import org.shiftscope.model.config.TrainingConfig;
import org.shiftscope.model.net.Architecture;
import org.shiftscope.model.net.Normalization;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

public final class RunNames {
    private RunNames() {
    }

    /** "BN on", "Convnet BN frozen", "ResNet GroupNorm on", "MLP no normalisation". */
    public static String label(TrainingConfig config) {
        var network = config.network();
        String norm = network.normalization().modeName(config.optimizer().bnMode());
        boolean plain = network.architecture() == Architecture.MLP && network.normalization() != Normalization.NONE;
        return plain ? norm : network.architecture().title() + " " + norm;
    }

    /** "bn-on" for the label "BN on", "resnet-bn-on" for "ResNet BN on": a name every system accepts. */
    public static String folderName(String label) {
        return FileNames.portable(label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    /** The folder of run {@code index} of {@code runs}: {@code out} itself for a single run, else a subfolder. */
    public static Path folder(Path out, List<TrainingConfig> runs, int index) {
        return runs.size() == 1 ? out : out.resolve(folderName(label(runs.get(index))));
    }
}
