// One layer entry of a model export as a reader hands it to the layer's spec and the built layer: its
// fields checked and its arrays loaded, with errors that name the export's file.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

public interface ExportedLayer {
    /** An array an entry names: the file, its shape as stored and its values widened to double. */
    record Array(String file, long[] shape, double[] values) {
        public long elements() {
            return values.length;
        }

        /** Overwrites target, which has as many elements, with these values in row-major order, cast to its type. */
        public void assignTo(INDArray target) {
            target.assign(Nd4j.create(values, target.shape(), DataType.DOUBLE).castTo(target.dataType()));
        }
    }

    /** The entry's "type" field. */
    String type();

    /** How many entries of the same type come before this one: 0 for the first dense layer. */
    int ordinal();

    /** "dense layer 0": how error messages name the entry. */
    default String where() {
        return type() + " layer " + ordinal();
    }

    /** The array the field names; its values are all finite. */
    Array array(String field) throws IOException;

    /** A text field, "" when absent. */
    String text(String field) throws IOException;

    /** A number field in [min, max]; {@code fallback} when absent. */
    double number(String field, double fallback, double min, double max) throws IOException;

    /** A positive finite number field; {@code fallback} when absent. */
    double positive(String field, double fallback) throws IOException;

    /**
     * The layer entries a field lists in order (a block's body). Each is numbered by {@link #ordinal()} among all
     * the export's entries of its type, in forward order, so specs read them in that order: body, then projection.
     */
    List<ExportedLayer> entries(String field) throws IOException;

    /** The layer entry a field holds (a block's projection), numbered as above; empty when absent. */
    Optional<ExportedLayer> entry(String field) throws IOException;

    /** An error about this export, naming its file. */
    IOException problem(String message);
}
