// The directions Page's "cat neuron" experiment moves the weights along ("How to train your ResNet 7"): the top
// Hessian eigenvector, the gradient of one class's batch-mean logit, or a random direction for comparison.
package org.shiftscope.model.shift;

public enum PerturbationDirection {
    TOP_EIGENVECTOR("v1 (top Hessian eigenvector)", "v1"),
    CLASS_MEAN("class-mean logit gradient", "∂ mean logit"),
    RANDOM("random direction", "a random direction");

    private final String label;
    private final String brief;

    PerturbationDirection(String label, String brief) {
        this.label = label;
        this.brief = brief;
    }

    /** The picker's text. */
    public String label() {
        return label;
    }

    /** "v1", "∂ mean logit", "a random direction": the direction in a sentence such as "1% along v1". */
    public String brief() {
        return brief;
    }

    @Override
    public String toString() {
        return label;
    }
}
