// Loads an MNIST-format dataset from a folder holding the four standard IDX files (format: LeCun's MNIST page,
// http://yann.lecun.com/exdb/mnist/), each plain or with a .gz suffix; the plain file wins when both exist.
package org.shiftscope.model.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

public final class MnistFolder {
    private MnistFolder() {
    }

    /** Loads the folder as a Dataset named by the folder's path, with {@link MnistDataset#CLASSES} classes. */
    public static Dataset load(Path folder) throws InvalidDataException {
        if (!Files.exists(folder)) {
            throw new InvalidDataException("The data folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new InvalidDataException(folder + " is not a folder; expected a folder holding "
                    + MnistFile.allFileNames() + " (each optionally ending in " + MnistFile.GZIP_SUFFIX + ")");
        }
        var files = locateAll(folder);
        return MnistDataset.assemble(folder.toString(),
                IdxReader.readImages(files.get(MnistFile.TRAIN_IMAGES)),
                IdxReader.readLabels(files.get(MnistFile.TRAIN_LABELS), MnistDataset.CLASSES),
                IdxReader.readImages(files.get(MnistFile.TEST_IMAGES)),
                IdxReader.readLabels(files.get(MnistFile.TEST_LABELS), MnistDataset.CLASSES));
    }

    private static Map<MnistFile, Path> locateAll(Path folder) throws InvalidDataException {
        var found = new EnumMap<MnistFile, Path>(MnistFile.class);
        var missing = new ArrayList<String>();
        for (var file : MnistFile.values()) {
            locate(folder, file).ifPresentOrElse(path -> found.put(file, path), () -> missing.add(file.fileName()));
        }
        if (!missing.isEmpty()) {
            throw new InvalidDataException(String.format(
                    "The folder %s lacks %s; an MNIST-format folder holds %s (each optionally ending in %s)",
                    folder, String.join(", ", missing), MnistFile.allFileNames(), MnistFile.GZIP_SUFFIX));
        }
        return found;
    }

    /** The plain file if it exists, else its gzipped twin. */
    private static Optional<Path> locate(Path folder, MnistFile file) {
        var plain = folder.resolve(file.fileName());
        if (Files.exists(plain)) {
            return Optional.of(plain);
        }
        var gzipped = folder.resolve(file.gzipName());
        return Files.exists(gzipped) ? Optional.of(gzipped) : Optional.empty();
    }
}
