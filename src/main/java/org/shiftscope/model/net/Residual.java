// A residual block y = F(x) + shortcut(x) (He et al. 2016, arXiv 1512.03385): the body F is a list of layers run
// in order, the shortcut x itself or a projection convolution. Every pass is the sum of the body's and the
// shortcut's passes; the R-backward pass needs δ at each body layer's output, kept while δ stays the same.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

public final class Residual implements Layer {
    private final List<Layer> body;       // in forward order
    private final Layer projection;       // null for the identity shortcut
    private final boolean inputGradients;
    private INDArray[] bodyInputs;        // of the last forward pass, per body layer (batch, its in)
    private INDArray[] bodyOutputs;       // (batch, its out)
    private INDArray projected;           // the projection's output (batch, out), or null
    private INDArray deltasKey;           // the δ bodyDeltas were computed from, or null
    private INDArray[] bodyDeltas;        // dLoss/dOut at each body layer's output for that δ (batch, its out)

    Residual(List<Layer> body, Layer projection, boolean inputGradients) {
        this.body = List.copyOf(body);
        this.projection = projection;
        this.inputGradients = inputGradients;
    }

    @Override
    public INDArray forward(INDArray x, Pass pass) {                   // (batch, in)
        deltasKey = null;
        bodyInputs = new INDArray[body.size()];
        bodyOutputs = new INDArray[body.size()];
        INDArray h = x;
        for (int k = 0; k < body.size(); k++) {
            bodyInputs[k] = h;
            h = body.get(k).forward(h, pass);                          // (batch, its out)
            bodyOutputs[k] = h;
        }
        projected = projection == null ? null : projection.forward(x, pass);  // (batch, out)
        return h.add(projected == null ? x : projected);               // (batch, out), the body's output untouched
    }

    @Override
    public INDArray backward(INDArray dOut) {                          // (batch, out)
        INDArray shortcut = projection == null ? dOut : projection.backward(dOut);   // (batch, in) or null
        INDArray d = dOut;
        for (int k = body.size() - 1; k >= 0; k--) {
            d = body.get(k).backward(d);
        }
        return inputGradients ? d.add(shortcut) : null;                 // (batch, in)
    }

    @Override
    public INDArray backwardInput(INDArray dOut) {
        if (!inputGradients) {
            return null;
        }
        INDArray shortcut = projection == null ? dOut : projection.backwardInput(dOut);
        return body.get(0).backwardInput(bodyDeltas(dOut)[0]).add(shortcut);
    }

    /**
     * δ at each body layer's output for δ at the block's output, by the body's backwardInput; kept until the next
     * forward pass, since the Hessian's products reuse one ValuePass's δ many times.
     */
    private INDArray[] bodyDeltas(INDArray delta) {
        if (delta != deltasKey) {
            int last = body.size() - 1;
            bodyDeltas = new INDArray[body.size()];
            bodyDeltas[last] = delta;
            for (int k = last; k > 0; k--) {
                bodyDeltas[k - 1] = body.get(k).backwardInput(bodyDeltas[k]);     // (batch, body layer k's in)
            }
            deltasKey = delta;
        }
        return bodyDeltas;
    }

    /** ẏ = Ḟ + ẋ (identity) or Ḟ + projection's tangent; a null tangent is zero. */
    @Override
    public INDArray forwardTangent(INDArray inputTangents, int block) {   // (b·batch, in) or null
        INDArray t = inputTangents;
        for (Layer layer : body) {
            t = layer.forwardTangent(t, block);                            // (b·batch, its out)
        }
        return sum(t, projection == null ? inputTangents : projection.forwardTangent(inputTangents, block));
    }

    /** R{dx} = the body's R{dx} + the shortcut's (δ̇ itself for the identity). */
    @Override
    public INDArray backwardTangent(INDArray delta, INDArray deltaTangents, int block) {  // δ (batch, out)
        INDArray shortcut = projection == null ? deltaTangents : projection.backwardTangent(delta, deltaTangents, block);
        INDArray[] deltas = bodyDeltas(delta);
        INDArray dt = deltaTangents;                                       // (b·batch, out)
        for (int k = body.size() - 1; k >= 0; k--) {
            dt = body.get(k).backwardTangent(deltas[k], dt, block);        // (b·batch, body layer k's in)
        }
        return inputGradients ? sum(dt, shortcut) : null;                  // (b·batch, in)
    }

    /** a + b as a new array, either of them null standing for zeros (null when both are). */
    private static INDArray sum(INDArray a, INDArray b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    @Override
    public List<Parameter> parameters() {
        var all = new ArrayList<Parameter>();
        inner().forEach(layer -> all.addAll(layer.parameters()));
        return all;
    }

    /** The body's layers, then the projection if there is one. */
    private List<Layer> inner() {
        if (projection == null) {
            return body;
        }
        var all = new ArrayList<>(body);
        all.add(projection);
        return all;
    }

    @Override
    public Layer copy(LayerContext context) {
        return new Residual(body.stream().map(layer -> layer.copy(context)).toList(),
                projection == null ? null : projection.copy(context), inputGradients);
    }

    /** The body's entries as a list (bypassed layers left out), then the projection's entry. */
    @Override
    public Optional<ExportEntry> exportEntry(BnMode mode) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("body", ExportEntry.entries(body, mode));
        if (projection != null) {
            fields.put("projection", projection.exportEntry(mode).orElseThrow());
        }
        return Optional.of(new ExportEntry(ResidualSpec.TYPE, fields));
    }

    /** The spec was read from this entry, so its body entries are the body's layers one to one. */
    @Override
    public void readState(ExportedLayer entry) throws IOException {
        var entries = entry.entries("body");
        for (int k = 0; k < body.size(); k++) {
            body.get(k).readState(entries.get(k));
        }
        if (projection != null) {
            projection.readState(entry.entry("projection").orElseThrow());
        }
    }

    /** What the body's layers show of the last forward pass, in order; the projection is a shortcut, not a stage. */
    @Override
    public void probe(INDArray input, INDArray output, StatisticsProbes probes) {
        for (int k = 0; k < body.size(); k++) {
            body.get(k).probe(bodyInputs[k], bodyOutputs[k], probes);
        }
    }

    @Override
    public List<Parameter> stageWeights() {
        var weights = new ArrayList<Parameter>();
        body.forEach(layer -> weights.addAll(layer.stageWeights()));
        return weights;
    }

    @Override
    public void setBnMode(BnMode mode) {
        inner().forEach(layer -> layer.setBnMode(mode));
    }

    @Override
    public void setStatisticsGroupRows(int rows) {
        inner().forEach(layer -> layer.setStatisticsGroupRows(rows));
    }
}
