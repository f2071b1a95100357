// One variant's measurement in `reproduce yang`: ‖∂loss/∂W_ℓ‖² per seed and layer as natural logs, their mean
// over seeds (a geometric mean of the norms) and the growth factor fitted to it and to each seed alone.
package org.shiftscope.model.reproduce.yang;

/**
 * @param variant         which network
 * @param logSquaredNorms [seed][layer] ln ‖∂loss/∂W_ℓ‖², layers in forward order, the classifier last
 * @param meanLog         per layer, the mean of ln ‖∂loss/∂W_ℓ‖² over seeds
 * @param fit             the growth fit of {@code meanLog} over the settings' fitted hidden layers
 * @param seedFactors     per seed, the factor per layer going back fitted to that seed alone
 * @param reluVarianceShares per hidden layer, the mean over seeds of Var_batch(ReLU(u)) / Var_batch(u) for the
 *                        ReLU's input u (see {@link InitialGradients.Measurement})
 */
public record VariantResult(Variant variant, double[][] logSquaredNorms, double[] meanLog, GrowthFit fit,
                            double[] seedFactors, double[] reluVarianceShares) {

    static VariantResult of(Variant variant, double[][] logSquaredNorms, double[][] reluVarianceShares,
                            YangSettings settings) {
        int layers = logSquaredNorms[0].length;
        var meanLog = new double[layers];
        for (double[] seed : logSquaredNorms) {
            for (int layer = 0; layer < layers; layer++) {
                meanLog[layer] += seed[layer] / logSquaredNorms.length;
            }
        }
        var seedFactors = new double[logSquaredNorms.length];
        for (int s = 0; s < seedFactors.length; s++) {
            seedFactors[s] = GrowthFit.fit(logSquaredNorms[s], settings.firstFittedLayer(), settings.lastFittedLayer())
                    .factorPerLayerBack();
        }
        var shares = new double[reluVarianceShares[0].length];
        for (double[] seed : reluVarianceShares) {
            for (int layer = 0; layer < shares.length; layer++) {
                shares[layer] += seed[layer] / reluVarianceShares.length;
            }
        }
        return new VariantResult(variant, logSquaredNorms, meanLog,
                GrowthFit.fit(meanLog, settings.firstFittedLayer(), settings.lastFittedLayer()), seedFactors, shares);
    }

    /** Mean of the per-seed factors. */
    public double seedFactorMean() {
        double mean = 0;
        for (double f : seedFactors) {
            mean += f / seedFactors.length;
        }
        return mean;
    }

    /** Sample standard deviation of the per-seed factors; 0 with one seed. */
    public double seedFactorSpread() {
        int n = seedFactors.length;
        if (n < 2) {
            return 0;
        }
        double mean = seedFactorMean();
        double squares = 0;
        for (double f : seedFactors) {
            squares += (f - mean) * (f - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }

    /** The geometric-mean ‖∂loss/∂W_ℓ‖² of a layer (1-based; the classifier is layer depth + 1). */
    public double meanSquaredNorm(int layer) {
        return Math.exp(meanLog[layer - 1]);
    }

    /** exp of the mean log ratio between the first and the last fitted layer: the growth across the fitted span. */
    public double fittedSpanGrowth() {
        return Math.exp(meanLog[fit.firstLayer() - 1] - meanLog[fit.lastLayer() - 1]);
    }
}
