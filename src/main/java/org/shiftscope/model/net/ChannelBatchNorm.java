// Batch Normalization per channel of a convolution's output (Ioffe & Szegedy 2015, Section 3.2): the rows
// (batch, channels·side²) become one row per pixel (ConvColumns), so the ordinary BatchNorm, with its modes,
// statistics groups and R-operator passes, normalises each channel over batch × height × width.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class ChannelBatchNorm implements Layer {
    private final ChannelBatchNormSpec spec;
    private final BatchNorm norm;

    ChannelBatchNorm(ChannelBatchNormSpec spec, BatchNorm norm) {
        this.spec = spec;
        this.norm = norm;
    }

    private INDArray pixels(INDArray rows) {              // (m, c·s²) → (m·s², c)
        return rows == null ? null : ConvColumns.pixelRows(rows, spec.channels(), spec.side());
    }

    private INDArray examples(INDArray pixelRows) {       // (m·s², c) → (m, c·s²)
        return pixelRows == null ? null : ConvColumns.exampleRows(pixelRows, spec.channels(), spec.side());
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {
        return examples(norm.forward(pixels(x), pass));
    }

    @Override
    public INDArray backward(INDArray dOut) {
        return examples(norm.backward(pixels(dOut)));
    }

    @Override
    public INDArray backwardInput(INDArray dOut) {
        return examples(norm.backwardInput(pixels(dOut)));
    }

    @Override
    public INDArray forwardTangent(INDArray inputTangents, int block) {
        return examples(norm.forwardTangent(pixels(inputTangents), block));
    }

    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangents, int block) {
        return examples(norm.backwardTangent(pixels(delta), pixels(deltaTangents), block));
    }

    @Override
    public List<Parameter> parameters() {
        return norm.parameters();
    }

    @Override
    public Layer copy(LayerContext context) {
        return new ChannelBatchNorm(spec, (BatchNorm) norm.copy(context));
    }

    /** The BatchNorm entry with this layer's type, file names and side; nothing when BN is off. */
    @Override
    public Optional<ExportEntry> exportEntry(BnMode mode) {
        return norm.exportEntry(mode).map(entry -> {
            var fields = new LinkedHashMap<String, Object>();
            entry.fields().forEach((name, value) -> fields.put(name, value instanceof ExportEntry.ArrayFile file
                    ? new ExportEntry.ArrayFile(spec.name() + "_" + name + ".npy", file.values(), file.shape()) : value));
            fields.put("side", spec.side());
            return new ExportEntry(ChannelBatchNormSpec.TYPE, fields);
        });
    }

    @Override
    public void readState(ExportedLayer entry) throws IOException {
        norm.readState(entry);
    }

    @Override
    public void setBnMode(BnMode mode) {
        norm.setBnMode(mode);
    }

    /** Groups of examples hold side² pixel rows each. */
    @Override
    public void setStatisticsGroupRows(int rows) {
        norm.setStatisticsGroupRows(rows * spec.side() * spec.side());
    }

    public ChannelBatchNormSpec spec() {
        return spec;
    }

    /** The per-channel BatchNorm inside: its mode and running averages. */
    public BatchNorm norm() {
        return norm;
    }
}
