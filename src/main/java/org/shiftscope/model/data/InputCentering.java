// LeCun's lesson (LeCun, Kanter & Solla 1990; LeCun et al. 1998, "Efficient BackProp" §4.3): inputs with a
// non-zero mean add an outlying Hessian eigenvalue; subtracting the training set's per-feature mean removes it.
package org.shiftscope.model.data;

public final class InputCentering {
    private InputCentering() {
    }

    /** A copy of the dataset with the training split's per-feature mean subtracted from both splits. */
    public static Dataset center(Dataset dataset) {
        var mean = featureMeans(dataset.train());
        return new Dataset(dataset.name(), dataset.inputs(), dataset.classes(),
                subtract(dataset.train(), mean), subtract(dataset.test(), mean));
    }

    static double[] featureMeans(Examples examples) {
        var mean = new double[examples.inputs()];
        float[] x = examples.features();
        for (int i = 0; i < examples.count(); i++) {
            for (int f = 0; f < mean.length; f++) {
                mean[f] += x[i * mean.length + f];
            }
        }
        for (int f = 0; f < mean.length; f++) {
            mean[f] /= examples.count();
        }
        return mean;
    }

    private static Examples subtract(Examples examples, double[] mean) {
        float[] x = examples.features().clone();
        for (int i = 0; i < examples.count(); i++) {
            for (int f = 0; f < mean.length; f++) {
                x[i * mean.length + f] -= (float) mean[f];
            }
        }
        return new Examples(x, examples.labels(), examples.count(), examples.inputs());
    }
}
