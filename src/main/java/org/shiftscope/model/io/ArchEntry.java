// One entry of an export's "layers" list, or nested in a block's entry, as its layer spec and layer read it:
// fields checked by the reader's rules, each array and nested entry loaded once, every error naming arch.json.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.shiftscope.model.net.ExportedLayer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class ArchEntry implements ExportedLayer {
    private final ModelExportReader reader;
    private final JsonNode node;
    private final String type;
    private final int ordinal;
    private final Map<String, Array> arrays = new HashMap<>();
    private final Map<String, List<ExportedLayer>> nested = new HashMap<>();

    ArchEntry(ModelExportReader reader, JsonNode node, String type, int ordinal) {
        this.reader = reader;
        this.node = node;
        this.type = type;
        this.ordinal = ordinal;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int ordinal() {
        return ordinal;
    }

    @Override
    public Array array(String field) throws IOException {
        var loaded = arrays.get(field);
        if (loaded == null) {
            var array = reader.array(node, field, where());
            loaded = new Array(node.path(field).asText(), array.shape(), array.values());
            arrays.put(field, loaded);
        }
        return loaded;
    }

    @Override
    public List<ExportedLayer> entries(String field) throws IOException {
        return nested(field, true);
    }

    @Override
    public Optional<ExportedLayer> entry(String field) throws IOException {
        return node.has(field) ? Optional.of(nested(field, false).get(0)) : Optional.empty();
    }

    /**
     * The entries of a field holding a list of layer entries or one, numbered by the reader when first asked for:
     * the order the spec reads them in is the forward order the ordinals count in.
     */
    private List<ExportedLayer> nested(String field, boolean list) throws IOException {
        var loaded = nested.get(field);
        if (loaded == null) {
            JsonNode value = node.path(field);
            var items = new ArrayList<JsonNode>();
            if (list) {
                value.forEach(items::add);
            } else {
                items.add(value);
            }
            if (list != value.isArray() || items.stream().anyMatch(item -> !item.isObject())) {
                throw problem(where() + "'s " + field + " must be " + (list ? "a list of layer entries" : "a layer entry")
                        + " (found " + JsonKinds.describe(value) + ")");
            }
            loaded = new ArrayList<>();
            for (JsonNode item : items) {
                loaded.add(reader.entry(item));
            }
            nested.put(field, loaded);
        }
        return loaded;
    }

    @Override
    public String text(String field) {
        return node.path(field).asText("");
    }

    @Override
    public double number(String field, double fallback, double min, double max) throws IOException {
        return reader.number(node, field, where() + "'s " + field, fallback, min, max);
    }

    @Override
    public double positive(String field, double fallback) throws IOException {
        return reader.positive(node, field, where(), fallback);
    }

    @Override
    public IOException problem(String message) {
        return reader.problem(message);
    }
}
