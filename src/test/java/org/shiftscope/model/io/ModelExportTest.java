// Writing a model export: the MLP's arch.json keeps its layer entries (type and fields in order, file names),
// and a network's spec list and weights round-trip through the export and ModelExportReader.
package org.shiftscope.model.io;

import org.shiftscope.model.net.GroupNormSpec;

import org.shiftscope.model.net.ChannelBatchNormSpec;

import org.shiftscope.model.net.PoolSpec;

import org.shiftscope.model.net.ConvSpec;

import org.junit.jupiter.api.Test;

import org.shiftscope.model.net.LayerNormSpec;

import org.shiftscope.model.net.DenseSpec;

import org.shiftscope.model.net.ActivationSpec;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ModelExportTest {
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

    private static List<String> names(List<Parameter> parameters) {
        return parameters.stream().map(Parameter::name).toList();
    }

    private static double[] values(INDArray a) {
        return a.dup('c').data().asDouble();
    }
}
