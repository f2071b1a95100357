// dStatistic/dLogits for the batch statistics of one output class, averaged over the evaluation set's
// batch-statistics groups: the batch mean or variance. Their parameter gradients span the "covariate shift"
// directions that Page identifies with the outlying Hessian eigenvectors.
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The batch mean's is 1/N for every row of column k; the batch variance's 2/N·(z_k − mean_k), over the row's group. */
final class LogitStatistics {
    private LogitStatistics() {
    }

    /**
     * @param logits    (n, classes) of one pass, its rows cut into groups of {@code groupRows} (0 = one group)
     * @param total     rows of the whole evaluation set N: each group's statistic counts with its share of N
     * @return (n, classes), zero outside column k
     */
    static INDArray gradient(INDArray logits, int k, boolean variance, int groupRows, int total) {
        int n = (int) logits.size(0);
        int classes = (int) logits.size(1);
        int group = groupRows > 0 ? Math.min(groupRows, n) : n;
        double[] z = logits.getColumn(k).dup().data().asDouble();          // (n)
        var d = new double[n * classes];                                    // (n, classes)
        for (int from = 0; from < n; from += group) {
            int to = Math.min(n, from + group);
            double mean = 0;
            for (int i = from; i < to; i++) {
                mean += z[i];
            }
            mean /= to - from;
            for (int i = from; i < to; i++) {
                d[i * classes + k] = variance ? 2.0 * (z[i] - mean) / total : 1.0 / total;
            }
        }
        return Nd4j.create(d, new long[]{n, classes}, logits.dataType());
    }
}
