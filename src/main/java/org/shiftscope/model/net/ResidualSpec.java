// TEMPORARY placeholder until the residual branch merges (not to be committed).
package org.shiftscope.model.net;

import java.util.List;

public record ResidualSpec(int index, List<LayerSpec> body, ConvSpec projection) implements LayerSpec {
    public int inputs() { return body.get(0).inputs(); }
    public int outputs() { return body.get(body.size() - 1).outputs(); }
    public Layer build(LayerContext context) { throw new UnsupportedOperationException(); }
}
