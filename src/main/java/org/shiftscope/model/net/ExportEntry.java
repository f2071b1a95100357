// One layer as a model export writes it: its arch.json "type", then its fields in order. A field holds a
// string, a number, an ArrayFile, which the export writes as a .npy file and names in the field, or the nested
// entries of a block's layers: one ExportEntry (a JSON object) or a List of them (a JSON array).
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** @param fields in arch.json order (a LinkedHashMap) */
public record ExportEntry(String type, Map<String, Object> fields) {

    /** The entries of these layers in BN mode {@code mode}, in order, leaving out those bypassed in it. */
    public static List<ExportEntry> entries(List<Layer> layers, BnMode mode) {
        return layers.stream().map(layer -> layer.exportEntry(mode)).flatMap(Optional::stream).toList();
    }

    /** An array to write to {@code file} with that shape (its elements in row-major order). */
    public record ArrayFile(String file, INDArray values, long... shape) {
    }
}
