// Reading a model export back: a written export round-trips, and each broken copy (bad eps, shapes that do not
// chain or have a zero size, array names pointing at folders or outside the export, unknown or misplaced layers,
// wrong field types, convolutions with too many channels) is refused with one line naming the file and the
// problem; a convolution's many values per example are not mistaken for a too-wide layer.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.config.Limits;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.ConvSpec;
import org.shiftscope.model.net.DenseSpec;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.LayerSpec;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.PoolSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelExportReaderTest {
    static final int INPUTS = 4;
    static final int CLASSES = 3;
    static final int DEPTH = 2;
    static final int WIDTH = 5;
    static final long SEED = 3L;
    static final int BN_CHUNK = 2;
    static final float[] FEATURES = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f};
    static final int[] LABELS = {2, 0};
    static final double EVAL_LOSS = 1.25;
    static final long STEP = 7;

    @TempDir
    Path export;

    @Test
    void aWrittenExportReadsBack() throws IOException {
        writeExport();

        var loaded = ModelExport.read(export);

        assertEquals(BnMode.ON, loaded.bnMode());
        assertEquals(BN_CHUNK, loaded.bnChunk());
        assertEquals(EVAL_LOSS, loaded.evalLoss());
        assertArrayEquals(LABELS, loaded.evalSet().labels());
        assertEquals(INPUTS, loaded.network().spec().inputs());
        assertEquals(CLASSES, loaded.network().spec().classes());
        assertEquals(OptionalLong.of(STEP), loaded.step());
    }

    @Test
    void anExportWithoutAStepReadsWithTheStepUnknown() throws IOException {
        writeExport();
        var arch = (ObjectNode) Json.mapper().readTree(export.resolve(ModelExport.ARCH).toFile());
        arch.remove("step");
        Json.mapper().writeValue(export.resolve(ModelExport.ARCH).toFile(), arch);

        var loaded = ModelExport.read(export);

        assertEquals(OptionalLong.empty(), loaded.step());
        assertEquals(BN_CHUNK, loaded.bnChunk());
    }

    static Stream<Arguments> brokenExports() {
        return Stream.of(
                Arguments.of("negative eps", edit(a -> norm(a).put("eps", -1.0)), "eps must be a positive number"),
                Arguments.of("eps as a string", edit(a -> norm(a).put("eps", "abc")), "the string \"abc\""),
                Arguments.of("bn_chunk as a string", edit(a -> a.put("bn_chunk", "x")), "bn_chunk must be a whole number"),
                Arguments.of("W naming the export folder", edit(a -> dense(a, 0).put("W", "")), "W must name a .npy file"),
                Arguments.of("W naming a file outside", edit(a -> dense(a, 0).put("W", "../../../etc/passwd")),
                        "must name a file inside"),
                Arguments.of("W naming a sub-folder", edit(a -> dense(a, 0).put("W", "sub")), "is a folder"),
                Arguments.of("a zero width", edit(a -> dense(a, 0).put("W", "zero.npy")), "sizes of at least 1"),
                Arguments.of("shapes that do not chain", edit(a -> dense(a, 1).put("W", "W0.npy")), "must chain"),
                Arguments.of("an unknown layer type", edit(a -> dense(a, 0).put("type", "conv")), "unknown layer type 'conv'"),
                Arguments.of("an activation first", edit(a -> withoutFirstLayers(a, 2)),
                        "activation layer 0 comes first"),
                Arguments.of("a batchnorm array of the wrong size", edit(a -> norm(a).put("beta", "b2.npy")),
                        "batchnorm layer 0's beta (b2.npy) has 3 values; its input width is 5"),
                Arguments.of("no classifier last", edit(a -> withoutLastLayer(a)),
                        "the last a dense layer giving the classes"),
                Arguments.of("top level null", edit(a -> a.removeAll()), "loss must be"),
                Arguments.of("layers not a list", edit(a -> a.put("layers", 3)), "layers must be a list"),
                Arguments.of("a negative step", edit(a -> a.put("step", -5)), "step must be a whole number of at least 0"),
                Arguments.of("step as a string", edit(a -> a.put("step", "500")), "the string \"500\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenExports")
    void brokenExportsAreRefusedNamingTheFile(String defect, Consumer<ObjectNode> damage, String problem)
            throws IOException {
        writeExport();
        Files.createDirectory(export.resolve("sub"));
        Npy.writeDoubles(export.resolve("zero.npy"), new double[0], INPUTS, 0);
        var arch = (ObjectNode) Json.mapper().readTree(export.resolve(ModelExport.ARCH).toFile());
        damage.accept(arch);
        Json.mapper().writeValue(export.resolve(ModelExport.ARCH).toFile(), arch);

        var error = assertThrows(IOException.class, () -> ModelExport.read(export));

        assertTrue(error.getMessage().startsWith(export.toString()), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
    }

    @Test
    void aTopLevelThatIsNotAnObjectIsRefused() throws IOException {
        writeExport();
        Files.writeString(export.resolve(ModelExport.ARCH), "null");

        var error = assertThrows(IOException.class, () -> ModelExport.read(export));

        assertTrue(error.getMessage().contains("arch.json: must hold a JSON object (found null)"), error.getMessage());
    }

    /** 2 channels of 24×24 give 1152 values per example, more than a dense layer's width may be: still read. */
    @Test
    void aConvolutionWiderThanADenseLayerMayBeIsRead() throws IOException {
        var loaded = ModelExport.read(writeConvExport(2, 24));

        assertEquals(24 * 24, loaded.network().spec().inputs());
    }

    @Test
    void aConvolutionWithTooManyChannelsIsRefused() throws IOException {
        int channels = Limits.MAX_WIDTH + 1;

        var error = assertThrows(IOException.class, () -> ModelExport.read(writeConvExport(channels, 1)));

        assertTrue(error.getMessage().endsWith("arch.json: a convolution gives " + channels + " channels; at most "
                + Limits.MAX_WIDTH + " are supported"), error.getMessage());
    }

    /** conv(1→channels) → global average → dense(channels→3) on one side×side image. */
    private Path writeConvExport(int channels, int side) throws IOException {
        var layers = List.<LayerSpec>of(new ConvSpec(0, 1, channels, side),
                new PoolSpec(PoolSpec.Kind.GLOBAL_AVERAGE, channels, side), new DenseSpec(0, channels, CLASSES));
        var network = new Network(new NetworkSpec(layers, Initialization.HE, SEED), BnMode.ON, DataType.DOUBLE);
        var evalSet = new Examples(new float[side * side], new int[]{1}, 1, side * side);
        ModelExport.write(export, network, BnMode.ON, BN_CHUNK, 0, evalSet, EVAL_LOSS, STEP);
        return export;
    }

    private void writeExport() throws IOException {
        var spec = new NetworkSpec(INPUTS, CLASSES, DEPTH, WIDTH, ActivationFunction.RELU, Initialization.HE, SEED);
        var network = new Network(spec, BnMode.ON, DataType.DOUBLE);
        var evalSet = new Examples(FEATURES, LABELS, LABELS.length, INPUTS);
        ModelExport.write(export, network, BnMode.ON, BN_CHUNK, 0, evalSet, EVAL_LOSS, STEP);
    }

    private static Consumer<ObjectNode> edit(Consumer<ObjectNode> change) {
        return change;
    }

    private static ObjectNode dense(ObjectNode arch, int index) {
        int seen = 0;
        for (var layer : arch.get("layers")) {
            if (layer.get("type").asText().equals("dense") && seen++ == index) {
                return (ObjectNode) layer;
            }
        }
        throw new IllegalArgumentException("no dense layer " + index);
    }

    private static void withoutFirstLayers(ObjectNode arch, int count) {
        for (int i = 0; i < count; i++) {
            ((ArrayNode) arch.get("layers")).remove(0);
        }
    }

    private static void withoutLastLayer(ObjectNode arch) {
        var layers = (ArrayNode) arch.get("layers");
        layers.remove(layers.size() - 1);
    }

    private static ObjectNode norm(ObjectNode arch) {
        for (var layer : arch.get("layers")) {
            if (layer.get("type").asText().equals("batchnorm")) {
                return (ObjectNode) layer;
            }
        }
        throw new IllegalArgumentException("no batchnorm layer");
    }
}
