// Reads a model export written by ModelExport (arch.json plus NumPy arrays; issue "Hessian outliers", section
// "CLI and export") strictly: every field of the right JSON type and range, every array file a regular file inside
// the export folder, shapes that chain from the inputs to the classes; each error is one line naming the file.
package org.shiftscope.model.io;

import org.shiftscope.model.data.InputFiles;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.data.IdxReader;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BatchNorm;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;
import org.shiftscope.model.config.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

final class ModelExportReader {
    private static final List<String> NORM_ARRAYS = List.of("gamma", "beta", "running_mean", "running_var");
    private static final int RUNNING_VAR = 3;

    private final Path directory;
    private final Path archFile;

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
        var denses = new ArrayList<JsonNode>();
        var norms = new ArrayList<JsonNode>();
        String activation = null;
        for (JsonNode layer : arch.path("layers")) {
            String type = layer.path("type").asText("");
            switch (type) {
                case "dense" -> denses.add(layer);
                case "batchnorm" -> norms.add(layer);
                case "activation" -> {
                    String fn = layer.path("fn").asText("");
                    if (activation != null && !activation.equals(fn)) {
                        throw problem("activation layers must all use one function (found " + activation + " and " + fn + ")");
                    }
                    activation = fn;
                }
                default -> throw problem("unknown layer type '" + type + "'");
            }
        }
        if (denses.size() < 2 || activation == null) {
            throw problem("needs at least one hidden layer (dense, activation) and an output dense layer");
        }
        int depth = denses.size() - 1;
        if (depth > Limits.MAX_DEPTH) {
            throw problem(depth + " hidden layers; at most " + Limits.MAX_DEPTH + " are supported");
        }
        if (!norms.isEmpty() && norms.size() != depth) {
            throw problem(norms.size() + " batchnorm layers for " + depth + " hidden layers");
        }
        var weights = new ArrayList<Npy.Array>();
        var biases = new ArrayList<Npy.Array>();
        for (int i = 0; i <= depth; i++) {
            weights.add(array(denses.get(i), "W", "dense layer " + i));
            biases.add(array(denses.get(i), "b", "dense layer " + i));
        }
        int inputs = checkShapes(denses, weights, biases);
        int width = (int) weights.get(0).shape()[1];
        int classes = (int) weights.get(depth).shape()[1];
        double eps = NetworkSpec.DEFAULT_BN_EPSILON;
        double momentum = NetworkSpec.DEFAULT_BN_MOMENTUM;
        for (int i = norms.size() - 1; i >= 0; i--) {
            eps = positive(norms.get(i), "eps", i, NetworkSpec.DEFAULT_BN_EPSILON);
            momentum = number(norms.get(i), "momentum", NetworkSpec.DEFAULT_BN_MOMENTUM, 0, 1);
        }
        ActivationFunction function;
        try {
            function = ActivationFunction.parse(activation);
        } catch (IllegalArgumentException e) {
            throw problem("unknown activation '" + activation + "'");
        }
        var spec = new NetworkSpec(inputs, classes, depth, width, function, Initialization.HE, 0, eps, momentum);
        BnMode mode = norms.isEmpty() ? BnMode.OFF : bnMode;
        var network = new Network(spec, mode, DataType.DOUBLE);
        for (int i = 0; i <= depth; i++) {
            assign(network.denses().get(i).weights().value(), weights.get(i));
            assign(network.denses().get(i).bias().value(), biases.get(i));
        }
        for (int i = 0; i < norms.size(); i++) {
            assignNorm(network.norms().get(i), norms.get(i), i, width);
        }
        Examples evalSet = evalSet(arch, inputs, classes);
        int bnChunk = arch.has("bn_chunk") ? integer(arch, "bn_chunk", 1, Limits.MAX_BATCH) : evalSet.count();
        return new ModelExport.Loaded(network, mode, bnChunk,
                number(arch, "weight_decay", 0, 0, Limits.MAX_WEIGHT_DECAY), evalSet,
                number(arch, "eval_loss", Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), step(arch));
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

