// The images of one IDX image file (format: LeCun's MNIST page, http://yann.lecun.com/exdb/mnist/),
// pixels already scaled to [0, 1], remembering their source so later checks can name the file.
package org.shiftscope.model.data;

/**
 * @param source  display name of the file the images came from (a path or a classpath resource)
 * @param count   number of images
 * @param rows    pixel rows per image
 * @param columns pixel columns per image
 * @param pixels  row-major (count, rows × columns) pixels, each in [0, 1]
 */
public record IdxImages(String source, int count, int rows, int columns, float[] pixels) {
    public IdxImages {
        if (pixels.length != (long) count * rows * columns) {
            throw new IllegalArgumentException("pixels do not match " + count + " × " + rows + " × " + columns);
        }
    }

    public int pixelsPerImage() {
        return rows * columns;
    }

    /** Pairs these images with their labels, which must be exactly as many. */
    public Examples withLabels(IdxLabels labels) throws InvalidDataException {
        if (labels.count() != count) {
            throw new InvalidDataException(String.format("%s holds %d labels but %s holds %d images; the counts must match",
                    labels.source(), labels.count(), source, count));
        }
        return new Examples(pixels, labels.labels(), count, pixelsPerImage());
    }
}
