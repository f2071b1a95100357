// Reads a model export written by ModelExport (arch.json plus NumPy arrays) strictly: every field of the right
// JSON type and range, every array file a regular file inside the export folder, each layer entry read by its
// spec (LayerSpec.read), shapes that chain from the inputs to the classes; each error is one line naming the file.
package org.shiftscope.model.io;

import org.shiftscope.model.data.InputFiles;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.data.IdxReader;
import org.shiftscope.model.net.BatchNormSpec;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.ChannelBatchNormSpec;
import org.shiftscope.model.net.GroupNormSpec;
import org.shiftscope.model.net.LayerNormSpec;
import org.shiftscope.model.net.ConvSpec;
import org.shiftscope.model.net.DenseSpec;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.LayerSpec;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.net.ResidualSpec;
import org.shiftscope.model.config.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

final class ModelExportReader {
    private final Path directory;
    private final Path archFile;
    private final Map<String, Integer> seen = new HashMap<>();   // entries numbered so far, per type

    private ModelExportReader(Path directory) {
        this.directory = directory;
        this.archFile = directory.resolve(ModelExport.ARCH);
    }

    static ModelExport.Loaded read(Path directory) throws IOException {
        return new ModelExportReader(directory).read();
    }

    private ModelExport.Loaded read() throws IOException {
        JsonNode arch = readArch();
        if (!ModelExport.LOSS.equals(arch.path("loss").asText(null))) {
            throw problem("loss must be \"" + ModelExport.LOSS + "\"");
        }
        BnMode bnMode = parseMode(arch.path("bn_mode"));
        if (!arch.path("layers").isArray()) {
            throw problem("layers must be a list of dense, batchnorm and activation layers");
        }
        var entries = new ArrayList<ArchEntry>();
        var specs = new ArrayList<LayerSpec>();
        int width = -1;
        for (JsonNode layer : arch.path("layers")) {
            var entry = entry(layer);
            var spec = LayerSpec.read(entry, width);
            entries.add(entry);
            specs.add(spec);
            width = spec.outputs();
        }
        var spec = checkLimits(specs);
        BnMode mode = flattened(specs).anyMatch(s -> s instanceof BatchNormSpec || s instanceof ChannelBatchNormSpec
                || s instanceof LayerNormSpec || s instanceof GroupNormSpec) ? bnMode : BnMode.OFF;
        var network = new Network(spec, mode, DataType.DOUBLE);
        var layers = network.layers();
        for (int i = 0; i < entries.size(); i++) {
            layers.get(i).readState(entries.get(i));
        }
        int inputs = spec.inputs();
        int classes = spec.classes();
        Examples evalSet = evalSet(arch, inputs, classes);
        int bnChunk = arch.has("bn_chunk") ? integer(arch, "bn_chunk", 1, Limits.MAX_BATCH) : evalSet.count();
        return new ModelExport.Loaded(network, mode, bnChunk,
                number(arch, "weight_decay", 0, 0, Limits.MAX_WEIGHT_DECAY), evalSet,
                number(arch, "eval_loss", Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), step(arch));
    }

    /** A layer entry, numbered among the entries of its type read so far: top-level and nested in forward order. */
    ArchEntry entry(JsonNode layer) {
        String type = layer.path("type").asText("");
        return new ArchEntry(this, layer, type, seen.merge(type, 1, Integer::sum) - 1);
    }

