// The data files of `reproduce yang`: gradients.csv (one row per variant, seed and layer) and report.json (the
// settings, the mean-field prediction, every raw ‖∂loss/∂W_ℓ‖² and each fit), both written whole (AtomicFile).
package org.shiftscope.model.reproduce.yang;

import org.shiftscope.model.io.AtomicFile;
import org.shiftscope.model.io.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

public final class YangFiles {
    public static final String CSV_HEADER = "variant,seed,layer,is_classifier,squared_gradient_norm,fitted";

    private YangFiles() {
    }

    /** One row per variant, seed and weight layer (1-based; the classifier is layer depth + 1). */
    public static void writeCsv(YangResult result, Path file) throws IOException {
        var lines = new ArrayList<String>();
        lines.add(CSV_HEADER);
        var settings = result.settings();
        for (VariantResult v : result.variants()) {
            for (int s = 0; s < settings.seeds(); s++) {
                for (int layer = 1; layer <= result.layers(); layer++) {
                    boolean fitted = layer >= settings.firstFittedLayer() && layer <= settings.lastFittedLayer();
                    lines.add(v.variant().key() + "," + (settings.firstSeed() + s) + "," + layer + ","
                            + (layer == result.layers()) + "," + Math.exp(v.logSquaredNorms()[s][layer - 1]) + "," + fitted);
                }
            }
        }
        AtomicFile.write(file, temporary -> Files.write(temporary, lines));
    }

    public static void writeJson(YangResult result, Path file) throws IOException {
        AtomicFile.write(file, temporary -> Json.mapper().writeValue(temporary.toFile(), json(result)));
    }

    /** The report as nested maps in a fixed order, numbers as plain doubles. */
    static Map<String, Object> json(YangResult result) {
        var root = new LinkedHashMap<String, Object>();
        root.put("experiment", "yang");
        root.put("reference", "Yang, Pennington, Rao, Sohl-Dickstein & Schoenholz 2019, A Mean Field Theory of "
                + "Batch Normalization, ICLR 2019, arXiv 1902.08129");
        root.put("dataset", result.dataset());
        root.put("settings", result.settings());
        root.put("quantity", "squared Frobenius norm of d(mean cross-entropy)/dW per weight layer at initialisation, float64");
        root.put("seed_average", "mean of natural logs over seeds (geometric mean)");
        root.put("fitted_layers", new int[]{result.settings().firstFittedLayer(), result.settings().lastFittedLayer()});
        root.put("predicted_growth_batch_norm", MeanField.BATCH_NORM_GROWTH);
        root.put("predicted_growth_no_norm", MeanField.NO_NORM_GROWTH);
        root.put("gaussian_relu_variance_share", MeanField.RELU_VARIANCE);
        root.put("seconds", result.seconds());
        var variants = new LinkedHashMap<String, Object>();
        for (VariantResult v : result.variants()) {
            variants.put(v.variant().key(), variant(v, result));
        }
        root.put("variants", variants);
        return root;
    }

    private static Map<String, Object> variant(VariantResult v, YangResult result) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("title", v.variant().title());
        entry.put("bn_mode", v.variant().mode().label());
        entry.put("residual", v.variant().residual());
        double predicted = MeanField.predictedGrowth(v.variant());
        entry.put("predicted_growth_per_layer", Double.isNaN(predicted) ? null : predicted);
        entry.put("fitted_growth_per_layer", v.fit().factorPerLayerBack());
        entry.put("fitted_growth_range_one_se", v.fit().factorRange());
        entry.put("exponential_fit_r_squared", v.fit().exponential().rSquared());
        entry.put("power_law_exponent", v.fit().powerLawExponent());
        entry.put("power_law_fit_r_squared", v.fit().powerLaw().rSquared());
        entry.put("seed_growth_per_layer", v.seedFactors());
        entry.put("seed_growth_sd", v.seedFactorSpread());
        entry.put("growth_across_fitted_layers", v.fittedSpanGrowth());
        var mean = new double[result.layers()];
        for (int layer = 1; layer <= mean.length; layer++) {
            mean[layer - 1] = v.meanSquaredNorm(layer);
        }
        entry.put("geometric_mean_squared_norms", mean);
        entry.put("relu_variance_shares", v.reluVarianceShares());
        var raw = new double[v.logSquaredNorms().length][];
        for (int s = 0; s < raw.length; s++) {
            raw[s] = new double[result.layers()];
            for (int layer = 0; layer < raw[s].length; layer++) {
                raw[s][layer] = Math.exp(v.logSquaredNorms()[s][layer]);
            }
        }
        entry.put("squared_norms_by_seed", raw);
        return entry;
    }
}
