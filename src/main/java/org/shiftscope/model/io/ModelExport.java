// The self-describing model export another framework can load without our code: arch.json plus NumPy
// arrays. Each layer writes its own entry (Layer.exportEntry), a block nesting its layers' entries; W is (in, out)
// so z = x·W + b. Written here, read back by ModelExportReader.
package org.shiftscope.model.io;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.shiftscope.model.data.Examples;
import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.ExportEntry;
import org.shiftscope.model.net.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;

public final class ModelExport {
    /** arch.json's "notes": how to rebuild the network from its entries, every type an export can hold. */
    static final String NOTES = "Each row is one example, images flattened channel-major as (C, side, side); entries apply in order. "
            + "dense: z = x·W + b, W of shape (in, out). conv3x3: W as PyTorch's (out, in, 3, 3), stride 1, padding 1. "
            + "max_pool_2x2 and global_avg_pool: per channel. batchnorm (per unit over the batch) and batchnorm2d (per "
            + "channel over batch × pixels): y = gamma·(z − mean)/sqrt(var + eps) + beta, with batch statistics (biased "
            + "variance) over chunks of bn_chunk rows in mode 'on', running statistics in mode 'frozen'. layernorm: over "
            + "each row's units; groupnorm: over each example's groups of channels × pixels, then per-channel gamma and "
            + "beta. In mode 'off' every normalisation is the identity. residual: body(x) + projection(x), the identity "
            + "without a projection (an activation after the sum is the next entry). activation: its fn elementwise, relu, "
            + "tanh, sigmoid or softplus = ln(1 + e^x). eval_loss is the mean cross-entropy on eval_x/eval_y without the "
            + "weight-decay term; the Hessian adds weight_decay·I.";
    public static final String ARCH = "arch.json";
    public static final String LOSS = "softmax_cross_entropy_mean";

    private ModelExport() {
    }

    /**
     * A model read back: the network (float64), how it was trained and the set its Hessian is measured on.
     *
     * @param step the training step the weights were exported at; empty for an arch.json without one (written by
     *             hand or by another tool)
     */
    public record Loaded(Network network, BnMode bnMode, int bnChunk, double weightDecay, Examples evalSet,
                         double evalLoss, OptionalLong step) {
    }

    /**
     * @param bnMode   the mode the network was trained in; BN layers are exported unless it is off
     * @param evalSet  the fixed evaluation set exactly as fed to the first layer
     * @param evalLoss the mean loss on that set at these weights, in {@code bnMode}
     * @param step     the training steps taken to reach these weights
     */
    public static void write(Path directory, Network network, BnMode bnMode, int bnChunk, double weightDecay,
                             Examples evalSet, double evalLoss, long step) throws IOException {
        Files.createDirectories(directory);
        Object layers = written(directory, ExportEntry.entries(network.layers(), bnMode));
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
        arch.put("notes", NOTES);
        AtomicFile.write(directory.resolve(ARCH), file -> Json.mapper().writeValue(file.toFile(), arch));
    }

    /**
     * A field value as arch.json holds it: an array written to its .npy file and named, an entry as its type then
     * its fields, a list of entries as a list, anything else as it is.
     */
    private static Object written(Path directory, Object value) throws IOException {
        if (value instanceof ExportEntry.ArrayFile array) {
            Npy.writeDoubles(directory.resolve(array.file()), doubles(array.values()), array.shape());
            return array.file();
        }
        if (value instanceof ExportEntry entry) {
            var json = new LinkedHashMap<String, Object>();
            json.put("type", entry.type());
            for (var field : entry.fields().entrySet()) {
                json.put(field.getKey(), written(directory, field.getValue()));
            }
            return json;
        }
        if (value instanceof List<?> list) {
            var json = new ArrayList<Object>();
            for (Object item : list) {
                json.add(written(directory, item));
            }
            return json;
        }
        return value;
    }

    private static double[] doubles(INDArray a) {
        return a.dup('c').data().asDouble();
    }

    /** Reads an export back (see ModelExportReader). @throws IOException with a message naming the file and what is wrong */
    public static Loaded read(Path directory) throws IOException {
        return ModelExportReader.read(directory);
    }
}
