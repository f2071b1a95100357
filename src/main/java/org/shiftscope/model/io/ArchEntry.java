// One entry of an export's "layers" list, as its layer spec and layer read it: fields checked by the
// reader's rules, each array loaded once, every error naming arch.json.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.shiftscope.model.net.ExportedLayer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

final class ArchEntry implements ExportedLayer {
    private final ModelExportReader reader;
    private final JsonNode node;
    private final String type;
    private final int ordinal;
    private final Map<String, Array> arrays = new HashMap<>();

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
