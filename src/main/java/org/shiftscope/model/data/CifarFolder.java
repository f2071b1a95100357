// Loads a CIFAR-10 dataset from a folder of its binary files (format: Krizhevsky's CIFAR-10 page): data_batch_1.bin
// … data_batch_5.bin (the first, and no gaps) and test_batch.bin, each a run of 3,073-byte records: a label 0–9,
// then 32×32 red, green and blue pixels. Features keep that channel-major order, scaled to [0, 1].
package org.shiftscope.model.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class CifarFolder {
    public static final int CLASSES = 10;
    public static final int CHANNELS = 3;
    public static final int SIDE = 32;
    public static final int PIXELS = CHANNELS * SIDE * SIDE;
    public static final int RECORD_BYTES = 1 + PIXELS;
    public static final int MAX_TRAIN_FILES = 5;
    public static final String TEST_FILE = "test_batch.bin";
    private static final float MAX_PIXEL = 255f;
    /** Values one load may hold (800 MB as floats): the whole of CIFAR-10 is 184 M. */
    public static final long MAX_VALUES = 200_000_000L;

    private CifarFolder() {
    }

    /** "data_batch_3.bin" for 3. */
    public static String trainFile(int number) {
        return "data_batch_" + number + ".bin";
    }

    /**
     * Whether the folder is read as CIFAR-10 rather than MNIST: it holds a CIFAR-10 training file, or its test
     * file and none of the MNIST-format files (so a stray test_batch.bin beside MNIST files changes nothing).
     */
    public static boolean holdsAny(Path folder) {
        for (int n = 1; n <= MAX_TRAIN_FILES; n++) {
            if (Files.exists(folder.resolve(trainFile(n)))) {
                return true;
            }
        }
        if (!Files.exists(folder.resolve(TEST_FILE))) {
            return false;
        }
        for (MnistFile file : MnistFile.values()) {
            if (Files.exists(folder.resolve(file.fileName())) || Files.exists(folder.resolve(file.gzipName()))) {
                return false;
            }
        }
        return true;
    }

    /** The folder as a Dataset named by its path: every training file's records, then the test file's. */
    public static Dataset load(Path folder) throws InvalidDataException {
        var train = new ArrayList<Path>();
        for (int n = 1; n <= MAX_TRAIN_FILES && Files.exists(folder.resolve(trainFile(n))); n++) {
            train.add(folder.resolve(trainFile(n)));
        }
        for (int n = train.size() + 2; n <= MAX_TRAIN_FILES; n++) {
            if (Files.exists(folder.resolve(trainFile(n)))) {
                throw new InvalidDataException("The folder " + folder + " has " + trainFile(n) + " but lacks "
                        + trainFile(train.size() + 1) + "; CIFAR-10's training files are numbered from 1 without gaps");
            }
        }
        if (train.isEmpty() || !Files.exists(folder.resolve(TEST_FILE))) {
            throw new InvalidDataException("The folder " + folder + " is missing "
                    + (train.isEmpty() ? trainFile(1) + (Files.exists(folder.resolve(TEST_FILE)) ? "" : " and " + TEST_FILE)
                    : TEST_FILE) + ", which a CIFAR-10 binary dataset needs");
        }
        return new Dataset(folder.toString(), PIXELS, CLASSES, read(train), read(List.of(folder.resolve(TEST_FILE))));
    }

    private static Examples read(List<Path> files) throws InvalidDataException {
        long records = 0;
        for (Path file : files) {
            long size = size(file);
            if (size == 0 || size % RECORD_BYTES != 0) {
                throw new InvalidDataException(String.format("%s has %,d bytes, not a whole number of %,d-byte records "
                        + "(a label and 32×32×3 pixels)%s", file, size, RECORD_BYTES, size == 0 ? "" : ": it may be truncated"));
            }
            records += size / RECORD_BYTES;
        }
        if (records * PIXELS > MAX_VALUES) {
            throw new InvalidDataException(String.format("%s holds %,d images (%,d values), more than the %,d a load may hold",
                    files.get(0).getParent(), records, records * PIXELS, MAX_VALUES));
        }
        var contents = new ArrayList<byte[]>();
        for (Path file : files) {
            contents.add(bytes(file));
        }
        int count = (int) records;
        float[] features;
        try {
            features = new float[count * PIXELS];
        } catch (OutOfMemoryError e) {
            throw new InvalidDataException(String.format("%,d CIFAR-10 images need %,d MB of heap: give Java more with -Xmx",
                    count, (long) count * PIXELS * Float.BYTES >> 20));
        }
        var labels = new int[count];
        int example = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] bytes = contents.get(f);
            for (int r = 0; r < bytes.length / RECORD_BYTES; r++, example++) {
                int at = r * RECORD_BYTES;
                int label = Byte.toUnsignedInt(bytes[at]);
                if (label >= CLASSES) {
                    throw new InvalidDataException(String.format("%s: record %,d has label %d; CIFAR-10 labels are 0–%d",
                            files.get(f), r + 1, label, CLASSES - 1));
                }
                labels[example] = label;
                for (int p = 0; p < PIXELS; p++) {
                    features[example * PIXELS + p] = Byte.toUnsignedInt(bytes[at + 1 + p]) / MAX_PIXEL;
                }
            }
        }
        return new Examples(features, labels, count, PIXELS);
    }

    private static long size(Path file) throws InvalidDataException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InvalidDataException("Could not read " + file + ": " + e.getMessage());
        }
    }

    private static byte[] bytes(Path file) throws InvalidDataException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new InvalidDataException("Could not read " + file + ": " + e.getMessage());
        }
    }
}
