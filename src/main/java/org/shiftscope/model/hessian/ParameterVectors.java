// Flattens a network's active parameters (and their gradients) into one float64 vector and back, in the
// fixed order of Network.parameters(): the coordinates of the Hessian.
package org.shiftscope.model.hessian;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.net.Parameter;

import java.util.List;
import java.util.function.Function;

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
        return concatenate(parameters, Parameter::value);
    }

    public static double[] gradients(List<Parameter> parameters) {
        return concatenate(parameters, Parameter::gradient);
    }

    /** The accumulated Hessian-vector product slices. */
    public static double[] curvatures(List<Parameter> parameters) {
        return concatenate(parameters, Parameter::curvature);
    }

    public static void assign(List<Parameter> parameters, double[] values) {
        scatter(parameters, values, Parameter::value);
    }

    /** Sets every parameter's direction() to its slice of v. */
    public static void assignDirections(List<Parameter> parameters, double[] v) {
        scatter(parameters, v, Parameter::direction);
    }

    private static double[] concatenate(List<Parameter> parameters, Function<Parameter, INDArray> part) {
        var out = new double[dimension(parameters)];
        int offset = 0;
        for (Parameter p : parameters) {
            double[] g = part.apply(p).dup('c').data().asDouble();
            System.arraycopy(g, 0, out, offset, g.length);
            offset += g.length;
        }
        return out;
    }

    private static void scatter(List<Parameter> parameters, double[] values, Function<Parameter, INDArray> part) {
        int offset = 0;
        for (Parameter p : parameters) {
            INDArray target = part.apply(p);
            int n = (int) p.size();
            var slice = new double[n];
            System.arraycopy(values, offset, slice, 0, n);
            target.assign(Nd4j.create(slice, target.shape(), DataType.DOUBLE).castTo(target.dataType()));
            offset += n;
        }
    }
}
