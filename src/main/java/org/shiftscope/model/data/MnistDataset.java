// Assembles a Dataset from the four files of an MNIST-format dataset (format: LeCun's MNIST page,
// http://yann.lecun.com/exdb/mnist/), checking they agree; shared by the folder loader and the embedded dataset.
package org.shiftscope.model.data;

public final class MnistDataset {
    /** MNIST-format datasets (MNIST, Fashion-MNIST, KMNIST) have ten classes, so every label must be below 10. */
    public static final int CLASSES = 10;

    private MnistDataset() {
    }

    /** Pairs images with labels per split and checks that both splits hold images of the same size. */
    static Dataset assemble(String name, IdxImages trainImages, IdxLabels trainLabels,
                            IdxImages testImages, IdxLabels testLabels) throws InvalidDataException {
        if (testImages.rows() != trainImages.rows() || testImages.columns() != trainImages.columns()) {
            throw new InvalidDataException(String.format(
                    "%s holds %d×%d images but %s holds %d×%d; training and test images must have the same size",
                    testImages.source(), testImages.rows(), testImages.columns(),
                    trainImages.source(), trainImages.rows(), trainImages.columns()));
        }
        return new Dataset(name, trainImages.pixelsPerImage(), CLASSES,
                trainImages.withLabels(trainLabels), testImages.withLabels(testLabels));
    }
}
