// Batch Normalization over the batch axis, per unit (Ioffe & Szegedy 2015, arXiv 1502.03167, Alg. 1 and
// the backward pass of their Section 3), with learnable γ, β and running averages updated as PyTorch's
// BatchNorm1d does: biased batch variance for normalising, unbiased for the running variance.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

public final class BatchNorm implements Layer {
    private final Parameter gamma;        // (1, units)
    private final Parameter beta;         // (1, units)
    private final INDArray runningMean;   // (1, units)
    private final INDArray runningVar;    // (1, units)
    private final double epsilon;
    private final double momentum;
    private BnMode mode = BnMode.ON;

    // Cache of the last forward pass, for backward.
    private boolean usedBatchStatistics;
    private INDArray normalized;          // x̂ (batch, units)
    private INDArray inverseStd;          // 1/sqrt(σ² + ε) (1, units)
    private INDArray normalizedTangent;   // R{x̂} (batch, units)
    private INDArray inverseStdTangent;   // R{1/sqrt(σ² + ε)} (1, units), batch statistics only

    public BatchNorm(String name, int units, double epsilon, double momentum, DataType dtype) {
        this.gamma = new Parameter(name + ".gamma", Nd4j.ones(dtype, 1, units));
        this.beta = new Parameter(name + ".beta", Nd4j.zeros(dtype, 1, units));
        this.runningMean = Nd4j.zeros(dtype, 1, units);
        this.runningVar = Nd4j.ones(dtype, 1, units);
        this.epsilon = epsilon;
        this.momentum = momentum;
    }

    public void setMode(BnMode mode) {
        this.mode = mode;
    }

