// An element-wise nonlinearity layer as data: its function and the units it maps one to one.
package org.shiftscope.model.net;

import java.io.IOException;

public record ActivationSpec(ActivationFunction function, int units) implements LayerSpec {
    static final String TYPE = "activation";

    public ActivationSpec {
        if (units < 1) {
            throw new IllegalArgumentException("an activation layer needs units ≥ 1");
        }
    }

    @Override
    public int inputs() {
        return units;
    }

    @Override
    public int outputs() {
        return units;
    }

    @Override
    public Layer build(LayerContext context) {
        return new Activation(this);
    }

    /** The "fn" field names the function; the width comes from the layer before, so it cannot be first. */
    static ActivationSpec read(ExportedLayer entry, int width) throws IOException {
        String fn = entry.text("fn");
        if (width < 0) {
            throw entry.problem(entry.where() + " comes first; a network starts with a layer that fixes the input width");
        }
        try {
            return new ActivationSpec(ActivationFunction.parse(fn), width);
        } catch (IllegalArgumentException e) {
            throw entry.problem("unknown activation '" + fn + "'");
        }
    }
}
