// The default dataset shipped inside the application: a class-balanced Fashion-MNIST subset (10,000 training and
// 2,000 test images, see assets/data/fashion-mnist/PROVENANCE.md) stored on the classpath as gzipped IDX files
// (format: LeCun's MNIST page, http://yann.lecun.com/exdb/mnist/).
package org.shiftscope.model.data;

import java.io.InputStream;

public final class EmbeddedData {
    public static final String FASHION_MNIST = "fashion-mnist";
    /** classpath folder of the four gzipped IDX files (the build copies assets/data to /data) */
    public static final String FASHION_MNIST_RESOURCES = "/data/fashion-mnist/";

    private EmbeddedData() {
    }

    /** Loads the embedded Fashion-MNIST subset: 784 inputs, {@link MnistDataset#CLASSES} classes. */
    public static Dataset fashionMnist() throws InvalidDataException {
        return MnistDataset.assemble(FASHION_MNIST,
                IdxInput.fromResource(resource(MnistFile.TRAIN_IMAGES), IdxReader::readImages),
                IdxInput.fromResource(resource(MnistFile.TRAIN_LABELS), EmbeddedData::readLabels),
                IdxInput.fromResource(resource(MnistFile.TEST_IMAGES), IdxReader::readImages),
                IdxInput.fromResource(resource(MnistFile.TEST_LABELS), EmbeddedData::readLabels));
    }

    /** The classpath name of one of the embedded files. */
    static String resource(MnistFile file) {
        return FASHION_MNIST_RESOURCES + file.gzipName();
    }

    private static IdxLabels readLabels(InputStream in, String source) throws InvalidDataException {
        return IdxReader.readLabels(in, source, MnistDataset.CLASSES);
    }
}
