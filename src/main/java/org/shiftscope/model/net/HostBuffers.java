// Direct access to the host buffers of contiguous C-order ND4J arrays, for loops that stream through them in
// bulk copies (FloatBuffer/DoubleBuffer get and put of whole rows). Host copies are synchronised explicitly
// (AffinityManager), as in RowMajor, so that the CUDA backend reads and writes current data.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

final class HostBuffers {
    private HostBuffers() {
    }

    /** a itself when its elements lie one after another in row-major order, else a C-order copy; current on the host. */
    static INDArray readable(INDArray a) {
        INDArray dense = a.ordering() == 'c' && a.elementWiseStride() == 1 ? a : a.dup('c');
        Nd4j.getAffinityManager().ensureLocation(dense, AffinityManager.Location.HOST);
        return dense;
    }

    /** A new C-order (rows, cols) array (in the current workspace, if any) to be filled through its host buffer. */
    static INDArray writable(DataType type, long rows, long cols) {
        INDArray result = Nd4j.createUninitialized(type, new long[]{rows, cols}, 'c');
        Nd4j.getAffinityManager().ensureLocation(result, AffinityManager.Location.HOST);
        return result;
    }

    /** Marks a's host copy as the current one after writing it; returns a. */
    static INDArray written(INDArray a) {
        Nd4j.getAffinityManager().tagLocation(a, AffinityManager.Location.HOST);
        return a;
    }

    /** The whole underlying buffer: a's elements start at a.offset(). */
    static FloatBuffer floats(INDArray a) {
        return a.data().asNioFloat();
    }

    static DoubleBuffer doubles(INDArray a) {
        return a.data().asNioDouble();
    }
}
