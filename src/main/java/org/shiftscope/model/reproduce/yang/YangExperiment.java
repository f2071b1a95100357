// Runs `reproduce yang`: for each seed one random batch of the training data, and on it every variant's
// ‖∂loss/∂W_ℓ‖² at initialisation (Yang et al. 2019, "A Mean Field Theory of Batch Normalization", ICLR, arXiv 1902.08129).
package org.shiftscope.model.reproduce.yang;

import org.nd4j.linalg.api.buffer.DataType;
import org.shiftscope.model.data.Batches;
import org.shiftscope.model.data.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

public final class YangExperiment {
    private YangExperiment() {
    }

    /**
     * @param progress receives one line per seed
     * @throws IllegalArgumentException when the batch is larger than the training split
     */
    public static YangResult run(Dataset data, YangSettings settings, Consumer<String> progress) {
        if (settings.batch() > data.train().count()) {
            throw new IllegalArgumentException("batch " + settings.batch() + " exceeds the " + data.train().count()
                    + " training examples of " + data.name());
        }
        long started = System.nanoTime();
        var variants = Variant.values();
        var logs = new double[variants.length][settings.seeds()][];
        var shares = new double[variants.length][settings.seeds()][];
        for (int s = 0; s < settings.seeds(); s++) {
            long seed = settings.firstSeed() + s;
            long seedStarted = System.nanoTime();
            int[] rows = sampleRows(data.train().count(), settings.batch(), seed);
            var x = Batches.features(data.train(), rows, DataType.DOUBLE);          // (batch, inputs)
            int[] labels = Batches.labels(data.train(), rows);
            var line = new StringBuilder("seed " + seed + " (" + (s + 1) + "/" + settings.seeds() + "):");
            for (int v = 0; v < variants.length; v++) {
                var spec = YangNetworks.of(variants[v], data.inputs(), data.classes(), settings.depth(),
                        settings.width(), seed);
                var measured = InitialGradients.measure(spec, variants[v].mode(), x, labels);
                logs[v][s] = logs(measured.squaredNorms());
                shares[v][s] = measured.reluVarianceShares();
                line.append(String.format(" %s ‖∂L/∂W‖² layer 1 / layer %d = %.3g;", variants[v].title(),
                        settings.depth(), Math.exp(logs[v][s][0] - logs[v][s][settings.depth() - 1])));
            }
            progress.accept(line + String.format(" %.1f s", (System.nanoTime() - seedStarted) / 1e9));
        }
        List<VariantResult> results = new ArrayList<>();
        for (int v = 0; v < variants.length; v++) {
            results.add(VariantResult.of(variants[v], logs[v], shares[v], settings));
        }
        return new YangResult(settings, data.name(), results, (System.nanoTime() - started) / 1e9);
    }

    /** {@code batch} distinct training rows drawn with the seed (a partial Fisher–Yates shuffle). */
    static int[] sampleRows(int count, int batch, long seed) {
        var random = new Random(seed);
        int[] all = Batches.range(0, count);
        for (int i = 0; i < batch; i++) {
            int j = i + random.nextInt(count - i);
            int swapped = all[i];
            all[i] = all[j];
            all[j] = swapped;
        }
        var rows = new int[batch];
        System.arraycopy(all, 0, rows, 0, batch);
        return rows;
    }

    private static double[] logs(double[] values) {
        var logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        return logs;
    }
}
