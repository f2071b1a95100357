// Softmax cross-entropy averaged over the batch, and its gradient (p − onehot(y)) / n with respect to the
// logits, with the log-sum-exp shift so large logits do not overflow. Written as loops over a float64 copy of
// the (n, classes) logits (RowMajor), cheaper here than a dozen ND4J ops (README, "Speed settings").
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** The mean loss over the rows, how many rows were classified correctly, and dLoss/dLogits. */
    public record Result(double meanLoss, int correct, INDArray logitGradient) {
    }

    /** @param logits (n, classes) @param labels n class indices */
    public static Result evaluate(INDArray logits, int[] labels) {
        int n = (int) logits.size(0);
        int classes = (int) logits.size(1);
        double[] z = RowMajor.read(logits);                        // logits, then the gradient (n, classes)
        double lossSum = 0;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            int predicted = 0;
            for (int c = 1; c < classes; c++) {
                if (z[row + c] > z[row + predicted]) {
                    predicted = c;                                 // the first of equal maxima, as argmax
                }
            }
            correct += predicted == labels[i] ? 1 : 0;
            double max = z[row + predicted];
            double sumExp = 0;
            for (int c = 0; c < classes; c++) {
                sumExp += Math.exp(z[row + c] - max);
            }
            double logSumExp = max + Math.log(sumExp);
            lossSum += logSumExp - z[row + labels[i]];            // −log p_label
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(z[row + c] - logSumExp);
                z[row + c] = (p - (c == labels[i] ? 1 : 0)) / n;
            }
        }
        return new Result(lossSum / n, correct, RowMajor.matrix(z, logits.dataType(), n, classes));
    }

    /**
     * R{dLoss/dLogits} for each logit tangent ż_i of a block: with g = (p − y)/n,
     * R{g}_i = p⊙(ż_i − Σ_c p_c ż_i,c)/n (row-wise).
     * @param logits (n, classes) @param logitTangents (b·n, classes), stacked by direction
     */
    public static INDArray gradientTangent(INDArray logits, INDArray logitTangents) {
        int n = (int) logits.size(0);
        int classes = (int) logits.size(1);
        double[] p = RowMajor.read(logits);                        // logits, then softmax (n, classes)
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, p[row + c]);
            }
            double sumExp = 0;
            for (int c = 0; c < classes; c++) {
                p[row + c] = Math.exp(p[row + c] - max);
                sumExp += p[row + c];
            }
            for (int c = 0; c < classes; c++) {
                p[row + c] /= sumExp;
            }
        }
        double[] tangent = RowMajor.read(logitTangents);           // ż, then R{g} (b·n, classes)
        int rows = (int) logitTangents.size(0);
        for (int r = 0; r < rows; r++) {
            int row = r * classes;
            int example = r % n * classes;
            double expected = 0;                                   // Σ_c p_c ż_c
            for (int c = 0; c < classes; c++) {
                expected += p[example + c] * tangent[row + c];
            }
            for (int c = 0; c < classes; c++) {
                tangent[row + c] = p[example + c] * (tangent[row + c] - expected) / n;
            }
        }
        return RowMajor.matrix(tangent, logitTangents.dataType(), rows, classes);
    }
}
