// One layer as a model export writes it: its arch.json "type", then its fields in order. A field holds a
// string, a number or an ArrayFile, which the export writes as a .npy file and names in the field.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** @param fields in arch.json order (a LinkedHashMap) */
public record ExportEntry(String type, Map<String, Object> fields) {

    /** An array to write to {@code file} with that shape (its elements in row-major order). */
    public record ArrayFile(String file, INDArray values, long... shape) {
    }
}
