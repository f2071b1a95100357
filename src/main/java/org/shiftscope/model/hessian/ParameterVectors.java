// Flattens a network's active parameters (and their gradients) into one float64 vector and back, in the
// fixed order of Network.parameters(): the coordinates of the Hessian.
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.net.Parameter;

import java.util.List;

public final class ParameterVectors {
    private ParameterVectors() {
    }

    public static int dimension(List<Parameter> parameters) {
        long n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many parameters for a dense vector: " + n);
        }
        return (int) n;
    }

    public static double[] values(List<Parameter> parameters) {
        var out = new double[dimension(parameters)];
        int offset = 0;
        for (Parameter p : parameters) {
            double[] v = p.value().dup('c').data().asDouble();
            System.arraycopy(v, 0, out, offset, v.length);
            offset += v.length;
        }
        return out;
    }

    public static double[] gradients(List<Parameter> parameters) {
        var out = new double[dimension(parameters)];
        int offset = 0;
        for (Parameter p : parameters) {
            double[] g = p.gradient().dup('c').data().asDouble();
            System.arraycopy(g, 0, out, offset, g.length);
            offset += g.length;
        }
        return out;
    }

    public static void assign(List<Parameter> parameters, double[] values) {
        int offset = 0;
        for (Parameter p : parameters) {
            int n = (int) p.size();
            var slice = new double[n];
            System.arraycopy(values, offset, slice, 0, n);
            p.value().assign(Nd4j.create(slice, p.value().shape(), DataType.DOUBLE).castTo(p.value().dataType()));
            offset += n;
        }
    }
}
