// A 3×3 convolution, stride 1, same padding (LeCun et al. 1998; the cross-correlation PyTorch's Conv2d
// computes), written as the dense layer's products on patch rows (ConvColumns): z = patches(x)·W + b per pixel.
// Being linear in x and in (W, b), its R-operator passes are the dense layer's, moved through the same rearrangements.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class Conv implements Layer {
    private final ConvSpec spec;
    private final Parameter weights;   // (in·9, out): row (channel in, kernel row, kernel column)
    private final Parameter bias;      // (1, out)
    private final boolean inputGradients;
    private INDArray patches;          // (batch·s², in·9) of the last forward
    private INDArray tangentPatches;   // (b·batch·s², in·9) of the last forwardTangent, or null

    Conv(ConvSpec spec, double weightStd, LayerContext context) {
        int taps = spec.channelsIn() * ConvColumns.TAPS;
        var w = new double[taps * spec.channelsOut()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weightStd * context.random().nextGaussian();
        }
        this.spec = spec;
        this.weights = new Parameter(spec.name() + ".W", Nd4j.create(w, new long[]{taps, spec.channelsOut()}, context.dataType()));
        this.bias = new Parameter(spec.name() + ".b", Nd4j.zeros(context.dataType(), 1, spec.channelsOut()));
        this.inputGradients = !context.first();
    }

    private Conv(ConvSpec spec, Parameter weights, Parameter bias, boolean inputGradients) {
        this.spec = spec;
        this.weights = weights;
        this.bias = bias;
        this.inputGradients = inputGradients;
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {                                   // (batch, in·s²)
        patches = ConvColumns.patches(x, spec.channelsIn(), spec.side());              // (batch·s², in·9)
        INDArray z = Matrices.multiply(patches, weights.value());                     // (batch·s², out)
        RowMajor.addRowsInPlace(z, bias.value());
        return ConvColumns.exampleRows(z, spec.channelsOut(), spec.side());            // (batch, out·s²)
    }

    @Override
    public INDArray backward(INDArray dOut) {                                         // (batch, out·s²)
        INDArray d = ConvColumns.pixelRows(dOut, spec.channelsOut(), spec.side());     // (batch·s², out)
        Nd4j.gemm(patches, d, weights.gradient(), true, false, 1.0, 1.0);             // dW += Pᵀ·d
        RowMajor.add(bias.gradient(), RowMajor.columnSums(d));                         // db += Σ d
        return inputGradients ? input(d) : null;
    }

    @Override
    public INDArray backwardInput(INDArray dOut) {
        return inputGradients ? input(ConvColumns.pixelRows(dOut, spec.channelsOut(), spec.side())) : null;
    }

    /** dx = unpatch(d·Wᵀ): (batch·s², out) → (batch, in·s²). */
    private INDArray input(INDArray d) {
        return ConvColumns.unpatch(Matrices.multiply(d, weights.value(), false, true), spec.channelsIn(), spec.side());
    }

    /** Tangent i = P·V_i + v_b,i + P(ẋ_i)·W, on pixel rows. */
    @Override
    public INDArray forwardTangent(INDArray dx, int block) {                          // (b·batch, in·s²) or null
        tangentPatches = dx == null ? null : ConvColumns.patches(dx, spec.channelsIn(), spec.side());
        INDArray directions = StackedBlocks.sideBySide(weights.directions(block), block);      // (in·9, b·out)
        INDArray tangent = StackedBlocks.stacked(Matrices.multiply(patches, directions), block); // (b·batch·s², out)
        RowMajor.addRowsInPlace(tangent, bias.directions(block));
        if (tangentPatches != null) {
            Nd4j.gemm(tangentPatches, weights.value(), tangent, false, false, 1.0, 1.0);
        }
        return ConvColumns.exampleRows(tangent, spec.channelsOut(), spec.side());      // (b·batch, out·s²)
    }

    /** R{dW}_i = Pᵀ·δ̇_i + P(ẋ_i)ᵀ·δ, R{db}_i = Σ δ̇_i; R{dx}_i = unpatch(δ̇_i·Wᵀ + δ·V_iᵀ). */
    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangent, int block) {
        INDArray d = ConvColumns.pixelRows(delta, spec.channelsOut(), spec.side());            // (batch·s², out)
        INDArray dt = ConvColumns.pixelRows(deltaTangent, spec.channelsOut(), spec.side());    // (b·batch·s², out)
        INDArray weightsHvp = StackedBlocks.stacked(
                Matrices.multiply(patches, StackedBlocks.sideBySide(dt, block), true, false), block);   // (b·in·9, out)
        if (tangentPatches != null) {
            Nd4j.gemm(StackedBlocks.sideBySide(tangentPatches, block), d, weightsHvp, true, false, 1.0, 1.0);
        }
        weights.hvpSlices(block).addi(weightsHvp);
        RowMajor.add(bias.hvpSlices(block), RowMajor.blockColumnSums(dt, block));
        if (!inputGradients) {
            return null;
        }
        INDArray dPatches = Matrices.multiply(dt, weights.value(), false, true);               // (b·batch·s², in·9)
        dPatches.addi(StackedBlocks.stacked(Matrices.multiply(d, weights.directions(block), false, true), block));
        return ConvColumns.unpatch(dPatches, spec.channelsIn(), spec.side());                  // (b·batch, in·s²)
    }

    /** Its output is a pre-activation of the per-layer statistics, measured per channel over batch × pixels. */
    @Override
    public void probe(INDArray input, INDArray output, StatisticsProbes probes) {
        probes.addPreActivation(output, spec.side() * spec.side());
    }

    @Override
    public List<Parameter> stageWeights() {
        return List.of(weights);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    @Override
    public Layer copy(LayerContext context) {
        return new Conv(spec, weights.copy(context.dataType()), bias.copy(context.dataType()), inputGradients);
    }

    /** W as PyTorch's (out, in, 3, 3) and b as (out), with the images' side. */
    @Override
    public Optional<ExportEntry> exportEntry(BnMode mode) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("W", new ExportEntry.ArrayFile(spec.name() + "_W.npy", weights.value().transpose().dup('c'),
                spec.channelsOut(), spec.channelsIn(), ConvColumns.KERNEL, ConvColumns.KERNEL));
        fields.put("b", new ExportEntry.ArrayFile(spec.name() + "_b.npy", bias.value(), spec.channelsOut()));
        fields.put("side", spec.side());
        return Optional.of(new ExportEntry(ConvSpec.TYPE, fields));
    }

    @Override
    public void readState(ExportedLayer entry) throws IOException {
        INDArray outByTaps = Nd4j.create(weights.value().dataType(), spec.channelsOut(), (long) spec.channelsIn() * ConvColumns.TAPS);
        entry.array("W").assignTo(outByTaps);
        weights.value().assign(outByTaps.transpose());
        entry.array("b").assignTo(bias.value());
    }

    public ConvSpec spec() {
        return spec;
    }
}
