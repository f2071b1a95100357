// dStatistic/dLogits for the batch statistics of one output class: the batch mean (1/n for every row of
// column k) or the batch variance (2/n·(z_k − mean_k)). Their parameter gradients span the "covariate
// shift" directions that Page identifies with the outlying Hessian eigenvectors.
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.ndarray.INDArray;

final class LogitStatistics {
    private LogitStatistics() {
    }

    /** @param logits (n, classes) @return (n, classes), zero outside column k */
    static INDArray gradient(INDArray logits, int k, boolean variance) {
        long n = logits.size(0);
        INDArray d = logits.ulike().assign(0.0);                              // (n, classes)
        INDArray column = logits.getColumn(k);                                // (n)
        if (variance) {
            d.getColumn(k).assign(column.sub(column.meanNumber()).muli(2.0 / n));
        } else {
            d.getColumn(k).assign(1.0 / n);
        }
        return d;
    }
}
