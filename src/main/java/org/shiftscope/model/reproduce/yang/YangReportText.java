// report.md of `reproduce yang`: the fitted growth of ‖∂loss/∂W_ℓ‖² per layer against the mean-field prediction
// (Yang et al. 2019, ICLR, arXiv 1902.08129; derivation in docs/reproduce-yang.md), then the per-layer table.
package org.shiftscope.model.reproduce.yang;

import org.shiftscope.model.io.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

public final class YangReportText {
    /** A measured factor "agrees" when the prediction lies within this many standard errors of the seeds' mean. */
    public static final double AGREEMENT_STANDARD_ERRORS = 2;

    private YangReportText() {
    }

    public static void write(YangResult result, String command, Path file) throws IOException {
        AtomicFile.write(file, temporary -> Files.writeString(temporary, text(result, command)));
    }

    static String text(YangResult result, String command) {
        var s = result.settings();
        var md = new StringBuilder();
        md.append("# Gradient explosion at initialisation with BatchNorm (Yang et al. 2019)\n\n");
        md.append(format("Command: `%s`  %nReLU MLP, %d hidden layers of %d units, He initialisation, float64; one "
                        + "batch of %d %s training examples per seed; %d seeds from %d; measured in %.1f s.%n%n",
                command, s.depth(), s.width(), s.batch(), result.dataset(), s.seeds(), s.firstSeed(), result.seconds()));
        md.append("Quantity: ‖∂loss/∂W_ℓ‖² (mean cross-entropy over the batch) of each weight layer at initialisation, "
                + "averaged over seeds as the mean of its logarithm (a geometric mean: the norms are products of "
                + "per-layer factors, so their logs, not the norms, are roughly normal across seeds). BN uses the "
                + "batch's own statistics. *no BN* is the same weights with BatchNorm bypassed. *residual + BN* has "
                + "one plain layer, then blocks ReLU(BN(x·W) + x).\n\n");
        md.append(format("Growth per layer = exp(−slope) of a least-squares line through ln ‖∂loss/∂W_ℓ‖² against ℓ over "
                        + "layers %d–%d: layer 1 reads pixels, and the gradients of layers %d–%d still carry the "
                        + "classifier's. The power law fits ln ‖∂loss/∂W_ℓ‖² against ln ℓ over the same layers.%n%n",
                s.firstFittedLayer(), s.lastFittedLayer(), s.lastFittedLayer() + 1, s.depth()));
        summary(md, result);
        verdicts(md, result);
        layerTable(md, result);
        return md.toString();
    }

    private static void summary(StringBuilder md, YangResult result) {
        md.append("| network | predicted growth per layer | fitted: exponential ± 1 s.e. (R²) | per-seed fits: mean ± sd "
                + "| power law ℓ^−α: α (R²) | growth across the fitted layers |\n|---|---|---|---|---|---|\n");
        for (VariantResult v : result.variants()) {
            double predicted = MeanField.predictedGrowth(v.variant());
            double[] range = v.fit().factorRange();
            md.append(format("| %s | %s | %.4f (%.4f–%.4f) (%.3f) | %.4f ± %.4f | %.2f (%.3f) | ×%.3g |%n",
                    v.variant().title(), Double.isNaN(predicted) ? "none (not exponential)" : format("%.4f", predicted),
                    v.fit().factorPerLayerBack(), range[0], range[1], v.fit().exponential().rSquared(),
                    v.seedFactorMean(), v.seedFactorSpread(), v.fit().powerLawExponent(), v.fit().powerLaw().rSquared(),
                    v.fittedSpanGrowth()));
        }
        md.append('\n');
    }

    private static void verdicts(StringBuilder md, YangResult result) {
        md.append("## What agrees and what does not\n\n");
        for (Variant variant : new Variant[]{Variant.BATCH_NORM, Variant.NO_NORM}) {
            VariantResult v = result.of(variant);
            double predicted = MeanField.predictedGrowth(variant);
            double mean = v.seedFactorMean();
            int seeds = v.seedFactors().length;
            double error = v.seedFactorSpread() / Math.sqrt(seeds);
            boolean agrees = Math.abs(mean - predicted) <= AGREEMENT_STANDARD_ERRORS * error;
            md.append(format("- **%s**: measured %.4f per layer against %.4f predicted (%+.1f %%); ",
                    v.variant().title(), mean, predicted, 100 * (mean / predicted - 1)));
            md.append(seeds < 2 ? "one seed gives no standard error to judge the gap by.\n" : format(
                    "the prediction is %s %.0f standard errors of the seeds' mean (s.e. %.4f over %d seeds).%n",
                    agrees ? "within" : "outside", AGREEMENT_STANDARD_ERRORS, error, seeds));
        }
        var s = result.settings();
        VariantResult bn = result.of(Variant.BATCH_NORM);
        md.append(format("- **The derivation's assumption** that BN'd pre-activations are N(0, 1) over the batch gives "
                        + "Var(ReLU) = %.4f; measured with BN: %.4f at layer %d, %.4f at layer %d.%n",
                MeanField.RELU_VARIANCE, bn.reluVarianceShares()[s.firstFittedLayer() - 1], s.firstFittedLayer(),
                bn.reluVarianceShares()[s.lastFittedLayer() - 1], s.lastFittedLayer()));
        VariantResult residual = result.of(Variant.RESIDUAL_BATCH_NORM);
        md.append(format("- **%s**: across the fitted layers the squared norm grows ×%.3g, against ×%.3g for the plain "
                        + "BN network. A power law ℓ^−%.2f fits it with R² %.3f, an exponential with R² %.3f.%n",
                residual.variant().title(), residual.fittedSpanGrowth(), bn.fittedSpanGrowth(),
                residual.fit().powerLawExponent(), residual.fit().powerLaw().rSquared(),
                residual.fit().exponential().rSquared()));
        md.append(format("- The prediction is the large-batch, infinite-width limit; this run has batch %d and width %d.%n%n",
                s.batch(), s.width()));
    }

    private static void layerTable(StringBuilder md, YangResult result) {
        md.append("## Per layer\n\nGeometric mean of ‖∂loss/∂W_ℓ‖² over seeds, and its ratio to the next layer's (ℓ / ℓ+1: "
                + format("the growth going back; predicted with BN %.4f). ", MeanField.BATCH_NORM_GROWTH)
                + format("*Var share* is Var(ReLU(u))/Var(u) of the BN network's ReLU input (Gaussian: %.4f). ",
                MeanField.RELU_VARIANCE) + "Fitted layers are marked •.\n\n");
        md.append("| layer | | BN | ratio | Var share | no BN | ratio | residual + BN | ratio |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        var s = result.settings();
        for (int layer = 1; layer <= result.layers(); layer++) {
            boolean classifier = layer == result.layers();
            boolean fitted = layer >= s.firstFittedLayer() && layer <= s.lastFittedLayer();
            md.append("| ").append(classifier ? "classifier" : String.valueOf(layer)).append(" | ").append(fitted ? "•" : "");
            for (Variant variant : Variant.values()) {
                VariantResult v = result.of(variant);
                md.append(format(" | %.4g | %s", v.meanSquaredNorm(layer),
                        layer < s.depth() ? format("%.3f", v.meanSquaredNorm(layer) / v.meanSquaredNorm(layer + 1)) : ""));
                if (variant == Variant.BATCH_NORM) {
                    md.append(" | ").append(classifier ? "" : format("%.4f", v.reluVarianceShares()[layer - 1]));
                }
            }
            md.append(" |\n");
        }
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