    /** Checks every W is (in, out) with sizes ≥ 1, the layers chain, hidden widths agree and b is (out); returns in. */
    private int checkShapes(List<JsonNode> denses, List<Npy.Array> weights, List<Npy.Array> biases) throws IOException {
        int depth = weights.size() - 1;
        long previousOut = -1;
        for (int i = 0; i <= depth; i++) {
            long[] shape = weights.get(i).shape();
            String w = "dense layer " + i + "'s W (" + denses.get(i).path("W").asText() + ")";
            if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
                throw problem(w + " has shape " + Arrays.toString(shape) + "; it must be (in, out) with sizes of at least 1");
            }
            if (i > 0 && shape[0] != previousOut) {
                throw problem(w + " has " + shape[0] + " rows but dense layer " + (i - 1) + " gives " + previousOut
                        + " outputs; the shapes must chain");
            }
            if (i > 0 && i < depth && shape[1] != weights.get(0).shape()[1]) {
                throw problem(w + " has " + shape[1] + " columns; ShiftScope needs equal hidden widths ("
                        + weights.get(0).shape()[1] + ")");
            }
            if (biases.get(i).elements() != shape[1]) {
                throw problem("dense layer " + i + "'s b (" + denses.get(i).path("b").asText() + ") has "
                        + biases.get(i).elements() + " values; W gives " + shape[1] + " outputs");
            }
            previousOut = shape[1];
        }
        long inputs = weights.get(0).shape()[0];
        long width = weights.get(0).shape()[1];
        if (inputs > IdxReader.MAX_PIXELS_PER_IMAGE || width > Limits.MAX_WIDTH || previousOut < 2) {
            throw problem(String.format("shapes give %d inputs, width %d and %d classes; ShiftScope supports at most "
                            + "%d inputs, width at most %d and at least 2 classes", inputs, width, previousOut,
                    IdxReader.MAX_PIXELS_PER_IMAGE, Limits.MAX_WIDTH));
        }
        return (int) inputs;
    }

    private void assignNorm(BatchNorm norm, JsonNode entry, int index, int width) throws IOException {
        var targets = List.of(norm.allParameters().get(0).value(), norm.allParameters().get(1).value(),
                norm.runningMean(), norm.runningVariance());
        for (int a = 0; a < NORM_ARRAYS.size(); a++) {
            String label = "batchnorm layer " + index + "'s " + NORM_ARRAYS.get(a);
            var values = array(entry, NORM_ARRAYS.get(a), "batchnorm layer " + index);
            if (values.elements() != width) {
                throw problem(label + " (" + entry.path(NORM_ARRAYS.get(a)).asText() + ") has " + values.elements()
                        + " values; the hidden width is " + width);
            }
            if (a == RUNNING_VAR && Arrays.stream(values.values()).anyMatch(v -> v < 0)) {
                throw problem(label + " (" + entry.path(NORM_ARRAYS.get(a)).asText() + ") holds a negative variance");
            }
            assign(targets.get(a), values);
        }
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
    private Npy.Array array(JsonNode owner, String field, String where) throws IOException {
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

    /** A positive finite number field of batchnorm layer {@code index}; {@code fallback} when absent. */
    private double positive(JsonNode owner, String field, int index, double fallback) throws IOException {
        JsonNode node = owner.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || !(node.asDouble() > 0) || !Double.isFinite(node.asDouble())) {
            throw problem("batchnorm layer " + index + "'s " + field + " must be a positive number (found "
                    + JsonKinds.describe(node) + ")");
        }
        return node.asDouble();
    }

    /** A number field in [min, max]; {@code fallback} when the field is absent. */
    private double number(JsonNode owner, String field, double fallback, double min, double max) throws IOException {
        JsonNode node = owner.get(field);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || !(node.asDouble() >= min && node.asDouble() <= max)) {
            String range = Double.isFinite(min) ? " from " + plain(min) + " to " + plain(max) : "";
            throw problem(field + " must be a number" + range + " (found " + JsonKinds.describe(node) + ")");
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

    private IOException problem(String message) {
        return new IOException(archFile + ": " + message);
    }

    private static void assign(INDArray target, Npy.Array source) {
        target.assign(Nd4j.create(source.values(), target.shape(), DataType.DOUBLE).castTo(target.dataType()));
    }
}
