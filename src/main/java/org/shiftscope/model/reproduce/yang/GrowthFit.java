// How ln ‖∂loss/∂W_ℓ‖² changes over a range of layers, fitted two ways: exponential in ℓ (a line in ℓ; Yang et
// al. 2019's geometric rate λ_G = exp(−slope) going back) and power-law in ℓ (a line in ln ℓ; residual nets).
package org.shiftscope.model.reproduce.yang;

/**
 * @param firstLayer  first layer of the fit (1-based)
 * @param lastLayer   last layer of the fit (1-based, inclusive)
 * @param exponential ln y against ℓ
 * @param powerLaw    ln y against ln ℓ
 */
public record GrowthFit(int firstLayer, int lastLayer, LineFit exponential, LineFit powerLaw) {

    /**
     * @param logValues natural logs, index 0 = layer 1
     * @param firstLayer, lastLayer the 1-based range to fit, at least two layers
     */
    public static GrowthFit fit(double[] logValues, int firstLayer, int lastLayer) {
        if (firstLayer < 1 || lastLayer > logValues.length || lastLayer - firstLayer < 1) {
            throw new IllegalArgumentException("a growth fit needs two or more layers within 1–" + logValues.length
                    + " (got " + firstLayer + "–" + lastLayer + ")");
        }
        int n = lastLayer - firstLayer + 1;
        var layers = new double[n];
        var logLayers = new double[n];
        var values = new double[n];
        for (int i = 0; i < n; i++) {
            layers[i] = firstLayer + i;
            logLayers[i] = Math.log(layers[i]);
            values[i] = logValues[firstLayer + i - 1];
        }
        return new GrowthFit(firstLayer, lastLayer, LineFit.of(layers, values), LineFit.of(logLayers, values));
    }

    /** The factor per layer going back, towards the input: exp(−slope) of the exponential fit. */
    public double factorPerLayerBack() {
        return Math.exp(-exponential.slope());
    }

    /** The factor going back with the slope one standard error lower and higher: {low, high}. */
    public double[] factorRange() {
        return new double[]{Math.exp(-exponential.slope() - exponential.slopeError()),
                Math.exp(-exponential.slope() + exponential.slopeError())};
    }

    /** α of y ∝ ℓ^(−α): how fast the norm falls with depth if it follows a power law. */
    public double powerLawExponent() {
        return -powerLaw.slope();
    }
}
