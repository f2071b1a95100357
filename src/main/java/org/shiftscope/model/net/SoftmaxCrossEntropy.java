// Softmax cross-entropy averaged over the batch, and its gradient (p − onehot(y)) / n with respect to
// the logits. Computed with the log-sum-exp shift, so large logits do not overflow.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

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
        INDArray oneHot = oneHot(labels, classes, logits);                 // (n, classes)
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));    // (n, classes), row max 0
        INDArray logSumExp = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false); // (n, 1)
        INDArray logProbabilities = shifted.subiColumnVector(logSumExp);   // (n, classes)
        double meanLoss = -logProbabilities.mul(oneHot).sumNumber().doubleValue() / n;
        INDArray gradient = Transforms.exp(logProbabilities, true).subi(oneHot).divi(n); // (n, classes)
        return new Result(meanLoss, countCorrect(logits, labels), gradient);
    }

    /**
     * R{dLoss/dLogits} for a logit tangent ż: with g = (p − y)/n, R{g} = p⊙(ż − Σ_c p_c ż_c)/n (row-wise).
     * @param logits (n, classes) @param logitTangent (n, classes)
     */
    public static INDArray gradientTangent(INDArray logits, INDArray logitTangent) {
        int n = (int) logits.size(0);
        INDArray p = Transforms.softmax(logits, true);                         // (n, classes)
        INDArray expected = p.mul(logitTangent).sum(true, 1);                  // (n, 1)
        return logitTangent.subColumnVector(expected).muli(p).divi(n);         // (n, classes)
    }

    private static INDArray oneHot(int[] labels, int classes, INDArray like) {
        var values = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1.0;
        }
        return Nd4j.create(values, new long[]{labels.length, classes}, like.dataType());
    }

    private static int countCorrect(INDArray logits, int[] labels) {
        int[] predicted = Nd4j.argMax(logits, 1).toIntVector();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return correct;
    }
}
