// dStatistic/dLogits for the batch statistics of one output class, averaged over the evaluation set's
// batch-statistics groups: the batch mean, variance or skewness (LogitStatistic). Their parameter gradients span
// the "covariate shift" directions that Page identifies with the outlying Hessian eigenvectors.
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each group's statistic counts with its share of the set's N rows: the set's statistic is Σ_g (n_g/N)·s_g. */
final class LogitStatistics {
    private LogitStatistics() {
    }

    /**
     * @param logits    (n, classes) of one pass, its rows cut into groups of {@code groupRows} (0 = one group)
     * @param total     rows of the whole evaluation set N
     * @return (n, classes), zero outside column k
     */
    static INDArray gradient(INDArray logits, int k, LogitStatistic statistic, int groupRows, int total) {
        int n = (int) logits.size(0);
        int classes = (int) logits.size(1);
        int group = groupRows > 0 ? Math.min(groupRows, n) : n;
        double[] z = logits.getColumn(k).dup().data().asDouble();          // (n)
        var column = new double[n];                                         // (n)
        for (int from = 0; from < n; from += group) {
            int to = Math.min(n, from + group);
            statistic.gradient(z, from, to, (double) (to - from) / total, column);
        }
        var d = new double[n * classes];                                    // (n, classes)
        for (int i = 0; i < n; i++) {
            d[i * classes + k] = column[i];
        }
        return Nd4j.create(d, new long[]{n, classes}, logits.dataType());
    }

    /** This pass's part of the set's statistic of column k: Σ over its groups of (n_g/N)·s_g. */
    static double value(INDArray logits, int k, LogitStatistic statistic, int groupRows, int total) {
        int n = (int) logits.size(0);
        int group = groupRows > 0 ? Math.min(groupRows, n) : n;
        double[] z = logits.getColumn(k).dup().data().asDouble();          // (n)
        double sum = 0;
        for (int from = 0; from < n; from += group) {
            int to = Math.min(n, from + group);
            sum += (double) (to - from) / total * statistic.of(z, from, to);
        }
        return sum;
    }
}