    /** The export's training step, a whole number of at least 0; empty when arch.json has none. */
    private OptionalLong step(JsonNode arch) throws IOException {
        JsonNode node = arch.get("step");
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw problem("step must be a whole number of at least 0 (found " + JsonKinds.describe(node) + ")");
        }
        return OptionalLong.of(node.asLong());
    }

    private JsonNode readArch() throws IOException {
        if (!Files.exists(archFile)) {
            throw new IOException(archFile + ": not found (is " + directory + " a model export?)");
        }
        InputFiles.requireRegularFile(archFile);
        JsonNode arch;
        try {
            arch = Json.mapper().readTree(archFile.toFile());
        } catch (IOException e) {
            throw problem("malformed JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (arch == null || !arch.isObject()) {
            throw problem("must hold a JSON object (found " + JsonKinds.describe(arch) + ")");
        }
        return arch;
    }

    /**
     * The network of these layers within ShiftScope's limits. Hidden layers are the weight layers (dense and
     * convolutions, those inside residual blocks included) before the classifier; the width is the widest hidden
     * dense layer, and a convolution may have at most as many channels as a dense layer units.
     */
    private NetworkSpec checkLimits(List<LayerSpec> specs) throws IOException {
        if (specs.isEmpty() || !(specs.get(specs.size() - 1) instanceof DenseSpec)) {
            throw problem("needs at least one layer, the last a dense layer giving the classes");
        }
        var all = flattened(specs).toList();
        long hidden = all.stream().filter(s -> s instanceof DenseSpec || s instanceof ConvSpec).count() - 1;
        if (hidden > Limits.MAX_DEPTH) {
            throw problem(hidden + " hidden layers; at most " + Limits.MAX_DEPTH + " are supported");
        }
        int channels = all.stream().filter(ConvSpec.class::isInstance).map(ConvSpec.class::cast)
                .mapToInt(ConvSpec::channelsOut).max().orElse(0);
        if (channels > Limits.MAX_WIDTH) {
            throw problem("a convolution gives " + channels + " channels; at most " + Limits.MAX_WIDTH + " are supported");
        }
        int inputs = specs.get(0).inputs();
        int width = all.subList(0, all.size() - 1).stream().filter(DenseSpec.class::isInstance)
                .mapToInt(LayerSpec::outputs).max().orElse(0);
        int classes = specs.get(specs.size() - 1).outputs();
        if (inputs > IdxReader.MAX_PIXELS_PER_IMAGE || width > Limits.MAX_WIDTH || classes < 2) {
            throw problem(String.format("shapes give %d inputs, width %d and %d classes; ShiftScope supports at most "
                            + "%d inputs, width at most %d and at least 2 classes", inputs, width, classes,
                    IdxReader.MAX_PIXELS_PER_IMAGE, Limits.MAX_WIDTH));
        }
        return new NetworkSpec(specs, Initialization.HE, 0);
    }

    /** The specs with each residual block replaced by its body's and its projection's, in forward order. */
    private static Stream<LayerSpec> flattened(List<LayerSpec> specs) {
        return specs.stream().flatMap(spec -> spec instanceof ResidualSpec block
                ? Stream.concat(flattened(block.body()), Stream.ofNullable(block.projection()))
                : Stream.of(spec));
    }

    private Examples evalSet(JsonNode arch, int inputs, int classes) throws IOException {
        var x = array(arch, "eval_x", "the evaluation set");
        var y = array(arch, "eval_y", "the evaluation set");
        if (x.shape().length != 2 || x.shape()[0] < 1 || x.shape()[1] != inputs || y.elements() != x.shape()[0]) {
            throw problem("eval_x must be (n, " + inputs + ") with n ≥ 1 and eval_y (n); found "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(y.shape()));
        }
        var features = new float[(int) x.elements()];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) x.values()[i];
        }
        var labels = new int[(int) y.elements()];
        for (int i = 0; i < labels.length; i++) {
            double label = y.values()[i];
            if (!(label >= 0 && label < classes && label == Math.rint(label))) {
                throw problem("eval_y holds label " + label + "; labels must be whole numbers from 0 to " + (classes - 1));
            }
            labels[i] = (int) label;
        }
        return new Examples(features, labels, labels.length, inputs);
    }

    /** The array a field names: a .npy file inside the export folder, holding only finite values. */
    Npy.Array array(JsonNode owner, String field, String where) throws IOException {
        JsonNode name = owner.get(field);
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw problem(where + "'s " + field + " must name a .npy file (found " + JsonKinds.describe(name) + ")");
        }
        Path file = directory.resolve(name.asText()).normalize();
        if (!file.startsWith(directory.normalize()) || file.equals(directory.normalize())) {
            throw problem(where + "'s " + field + " must name a file inside " + directory + " (got \"" + name.asText() + "\")");
        }
        var array = Npy.read(file);
        if (Arrays.stream(array.values()).anyMatch(v -> !Double.isFinite(v))) {
            throw new IOException(file + ": holds NaN or infinite values");
        }
        return array;
    }

    /** A positive finite number field, named {@code where}'s in messages; {@code fallback} when absent. */
    double positive(JsonNode owner, String field, String where, double fallback) throws IOException {
        JsonNode node = owner.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || !(node.asDouble() > 0) || !Double.isFinite(node.asDouble())) {
            throw problem(where + "'s " + field + " must be a positive number (found " + JsonKinds.describe(node) + ")");
        }
        return node.asDouble();
    }

    /** A number field in [min, max]; {@code fallback} when the field is absent. */
    private double number(JsonNode owner, String field, double fallback, double min, double max) throws IOException {
        return number(owner, field, field, fallback, min, max);
    }

    /** As above, the field named {@code label} in messages. */
    double number(JsonNode owner, String field, String label, double fallback, double min, double max) throws IOException {
        JsonNode node = owner.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || !(node.asDouble() >= min && node.asDouble() <= max)) {
            String range = Double.isFinite(min) ? " from " + plain(min) + " to " + plain(max) : "";
            throw problem(label + " must be a number" + range + " (found " + JsonKinds.describe(node) + ")");
        }
        return node.asDouble();
    }

    private int integer(JsonNode owner, String field, int min, int max) throws IOException {
        JsonNode node = owner.get(field);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw problem(field + " must be a whole number from " + min + " to " + max + " (found "
                    + JsonKinds.describe(node) + ")");
        }
        return node.asInt();
    }

    private BnMode parseMode(JsonNode node) throws IOException {
        try {
            return BnMode.parse(node.isTextual() ? node.asText() : "");
        } catch (IllegalArgumentException e) {
            throw problem("bn_mode must be off, on or frozen (found " + JsonKinds.describe(node) + ")");
        }
    }

    /** 1 rather than 1.0 */
    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    IOException problem(String message) {
        return new IOException(archFile + ": " + message);
    }
}
