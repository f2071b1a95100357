// A block of labelled examples kept as plain Java arrays (row-major features), so data can be shuffled,
// sliced and copied into ND4J batches without holding native memory for the whole set.
package org.shiftscope.model.data;

/**
 * @param features row-major (count, inputs) feature matrix, already scaled (pixels to [0, 1])
 * @param labels   class index of each example, in [0, classes)
 * @param count    number of examples
 * @param inputs   features per example
 */
public record Examples(float[] features, int[] labels, int count, int inputs) {
    public Examples {
        if (features.length != (long) count * inputs || labels.length != count) {
            throw new IllegalArgumentException("features/labels do not match count " + count + " × inputs " + inputs);
        }
    }
}
