// Loads an MNIST-format dataset from a folder holding the four standard IDX files (format: LeCun's MNIST page,
// http://yann.lecun.com/exdb/mnist/), each plain or with a .gz suffix; the plain file wins when both exist.
package org.shiftscope.model.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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

    /** All four files; if any is missing, one sentence naming each expected file once. */
    private static Map<MnistFile, Path> locateAll(Path folder) throws InvalidDataException {
        var found = new EnumMap<MnistFile, Path>(MnistFile.class);
        var missing = new ArrayList<String>();
        for (var file : MnistFile.values()) {
            locate(folder, file).ifPresentOrElse(path -> found.put(file, path), () -> missing.add(file.fileName()));
        }
        if (found.isEmpty()) {
            throw new InvalidDataException(String.format(
                    "The folder %s holds none of the four MNIST-format files %s (each may also end in %s), nor the "
                            + "CIFAR-10 binary files %s … and %s",
                    folder, inWords(missing), MnistFile.GZIP_SUFFIX, CifarFolder.trainFile(1), CifarFolder.TEST_FILE));
        }
        if (!missing.isEmpty()) {
            var present = found.values().stream().map(path -> path.getFileName().toString()).toList();
            throw new InvalidDataException(String.format(
                    "The folder %s has %s but lacks %s, the rest of an MNIST-format dataset (each may also end in %s)",
                    folder, inWords(present), inWords(missing), MnistFile.GZIP_SUFFIX));
        }
        return found;
    }

    /** "a", "a and b", "a, b and c" */
    private static String inWords(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
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
