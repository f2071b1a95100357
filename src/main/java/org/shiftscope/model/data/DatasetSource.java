// Turns what the user typed as a dataset ("fashion-mnist", "synthetic" or a folder path) into a loaded Dataset.
package org.shiftscope.model.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

public final class DatasetSource {
    private DatasetSource() {
    }

    /**
     * @param spec {@value EmbeddedData#FASHION_MNIST} for the embedded subset, {@value SyntheticData#NAME} for the
     *             generated blobs, anything else is the path of a folder of CIFAR-10 binary files ({@link CifarFolder})
     *             or MNIST-format files ({@link MnistFolder})
     * @param seed used only by the synthetic dataset
     */
    public static Dataset load(String spec, long seed) throws InvalidDataException {
        if (spec.isBlank()) {
            throw new InvalidDataException("No dataset given: use " + EmbeddedData.FASHION_MNIST + ", "
                    + SyntheticData.NAME + " or the path of a folder of MNIST-format or CIFAR-10 binary files");
        }
        return switch (spec) {
            case EmbeddedData.FASHION_MNIST -> EmbeddedData.fashionMnist();
            case SyntheticData.NAME -> SyntheticData.generate(seed);
            default -> loadFolder(existingFolder(spec));
        };
    }

    /**
     * The spec as a run should record it: a folder as its absolute path, so the run's config.json loads from
     * any working directory; the embedded and synthetic names as they are.
     */
    public static String canonical(String spec) {
        if (spec.isBlank() || spec.equals(EmbeddedData.FASHION_MNIST) || spec.equals(SyntheticData.NAME)) {
            return spec;
        }
        try {
            return Path.of(spec).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            return spec;                                    // load() says why it cannot be read
        }
    }

    /** CIFAR-10 binary files when the folder holds any, else the MNIST-format files. */
    private static Dataset loadFolder(Path folder) throws InvalidDataException {
        return Files.isDirectory(folder) && CifarFolder.holdsAny(folder) ? CifarFolder.load(folder) : MnistFolder.load(folder);
    }

    private static Path existingFolder(String spec) throws InvalidDataException {
        if (!isExistingPath(spec)) {
            throw new InvalidDataException("Unknown dataset \"" + spec + "\": it is neither " + EmbeddedData.FASHION_MNIST
                    + ", " + SyntheticData.NAME + " nor an existing folder");
        }
        return Path.of(spec);
    }

    private static boolean isExistingPath(String spec) {
        try {
            return Files.exists(Path.of(spec));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
