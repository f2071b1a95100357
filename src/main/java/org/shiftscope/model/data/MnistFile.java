// The four files of an MNIST-format dataset under their standard names (LeCun's MNIST page,
// http://yann.lecun.com/exdb/mnist/), shared by MNIST, Fashion-MNIST and their kin; each may also be gzipped.
package org.shiftscope.model.data;

import java.util.Arrays;
import java.util.stream.Collectors;

public enum MnistFile {
    TRAIN_IMAGES("train-images-idx3-ubyte"),
    TRAIN_LABELS("train-labels-idx1-ubyte"),
    TEST_IMAGES("t10k-images-idx3-ubyte"),
    TEST_LABELS("t10k-labels-idx1-ubyte");

    public static final String GZIP_SUFFIX = ".gz";

    private final String fileName;

    MnistFile(String fileName) {
        this.fileName = fileName;
    }

    /** the standard, uncompressed name */
    public String fileName() {
        return fileName;
    }

    /** the standard name of the gzipped file */
    public String gzipName() {
        return fileName + GZIP_SUFFIX;
    }

    /** All four standard names, comma separated, for messages. */
    public static String allFileNames() {
        return Arrays.stream(values()).map(MnistFile::fileName).collect(Collectors.joining(", "));
    }
}
