// The labels of one IDX label file (format: LeCun's MNIST page, http://yann.lecun.com/exdb/mnist/),
// already checked to lie below the class count, remembering their source so later checks can name the file.
package org.shiftscope.model.data;

/**
 * @param source display name of the file the labels came from (a path or a classpath resource)
 * @param labels class index of each example
 */
public record IdxLabels(String source, int[] labels) {
    public int count() {
        return labels.length;
    }
}
