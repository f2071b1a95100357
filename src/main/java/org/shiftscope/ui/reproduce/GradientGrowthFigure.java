// The figure of `reproduce yang`: log10 ‖∂loss/∂W_ℓ‖² against the hidden layer ℓ for BN, no BN and residual + BN,
// with the slope mean-field theory predicts with BN (π/(π−1) per layer; Yang et al. 2019, ICLR) drawn dashed.
package org.shiftscope.ui.reproduce;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.shiftscope.model.reproduce.yang.MeanField;
import org.shiftscope.model.reproduce.yang.Variant;
import org.shiftscope.model.reproduce.yang.VariantResult;
import org.shiftscope.model.reproduce.yang.YangResult;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

public final class GradientGrowthFigure {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    /** PNG scale: 2 keeps the axis text sharp in a document. */
    private static final int SCALE = 2;

    private GradientGrowthFigure() {
    }

    /** Must be called on the FX thread; completes with {@code file} once written, or exceptionally. */
    public static CompletableFuture<Path> render(YangResult result, Path file) {
        return OffscreenPng.write(chart(result), WIDTH, HEIGHT, title(result), file, SCALE).thenApply(size -> file);
    }

    static LineChart<Number, Number> chart(YangResult result) {
        int depth = result.settings().depth();
        var layers = new NumberAxis("hidden layer ℓ (input side left)", 1, depth, Math.max(1, depth / 8));
        var norms = new NumberAxis();
        norms.setLabel("log10 ‖∂loss/∂W_ℓ‖² (geometric mean over seeds)");
        norms.setForceZeroInRange(false);
        var chart = new LineChart<>(layers, norms);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        for (VariantResult v : result.variants()) {
            var series = new XYChart.Series<Number, Number>();
            series.setName(v.variant().title());
            for (int layer = 1; layer <= depth; layer++) {
                series.getData().add(new XYChart.Data<>(layer, Math.log10(v.meanSquaredNorm(layer))));
            }
            chart.getData().add(series);
        }
        var predicted = predictionLine(result);
        chart.getData().add(predicted);
        predicted.getNode().setStyle("-fx-stroke-dash-array: 8 6; -fx-stroke-width: 1.5px;");
        predicted.getData().forEach(point -> point.getNode().setVisible(false));
        return chart;
    }

    /** Slope log10(π/(π−1)) per layer over the fitted layers, through the BN network's fitted line at their middle. */
    private static XYChart.Series<Number, Number> predictionLine(YangResult result) {
        var bn = result.of(Variant.BATCH_NORM);
        int first = result.settings().firstFittedLayer();
        int last = result.settings().lastFittedLayer();
        double anchor = (first + last) / 2.0;
        double anchorLog10 = bn.fit().exponential().valueAt(anchor) / Math.log(10);
        var series = new XYChart.Series<Number, Number>();
        series.setName(String.format(Locale.ROOT, "mean-field prediction with BN: ×%.4f per layer", MeanField.BATCH_NORM_GROWTH));
        for (int layer : new int[]{first, last}) {
            series.getData().add(new XYChart.Data<>(layer,
                    anchorLog10 + (anchor - layer) * Math.log10(MeanField.BATCH_NORM_GROWTH)));
        }
        return series;
    }

    private static String title(YangResult result) {
        var s = result.settings();
        return String.format(Locale.ROOT, "Gradient norms at initialisation (Yang et al. 2019) · ReLU MLP %d × %d · batch %d"
                + " · %d seeds · %s · fitted BN growth ×%.4f per layer, predicted ×%.4f", s.depth(), s.width(), s.batch(),
                s.seeds(), result.dataset(), result.of(Variant.BATCH_NORM).fit().factorPerLayerBack(), MeanField.BATCH_NORM_GROWTH);
    }
}
