// Matrix products through BLAS gemm into a fresh C-order result: INDArray.mmul on C-order operands goes
// through an F-order temporary and an extra copy.
package org.shiftscope.model.net;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

public final class Matrices {
    private Matrices() {
    }

    /** op(a)·op(b), op = transpose where asked. */
    public static INDArray multiply(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        long rows = transposeA ? a.size(1) : a.size(0);
        long cols = transposeB ? b.size(0) : b.size(1);
        INDArray c = Nd4j.createUninitialized(a.dataType(), new long[]{rows, cols}, 'c');
        return Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
    }

    public static INDArray multiply(INDArray a, INDArray b) {
        return multiply(a, b, false, false);
    }
}
