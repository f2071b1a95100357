// Writing a model export: the MLP's arch.json keeps its layer entries (type and fields in order, file names),
// a residual block nests its layers' entries, and a network's spec list and weights round-trip through the
// export and ModelExportReader (a residual network with the same loss and Hessian-vector product).
package org.shiftscope.model.io;

import org.shiftscope.model.net.GroupNormSpec;

import org.shiftscope.model.net.ChannelBatchNormSpec;

import org.shiftscope.model.net.PoolSpec;

import org.shiftscope.model.net.ConvSpec;

import org.junit.jupiter.api.Test;

import org.shiftscope.model.net.LayerNormSpec;

import org.shiftscope.model.net.DenseSpec;

import org.shiftscope.model.net.ActivationSpec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BatchNorm;
import org.shiftscope.model.net.BatchNormSpec;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.LayerSpec;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.Parameter;
import org.shiftscope.model.net.Pass;
import org.shiftscope.model.net.ResidualSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelExportTest {
    /** Loss and H·v of a network read back against the one written: the same float64 sums in the same order. */
    private static final double SAME_VALUES_TOLERANCE = 1e-12;
    private static final int INPUTS = 4;
    private static final int CLASSES = 3;
    private static final float[] FEATURES = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f};
    private static final int[] LABELS = {2, 0};

    @TempDir
    Path export;

    private Network network(int depth, BnMode mode) {
        var spec = new NetworkSpec(INPUTS, CLASSES, depth, 5, ActivationFunction.RELU, Initialization.HE, 3);
        var network = new Network(spec, mode, DataType.DOUBLE);
        for (BatchNorm norm : network.layersOf(BatchNorm.class)) {   // away from γ = 1, β = 0, μ = 0, σ² = 1
            norm.allParameters().forEach(p -> p.value().addi(0.5));
            norm.runningMean().addi(0.25);
            norm.runningVariance().addi(2.0);
        }
        return network;
    }

    private void write(Network network, BnMode mode) throws IOException {
        ModelExport.write(export, network, mode, 2, 0, new Examples(FEATURES, LABELS, LABELS.length, INPUTS), 1.0, 5);
    }

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void theMlpLayerEntriesKeepTheirFormat(BnMode mode) throws IOException {
        write(network(1, mode), mode);

        String layers = Json.mapper().readTree(export.resolve(ModelExport.ARCH).toFile()).get("layers").toString();

        String batchNorm = mode == BnMode.OFF ? "" : "{\"type\":\"batchnorm\",\"gamma\":\"bn0_gamma.npy\",\"beta\":"
                + "\"bn0_beta.npy\",\"running_mean\":\"bn0_running_mean.npy\",\"running_var\":\"bn0_running_var.npy\","
                + "\"eps\":1.0E-5,\"momentum\":0.1},";
        assertEquals("[{\"type\":\"dense\",\"W\":\"W0.npy\",\"b\":\"b0.npy\"}," + batchNorm
                + "{\"type\":\"activation\",\"fn\":\"relu\"},{\"type\":\"dense\",\"W\":\"W1.npy\",\"b\":\"b1.npy\"}]", layers);
    }

    @ParameterizedTest
    @EnumSource(BnMode.class)
    void aSpecListAndItsWeightsRoundTrip(BnMode mode) throws IOException {
        var network = network(3, mode);
        write(network, mode);

        var loaded = ModelExport.read(export).network();

        List<LayerSpec> expected = network.spec().layers().stream()
                .filter(layer -> mode != BnMode.OFF || !(layer instanceof BatchNormSpec)).toList();
        assertEquals(expected, loaded.spec().layers());
        assertEquals(mode, loaded.bnMode());
        assertEquals(names(network.parameters()), names(loaded.parameters()));
        for (int i = 0; i < network.parameters().size(); i++) {
            assertArrayEquals(values(network.parameters().get(i).value()), values(loaded.parameters().get(i).value()));
        }
        var norms = loaded.layersOf(BatchNorm.class);
        for (int i = 0; i < norms.size(); i++) {
            var norm = network.layersOf(BatchNorm.class).get(i);
            assertArrayEquals(values(norm.runningMean()), values(norms.get(i).runningMean()), "running mean " + i);
            assertArrayEquals(values(norm.runningVariance()), values(norms.get(i).runningVariance()), "running variance " + i);
        }
    }

    @Test
    void aLayerNormNetworkAndItsWeightsRoundTrip() throws IOException {
        var layers = List.<LayerSpec>of(new DenseSpec(0, INPUTS, 5), new LayerNormSpec(0, 5, 1e-5),
                new ActivationSpec(ActivationFunction.TANH, 5), new DenseSpec(1, 5, CLASSES));
        var network = new Network(new NetworkSpec(layers, Initialization.HE, 3), BnMode.ON, DataType.DOUBLE);
        network.parameters().forEach(p -> p.value().addi(0.5));
        write(network, BnMode.ON);

        var loaded = ModelExport.read(export).network();

        assertEquals(layers, loaded.spec().layers());
        assertEquals(names(network.parameters()), names(loaded.parameters()));
        for (int i = 0; i < network.parameters().size(); i++) {
            assertArrayEquals(values(network.parameters().get(i).value()), values(loaded.parameters().get(i).value()));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolSpec.Kind.class)
    void aConvolutionalNetworkAndItsWeightsRoundTrip(PoolSpec.Kind pooling) throws IOException {
        var layers = List.<LayerSpec>of(new ConvSpec(0, 1, 3, 2), new ChannelBatchNormSpec(0, 3, 2, 1e-5, 0.1),
                new ActivationSpec(ActivationFunction.RELU, 12), new GroupNormSpec(0, 3, 2, 3, 1e-5),
                new ConvSpec(1, 3, 2, 2), new PoolSpec(pooling, 2, 2), new DenseSpec(0, 2, CLASSES));
        var network = new Network(new NetworkSpec(layers, Initialization.HE, 3), BnMode.ON, DataType.DOUBLE);
        network.parameters().forEach(p -> p.value().addi(0.5));
        write(network, BnMode.ON);

        var loaded = ModelExport.read(export).network();

        assertEquals(layers, loaded.spec().layers());
        for (int i = 0; i < network.parameters().size(); i++) {
            assertArrayEquals(values(network.parameters().get(i).value()), values(loaded.parameters().get(i).value()),
                    network.parameters().get(i).name());
        }
    }

    /**
     * conv(1→2) → BN → softplus → residual[conv(2→2) → BN → tanh] → residual[conv(2→3) → BN → softplus] with a
     * projection conv(2→3) → global average → dense(3→3) on the 2×2 images of FEATURES.
     */
    private static List<LayerSpec> resnet() {
        return List.of(new ConvSpec(0, 1, 2, 2), new ChannelBatchNormSpec(0, 2, 2, 1e-5, 0.1),
                new ActivationSpec(ActivationFunction.SOFTPLUS, 8),
                new ResidualSpec(0, List.of(new ConvSpec(1, 2, 2, 2), new ChannelBatchNormSpec(1, 2, 2, 1e-5, 0.1),
                        new ActivationSpec(ActivationFunction.TANH, 8)), null),
                new ResidualSpec(1, List.of(new ConvSpec(2, 2, 3, 2), new ChannelBatchNormSpec(2, 3, 2, 1e-5, 0.1),
                        new ActivationSpec(ActivationFunction.SOFTPLUS, 12)), new ConvSpec(3, 2, 3, 2)),
                new PoolSpec(PoolSpec.Kind.GLOBAL_AVERAGE, 3, 2), new DenseSpec(0, 3, CLASSES));
    }

    /** The resnet in {@code mode}, its running statistics moved by a training step and its parameters by noise. */
    private static Network resnet(BnMode mode) {
        var network = new Network(new NetworkSpec(resnet(), Initialization.HE, 3), BnMode.ON, DataType.DOUBLE);
        network.forward(Batches.features(evalSet(), Batches.range(0, LABELS.length), DataType.DOUBLE), Pass.TRAINING_STEP);
        network.setBnMode(mode);
        var random = new Random(11);
        network.parameters().forEach(p -> {
            for (int k = 0; k < p.size(); k++) {
                p.value().putScalar(k, p.value().getDouble(k) + 0.3 * random.nextGaussian());
            }
        });
        return network;
    }

    private static Examples evalSet() {
        return new Examples(FEATURES, LABELS, LABELS.length, INPUTS);
    }

    @Test
    void aResidualBlockNestsItsLayersEntries() throws IOException {
        write(resnet(BnMode.ON), BnMode.ON);

        String block = Json.mapper().readTree(export.resolve(ModelExport.ARCH).toFile()).get("layers").get(4).toString();

        assertEquals("{\"type\":\"residual\",\"body\":[{\"type\":\"conv3x3\",\"W\":\"conv2_W.npy\",\"b\":"
                + "\"conv2_b.npy\",\"side\":2},{\"type\":\"batchnorm2d\",\"gamma\":\"bn2d2_gamma.npy\",\"beta\":"
                + "\"bn2d2_beta.npy\",\"running_mean\":\"bn2d2_running_mean.npy\",\"running_var\":\"bn2d2_running_var.npy\","
                + "\"eps\":1.0E-5,\"momentum\":0.1,\"side\":2},{\"type\":\"activation\",\"fn\":\"softplus\"}],"
                + "\"projection\":{\"type\":\"conv3x3\",\"W\":\"conv3_W.npy\",\"b\":\"conv3_b.npy\",\"side\":2}}", block);
    }

    /** arch.json's notes tell a reader how to rebuild every entry type the export holds, nested ones too. */
    @Test
    void theNotesDescribeEveryEntryTypeOfTheExport() throws IOException {
        write(resnet(BnMode.ON), BnMode.ON);

        var arch = Json.mapper().readTree(export.resolve(ModelExport.ARCH).toFile());
        var types = new java.util.TreeSet<String>();
        arch.get("layers").findValues("type").forEach(type -> types.add(type.asText()));
        String notes = arch.get("notes").asText();

        assertTrue(types.size() >= 6, "the resnet holds convolutions, BN, activations, pooling, a block and dense: " + types);
        for (String type : types) {
            assertTrue(notes.contains(type + ":") || notes.contains(type + " "), "notes describe '" + type + "': " + notes);
        }
    }

    /** With BN off the BN entries, nested ones too, are left out, and the network is read back without them. */
    @ParameterizedTest
    @EnumSource(BnMode.class)
    void aResidualNetworkRoundTripsWithTheSameLossAndProducts(BnMode mode) throws IOException {
        var network = resnet(mode);
        write(network, mode);

        var loaded = ModelExport.read(export).network();

        if (mode != BnMode.OFF) {
            assertEquals(network.spec().layers(), loaded.spec().layers());
        }
        assertEquals(names(network.parameters()), names(loaded.parameters()));
        double[] expected = lossAndProduct(network);
        double[] got = lossAndProduct(loaded);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], got[k], SAME_VALUES_TOLERANCE * Math.max(1, Math.abs(expected[k])), "value " + k);
        }
    }

    /** The eval set's mean loss, then H·v for v_k = sin(k + 1) over all parameters in order. */
    private static double[] lossAndProduct(Network network) {
        int dimension = network.parameters().stream().mapToInt(p -> (int) p.size()).sum();
        var v = new double[1][dimension];
        for (int k = 0; k < dimension; k++) {
            v[0][k] = Math.sin(k + 1);
        }
        int offset = 0;
        for (Parameter p : network.parameters()) {
            p.setDirections(v, offset);
            offset += (int) p.size();
        }
        network.zeroHvpSlices(1);
        var result = new double[1][dimension + 1];
        result[0][dimension] = network.hessianVectorProducts(Batches.features(evalSet(), Batches.range(0, LABELS.length),
                DataType.DOUBLE), LABELS, Pass.BATCH_STATISTICS, 1.0, 1);
        offset = 0;
        for (Parameter p : network.parameters()) {
            p.addHvpSlicesTo(result, offset);
            offset += (int) p.size();
        }
        return result[0];
    }

    @Test
    void aResidualBodyThatDoesNotChainIsRefusedInOneLine() throws IOException {
        write(resnet(BnMode.ON), BnMode.ON);
        var arch = (ObjectNode) Json.mapper().readTree(export.resolve(ModelExport.ARCH).toFile());
        ((ObjectNode) arch.get("layers").get(3).get("body").get(0)).put("W", "conv2_W.npy").put("b", "conv2_b.npy"); // 2 → 3
        Json.mapper().writeValue(export.resolve(ModelExport.ARCH).toFile(), arch);

        var error = assertThrows(IOException.class, () -> ModelExport.read(export));

        assertTrue(error.getMessage().startsWith(export.resolve(ModelExport.ARCH).toString()), error.getMessage());
        assertTrue(error.getMessage().contains("batchnorm2d layer 1 normalises 2 channels"), error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
    }

    private static List<String> names(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::name).toList();
    }

    private static double[] values(INDArray a) {
        return a.dup('c').data().asDouble();
    }
}
