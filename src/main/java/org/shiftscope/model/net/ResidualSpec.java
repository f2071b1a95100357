// A residual block y = F(x) + shortcut(x) (He, Zhang, Ren & Sun 2016, "Deep Residual Learning for Image
// Recognition", arXiv 1512.03385) as data: its number among the network's blocks, the body F as layer specs in
// order, and the shortcut: x itself, or a 3×3 projection convolution when the channels change (null = identity).
package org.shiftscope.model.net;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

public record ResidualSpec(int index, List<LayerSpec> body, ConvSpec projection) implements LayerSpec {
    static final String TYPE = "residual";

    public ResidualSpec {
        if (index < 0 || body == null || body.isEmpty()) {
            throw new IllegalArgumentException("a residual block needs index ≥ 0 and at least one body layer");
        }
        body = List.copyOf(body);
        for (int i = 1; i < body.size(); i++) {
            if (body.get(i).inputs() != body.get(i - 1).outputs()) {
                throw new IllegalArgumentException("residual body layer " + i + " takes " + body.get(i).inputs()
                        + " units but body layer " + (i - 1) + " gives " + body.get(i - 1).outputs());
            }
        }
        int in = body.get(0).inputs();
        int out = body.get(body.size() - 1).outputs();
        if (projection == null && in != out) {
            throw new IllegalArgumentException("a residual block with an identity shortcut must give as many units as it "
                    + "takes, but its body takes " + in + " and gives " + out + "; it needs a projection");
        }
        if (projection != null && (projection.inputs() != in || projection.outputs() != out
                || body.get(0) instanceof ConvSpec first && first.side() != projection.side())) {
            throw new IllegalArgumentException("a residual block's projection must take and give what its body does ("
                    + in + " → " + out + " units, on the body's images), but it takes " + projection.inputs()
                    + " and gives " + projection.outputs());
        }
    }

    /** "res0": how the block is named. */
    public String name() {
        return "res" + index;
    }

    /** The widest of its body's and its projection's. */
    @Override
    public long rowValues() {
        long widest = body.stream().mapToLong(LayerSpec::rowValues).max().orElse(0);
        return projection == null ? widest : Math.max(widest, projection.rowValues());
    }

    @Override
    public int inputs() {
        return body.get(0).inputs();
    }

    @Override
    public int outputs() {
        return body.get(body.size() - 1).outputs();
    }

    /** The body's layers in order, then the projection, drawing their weights in that order. */
    @Override
    public Layer build(LayerContext context) {
        var layers = new ArrayList<Layer>();
        for (LayerSpec layer : body) {
            layers.add(layer.build(layers.isEmpty() ? context : context.following()));
        }
        return new Residual(layers, projection == null ? null : projection.build(context), !context.first());
    }

    /** "body" lists the body's entries, chaining from {@code width}; "projection", if present, is a conv3x3 entry. */
    static ResidualSpec read(ExportedLayer entry, int width) throws IOException {
        var body = new ArrayList<LayerSpec>();
        int w = width;
        for (ExportedLayer layer : entry.entries("body")) {
            var spec = LayerSpec.read(layer, w);
            body.add(spec);
            w = spec.outputs();
        }
        if (body.isEmpty()) {
            throw entry.problem(entry.where() + "'s body lists no layers; a residual block needs at least one");
        }
        var projectionEntry = entry.entry("projection");
        if (projectionEntry.isPresent() && !projectionEntry.get().type().equals(ConvSpec.TYPE)) {
            throw entry.problem(entry.where() + "'s projection is a " + projectionEntry.get().type() + " layer; it must be a "
                    + ConvSpec.TYPE + " layer");
        }
        try {
            return new ResidualSpec(entry.ordinal(), body, projectionEntry.isEmpty() ? null
                    : ConvSpec.read(projectionEntry.get(), body.get(0).inputs()));
        } catch (IllegalArgumentException e) {
            throw entry.problem(entry.where() + ": " + e.getMessage());
        }
    }
}
