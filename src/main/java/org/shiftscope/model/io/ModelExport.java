// The self-describing model export another framework can load without our code: arch.json plus NumPy
// arrays (issue "Hessian outliers", section "CLI and export"). W is (in, out) so z = x·W + b.
package org.shiftscope.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.ActivationFunction;
import org.shiftscope.model.net.BatchNorm;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Dense;
import org.shiftscope.model.net.Initialization;
import org.shiftscope.model.net.Network;
import org.shiftscope.model.net.NetworkSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;

public final class ModelExport {
    public static final String ARCH = "arch.json";
    public static final String LOSS = "softmax_cross_entropy_mean";

    private ModelExport() {
    }

    /** A model read back: the network (float64), how it was trained and the set its Hessian is measured on. */
    public record Loaded(Network network, BnMode bnMode, int bnChunk, double weightDecay, Examples evalSet,
                         double evalLoss) {
    }

    /**
     * @param bnMode   the mode the network was trained in; BN layers are exported unless it is off
     * @param evalSet  the fixed evaluation set exactly as fed to the first layer
     * @param evalLoss the mean loss on that set at these weights, in {@code bnMode}
     */
    public static void write(Path directory, Network network, BnMode bnMode, int bnChunk, double weightDecay,
                             Examples evalSet, double evalLoss, long step) throws IOException {
        Files.createDirectories(directory);
        var layers = new ArrayList<Map<String, Object>>();
        List<Dense> denses = network.denses();
        for (int i = 0; i < denses.size(); i++) {
            layers.add(writeDense(directory, i, denses.get(i)));
            if (i < network.depth()) {
                if (bnMode != BnMode.OFF) {
                    layers.add(writeBatchNorm(directory, i, network.norms().get(i)));
                }
                layers.add(Map.of("type", "activation", "fn", network.spec().activation().label()));
            }
        }
        var x = new double[evalSet.features().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = evalSet.features()[i];
        }
        Npy.writeDoubles(directory.resolve("eval_x.npy"), x, evalSet.count(), evalSet.inputs());
        long[] y = new long[evalSet.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = evalSet.labels()[i];
        }
        Npy.writeLongs(directory.resolve("eval_y.npy"), y, y.length);

        var arch = new LinkedHashMap<String, Object>();
        arch.put("format", "shiftscope-model/1");
        arch.put("layers", layers);
        arch.put("bn_mode", bnMode.label());
        arch.put("bn_chunk", bnChunk);
        arch.put("loss", LOSS);
        arch.put("weight_decay", weightDecay);
        arch.put("eval_x", "eval_x.npy");
        arch.put("eval_y", "eval_y.npy");
        arch.put("eval_loss", evalLoss);
        arch.put("step", step);
        arch.put("inputs", network.spec().inputs());
        arch.put("classes", network.spec().classes());
        arch.put("notes", "z = x·W + b with W of shape (in, out). BatchNorm: y = gamma·(z − mean)/sqrt(var + eps) + beta, "
                + "with batch statistics (biased variance) over chunks of bn_chunk rows in mode 'on', running statistics "
                + "in mode 'frozen'. eval_loss is the mean cross-entropy on eval_x/eval_y without the weight-decay term; "
                + "the Hessian adds weight_decay·I.");
        Path temporary = directory.resolve(ARCH + ".tmp");
        Json.mapper().writeValue(temporary.toFile(), arch);
        Files.move(temporary, directory.resolve(ARCH), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> writeDense(Path directory, int i, Dense dense) throws IOException {
        INDArray w = dense.weights().value();
        Npy.writeDoubles(directory.resolve("W" + i + ".npy"), doubles(w), w.size(0), w.size(1));
        Npy.writeDoubles(directory.resolve("b" + i + ".npy"), doubles(dense.bias().value()), w.size(1));
        var entry = new LinkedHashMap<String, Object>();
        entry.put("type", "dense");
        entry.put("W", "W" + i + ".npy");
        entry.put("b", "b" + i + ".npy");
        return entry;
    }

    private static Map<String, Object> writeBatchNorm(Path directory, int i, BatchNorm norm) throws IOException {
        long units = norm.runningMean().length();
        var names = List.of("gamma", "beta", "running_mean", "running_var");
        var arrays = List.of(norm.allParameters().get(0).value(), norm.allParameters().get(1).value(),
                norm.runningMean(), norm.runningVariance());
        var entry = new LinkedHashMap<String, Object>();
        entry.put("type", "batchnorm");
        for (int a = 0; a < names.size(); a++) {
            String file = "bn" + i + "_" + names.get(a) + ".npy";
            Npy.writeDoubles(directory.resolve(file), doubles(arrays.get(a)), units);
            entry.put(names.get(a), file);
        }
        entry.put("eps", norm.epsilon());
        entry.put("momentum", norm.momentum());
        return entry;
    }

    private static double[] doubles(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    /** @throws IOException with a message naming the file and what is wrong with it */
    public static Loaded read(Path directory) throws IOException {
        Path archFile = directory.resolve(ARCH);
        if (!Files.isRegularFile(archFile)) {
            throw new IOException(archFile + ": not found (is " + directory + " a model export?)");
        }
        JsonNode arch;
        try {
            arch = Json.mapper().readTree(archFile.toFile());
        } catch (IOException e) {
            throw new IOException(archFile + ": malformed JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!LOSS.equals(arch.path("loss").asText())) {
            throw new IOException(archFile + ": loss must be " + LOSS);
        }
        BnMode bnMode = parseMode(archFile, arch.path("bn_mode").asText());
        var denses = new ArrayList<JsonNode>();
        var norms = new ArrayList<JsonNode>();
        String activation = null;
        for (JsonNode layer : arch.path("layers")) {
            switch (layer.path("type").asText()) {
                case "dense" -> denses.add(layer);
                case "batchnorm" -> norms.add(layer);
                case "activation" -> activation = layer.path("fn").asText();
                default -> throw new IOException(archFile + ": unknown layer type '" + layer.path("type").asText() + "'");
            }
        }
        if (denses.size() < 2 || activation == null) {
            throw new IOException(archFile + ": needs at least one hidden layer (dense, activation) and an output dense layer");
        }
        int depth = denses.size() - 1;
        if (!norms.isEmpty() && norms.size() != depth) {
            throw new IOException(archFile + ": " + norms.size() + " batchnorm layers for " + depth + " hidden layers");
        }
        var weights = new ArrayList<Npy.Array>();
        var biases = new ArrayList<Npy.Array>();
        for (JsonNode dense : denses) {
            weights.add(Npy.read(directory.resolve(dense.path("W").asText())));
            biases.add(Npy.read(directory.resolve(dense.path("b").asText())));
        }
        int inputs = (int) weights.get(0).shape()[0];
        int width = (int) weights.get(0).shape()[1];
        int classes = (int) weights.get(depth).shape()[1];
        for (int i = 0; i <= depth; i++) {
            long[] shape = weights.get(i).shape();
            long expectedIn = i == 0 ? inputs : width;
            long expectedOut = i == depth ? classes : width;
            if (shape.length != 2 || shape[0] != expectedIn || shape[1] != expectedOut || biases.get(i).elements() != expectedOut) {
                throw new IOException(archFile + ": layer " + i + " has W " + Arrays.toString(shape)
                        + "; ShiftScope needs equal hidden widths, W (in, out) and b (out)");
            }
        }
        double eps = norms.isEmpty() ? NetworkSpec.DEFAULT_BN_EPSILON : norms.get(0).path("eps").asDouble(NetworkSpec.DEFAULT_BN_EPSILON);
        double momentum = norms.isEmpty() ? NetworkSpec.DEFAULT_BN_MOMENTUM : norms.get(0).path("momentum").asDouble(NetworkSpec.DEFAULT_BN_MOMENTUM);
        ActivationFunction function;
        try {
            function = ActivationFunction.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new IOException(archFile + ": unknown activation '" + activation + "'");
        }
        var spec = new NetworkSpec(inputs, classes, depth, width, function, Initialization.HE, 0, eps, momentum);
        var network = new Network(spec, norms.isEmpty() ? BnMode.OFF : bnMode, DataType.DOUBLE);
        for (int i = 0; i <= depth; i++) {
            assign(network.denses().get(i).weights().value(), weights.get(i));
            assign(network.denses().get(i).bias().value(), biases.get(i));
        }
        for (int i = 0; i < norms.size(); i++) {
            BatchNorm norm = network.norms().get(i);
            JsonNode entry = norms.get(i);
            assign(norm.allParameters().get(0).value(), Npy.read(directory.resolve(entry.path("gamma").asText())));
            assign(norm.allParameters().get(1).value(), Npy.read(directory.resolve(entry.path("beta").asText())));
            assign(norm.runningMean(), Npy.read(directory.resolve(entry.path("running_mean").asText())));
            assign(norm.runningVariance(), Npy.read(directory.resolve(entry.path("running_var").asText())));
        }
        var x = Npy.read(directory.resolve(arch.path("eval_x").asText("eval_x.npy")));
        var y = Npy.read(directory.resolve(arch.path("eval_y").asText("eval_y.npy")));
        if (x.shape().length != 2 || x.shape()[1] != inputs || y.elements() != x.shape()[0]) {
            throw new IOException(archFile + ": eval_x must be (n, " + inputs + ") and eval_y (n)");
        }
        var features = new float[(int) x.elements()];
        for (int i = 0; i < features.length; i++) {
            features[i] = (float) x.values()[i];
        }
        var labels = new int[(int) y.elements()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) y.values()[i];
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IOException(archFile + ": eval_y holds label " + labels[i] + " outside 0…" + (classes - 1));
            }
        }
        var evalSet = new Examples(features, labels, labels.length, inputs);
        return new Loaded(network, norms.isEmpty() ? BnMode.OFF : bnMode, Math.max(1, arch.path("bn_chunk").asInt(labels.length)),
                arch.path("weight_decay").asDouble(0), evalSet, arch.path("eval_loss").asDouble(Double.NaN));
    }

    private static BnMode parseMode(Path file, String text) throws IOException {
        try {
            return BnMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": bn_mode must be off, on or frozen (got '" + text + "')");
        }
    }

    private static void assign(INDArray target, Npy.Array source) throws IOException {
        if (source.elements() != target.length()) {
            throw new IOException("array of " + source.elements() + " values where " + target.length() + " are needed");
        }
        target.assign(Nd4j.create(source.values(), target.shape(), DataType.DOUBLE).castTo(target.dataType()));
    }
}