    public BnMode mode() {
        return mode;
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {              // x: (batch, units)
        if (mode == BnMode.OFF) {
            return x;
        }
        usedBatchStatistics = mode == BnMode.ON && pass != Pass.INFERENCE;
        if (usedBatchStatistics) {
            long batch = x.size(0);
            INDArray mean = x.mean(true, 0);                      // (1, units)
            INDArray centered = x.subRowVector(mean);             // (batch, units)
            INDArray variance = centered.mul(centered).mean(true, 0); // biased σ²_B (1, units)
            inverseStd = Transforms.pow(variance.add(epsilon), -0.5, false); // (1, units)
            normalized = centered.muliRowVector(inverseStd);      // (batch, units)
            if (pass == Pass.TRAINING_STEP) {
                double unbias = batch > 1 ? (double) batch / (batch - 1) : 1.0;
                runningMean.muli(1 - momentum).addi(mean.muli(momentum));
                runningVar.muli(1 - momentum).addi(variance.muli(momentum * unbias));
            }
        } else {
            inverseStd = Transforms.pow(runningVar.add(epsilon), -0.5, false); // (1, units)
            normalized = x.subRowVector(runningMean).muliRowVector(inverseStd); // (batch, units)
        }
        return normalized.mulRowVector(gamma.value()).addiRowVector(beta.value()); // (batch, units)
    }

    @Override
    public INDArray backward(INDArray dOut) {                      // dOut: (batch, units)
        if (mode == BnMode.OFF) {
            return dOut;
        }
        gamma.gradient().addi(dOut.mul(normalized).sum(true, 0)); // (1, units)
        beta.gradient().addi(dOut.sum(true, 0));                  // (1, units)
        INDArray dNormalized = dOut.mulRowVector(gamma.value());  // (batch, units)
        if (!usedBatchStatistics) {
            return dNormalized.muliRowVector(inverseStd);          // fixed affine map (batch, units)
        }
        // dx = (1/B)·invStd·(B·dx̂ − Σ dx̂ − x̂·Σ(dx̂·x̂)), Ioffe & Szegedy Section 3.
        long batch = dOut.size(0);
        INDArray sumD = dNormalized.sum(true, 0);                  // (1, units)
        INDArray sumDX = dNormalized.mul(normalized).sum(true, 0); // (1, units)
        return dNormalized.muli(batch)                             // (batch, units)
                .subiRowVector(sumD)
                .subi(normalized.mulRowVector(sumDX))
                .muliRowVector(inverseStd.div(batch));
    }

    /**
     * With batch statistics, writing s = 1/sqrt(σ² + ε): R{s} = −s²·mean(x̂⊙ẋ) and
     * R{x̂} = s·(ẋ − mean(ẋ) − x̂·mean(x̂⊙ẋ)); with fixed statistics R{x̂} = s·ẋ.
     */
    @Override
    public INDArray forwardTangent(INDArray dx) {                       // (batch, units)
        if (mode == BnMode.OFF) {
            return dx;
        }
        if (usedBatchStatistics) {
            INDArray meanXhatDx = normalized.mul(dx).mean(true, 0);      // (1, units)
            inverseStdTangent = inverseStd.mul(inverseStd).muli(meanXhatDx).negi();
            normalizedTangent = dx.subRowVector(dx.mean(true, 0))       // (batch, units)
                    .subi(normalized.mulRowVector(meanXhatDx))
                    .muliRowVector(inverseStd);
        } else {
            normalizedTangent = dx.mulRowVector(inverseStd);
        }
        return normalized.mulRowVector(gamma.direction())              // v_γ·x̂ + γ·R{x̂} + v_β
                .addi(normalizedTangent.mulRowVector(gamma.value()))
                .addiRowVector(beta.direction());
    }

    @Override
    public Tangent backwardTangent(Tangent dOut) {
        if (mode == BnMode.OFF) {
            return dOut;
        }
        INDArray delta = dOut.value();                                  // (batch, units)
        INDArray deltaTangent = dOut.tangent();                         // (batch, units)
        gamma.curvature().addi(deltaTangent.mul(normalized).addi(delta.mul(normalizedTangent)).sum(true, 0));
        beta.curvature().addi(deltaTangent.sum(true, 0));
        INDArray d = delta.mulRowVector(gamma.value());                 // dx̂ (batch, units)
        INDArray dTangent = deltaTangent.mulRowVector(gamma.value())    // R{dx̂} = δ̇·γ + δ·v_γ
                .addi(delta.mulRowVector(gamma.direction()));
        if (!usedBatchStatistics) {
            return new Tangent(d.mulRowVector(inverseStd), dTangent.mulRowVector(inverseStd));
        }
        // dx = s·A with A = d − mean(d) − x̂·mean(d⊙x̂); R{dx} = R{s}·A + s·R{A}.
        INDArray meanDXhat = d.mul(normalized).mean(true, 0);           // (1, units)
        INDArray a = d.subRowVector(d.mean(true, 0)).subi(normalized.mulRowVector(meanDXhat));
        INDArray meanRest = dTangent.mul(normalized).addi(d.mul(normalizedTangent)).mean(true, 0);
        INDArray aTangent = dTangent.subRowVector(dTangent.mean(true, 0))
                .subi(normalizedTangent.mulRowVector(meanDXhat))
                .subi(normalized.mulRowVector(meanRest));
        INDArray dx = a.mulRowVector(inverseStd);
        INDArray dxTangent = a.mulRowVector(inverseStdTangent).addi(aTangent.muliRowVector(inverseStd));
        return new Tangent(dx, dxTangent);
    }

    @Override
    public List<Parameter> parameters() {
        return mode == BnMode.OFF ? List.of() : List.of(gamma, beta);
    }

    /** γ and β whatever the mode, for copying and export. */
    public List<Parameter> allParameters() {
        return List.of(gamma, beta);
    }

    public INDArray runningMean() {
        return runningMean;
    }

    public INDArray runningVariance() {
        return runningVar;
    }

    public double epsilon() {
        return epsilon;
    }

    public double momentum() {
        return momentum;
    }
}
