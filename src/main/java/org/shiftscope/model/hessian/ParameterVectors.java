// Flattens a network's active parameters (and their gradients) into one float64 vector and back, in the
// fixed order of Network.parameters(): the coordinates of the Hessian.
package org.shiftscope.model.hessian;

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
            p.addValueTo(out, offset);
            offset += (int) p.size();
        }
        return out;
    }

    public static double[] gradients(List<Parameter> parameters) {
        var out = new double[dimension(parameters)];
        int offset = 0;
        for (Parameter p : parameters) {
            p.addGradientTo(out, offset);
            offset += (int) p.size();
        }
        return out;
    }

    public static void assign(List<Parameter> parameters, double[] values) {
        int offset = 0;
        for (Parameter p : parameters) {
            p.setValue(values, offset);
            offset += (int) p.size();
        }
    }

    /** Sets every parameter's directions(b) to its slices of the b vectors. */
    public static void assignDirections(List<Parameter> parameters, double[][] vectors) {
        int offset = 0;
        for (Parameter p : parameters) {
            p.setDirections(vectors, offset);
            offset += (int) p.size();
        }
    }

    /** Adds every parameter's accumulated hvpSlices(b) (its slices of H·v_1…H·v_b) to the b sums. */
    public static void addHvpSlices(List<Parameter> parameters, double[][] sums) {
        int offset = 0;
        for (Parameter p : parameters) {
            p.addHvpSlicesTo(sums, offset);
            offset += (int) p.size();
        }
    }
}
