// The figures of `reproduce page` (Page, "How to train your ResNet 7"): the top eigenvalues, their overlaps with
// the shift spans, the perturbations' predicted-class histograms and the per-layer shift, one panel per net.
package org.shiftscope.ui.reproduce;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.shiftscope.model.reproduce.page.NetMeasurement;
import org.shiftscope.model.reproduce.page.PageExperiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

public final class PageFigures {
    /** Print resolution: the scene's pixels times this. */
    static final int SCALE = 2;
    static final int PANEL_WIDTH = 520;
    static final int PANEL_HEIGHT = 420;
    private static final List<String> NETS = List.of("bn", "frozen", "nobn");
    private static final List<String> TITLES = List.of("BN", "frozen BN", "no BN");

    private PageFigures() {
    }

    /** Must be called on the FX thread; completes with the figures' file names once written into {@code out}. */
    public static CompletableFuture<List<String>> write(PageExperiment.Results results, Path out) {
        var figures = List.of(
                new Figure("eigenvalues.png", "Top " + results.protocol().topK() + " Hessian eigenvalues (mean loss); "
                        + "Page: 9 outliers and a 2× gap at λ9/λ10 when frozen", "λ_i",
                        m -> List.of(series("λ_i", m.eigenvalues(), 1))),
                new Figure("overlaps.png", "Overlap ‖P v_i‖² of each eigenvector with the shift spans", "overlap",
                        m -> List.of(series("means (9-dim)", m.overlapMeans(), 1),
                                series("means, variances, skews (29-dim)", m.overlapMoments(), 1))),
                new Figure("perturbation.png", String.format("Predicted classes before and after a move of %.0f%% of the "
                        + "parameter norm (the \"cat neuron\")", 100 * results.protocol().fraction()), "examples",
                        PageFigures::histograms),
                new Figure("layers.png", "‖∂(mean logit " + results.protocol().perturbedClass() + ")/∂W_ℓ‖² by layer, "
                        + "share of the total (%)", "% of the total", PageFigures::layerShares));
        CompletableFuture<List<String>> written = CompletableFuture.completedFuture(new ArrayList<>());
        for (Figure figure : figures) {
            written = written.thenCompose(names -> OffscreenPng.write(panels(results, figure), PANEL_WIDTH * NETS.size(),
                    PANEL_HEIGHT, figure.title(), out.resolve(figure.file()), SCALE).thenApply(size -> {
                        names.add(figure.file());
                        return names;
                    }));
        }
        return written;
    }

    /** One figure: its file, title band, value axis and each net's bar series. */
    private record Figure(String file, String title, String yLabel,
                          Function<NetMeasurement, List<XYChart.Series<String, Number>>> seriesOf) {
    }

    private static List<XYChart.Series<String, Number>> layerShares(NetMeasurement m) {
        double total = m.layerGradientShare().total();
        double[] share = m.layerGradientShare().squared().clone();
        for (int l = 0; l < share.length; l++) {
            share[l] *= 100 / total;
        }
        return List.of(named("share", m.layerGradientShare().layers(), share));
    }

    private static List<XYChart.Series<String, Number>> histograms(NetMeasurement m) {
        var all = new ArrayList<XYChart.Series<String, Number>>();
        all.add(series("before", toDoubles(m.perturbation().get(0).before()), 0));
        for (var d : m.perturbation()) {
            all.add(series("after: " + d.direction().replace('_', ' '), toDoubles(d.after()), 0));
        }
        return all;
    }

    /** The three nets' panels side by side. */
    private static HBox panels(PageExperiment.Results results, Figure figure) {
        var row = new HBox();
        for (int n = 0; n < NETS.size(); n++) {
            var x = new CategoryAxis();
            var y = new NumberAxis();
            y.setLabel(figure.yLabel());
            var chart = new BarChart<>(x, y);
            chart.setAnimated(false);
            chart.setTitle(TITLES.get(n));
            chart.setBarGap(0);
            chart.setCategoryGap(2);
            chart.getData().addAll(figure.seriesOf().apply(results.net(NETS.get(n))));
            chart.setPrefSize(PANEL_WIDTH, PANEL_HEIGHT);
            HBox.setHgrow(chart, Priority.ALWAYS);
            row.getChildren().add(chart);
        }
        return row;
    }

    /** Values labelled from {@code first} (1 for v_i, 0 for classes). */
    private static XYChart.Series<String, Number> series(String name, double[] values, int first) {
        var labels = new ArrayList<String>();
        for (int i = 0; i < values.length; i++) {
            labels.add(String.valueOf(i + first));
        }
        return named(name, labels, values);
    }

    private static XYChart.Series<String, Number> named(String name, List<String> labels, double[] values) {
        var s = new XYChart.Series<String, Number>();
        s.setName(name);
        for (int i = 0; i < values.length; i++) {
            s.getData().add(new XYChart.Data<>(labels.get(i), values[i]));
        }
        return s;
    }

    private static double[] toDoubles(int[] counts) {
        var out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }
}
