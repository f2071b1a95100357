// The figures of `reproduce page` (Page, "How to train your ResNet 7"): the top eigenvalues, their overlaps with
// the shift spans, the perturbations' predicted-class histograms and the per-layer shift, one panel per net.
package org.shiftscope.ui.reproduce;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.shiftscope.model.reproduce.page.NetMeasurement;
import org.shiftscope.model.reproduce.page.PageExperiment;
import org.shiftscope.ui.export.PngExport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

    /** Draws and writes the figures into {@code out} on the FX thread (which must be running); their file names. */
    public static List<String> write(PageExperiment.Results results, Path out) throws IOException, InterruptedException {
        var done = new CompletableFuture<List<String>>();
        Platform.runLater(() -> {
            try {
                done.complete(draw(results, out));
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("the figures could not be drawn: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static List<String> draw(PageExperiment.Results results, Path out) throws IOException {
        var written = new ArrayList<String>();
        written.add(figure(out, "eigenvalues.png", "Top " + results.protocol().topK() + " Hessian eigenvalues "
                + "(mean loss); Page: 9 outliers and a 2× gap at λ9/λ10 when frozen", results, "λ_i",
                m -> List.of(series("λ_i", m.eigenvalues(), 1))));
        written.add(figure(out, "overlaps.png", "Overlap ‖P v_i‖² of each eigenvector with the shift spans", results,
                "overlap", m -> List.of(series("means (9-dim)", m.overlapMeans(), 1),
                        series("means, variances, skews (29-dim)", m.overlapMoments(), 1))));
        written.add(figure(out, "perturbation.png", String.format("Predicted classes before and after a move of %.0f%% "
                        + "of the parameter norm (the \"cat neuron\")", 100 * results.protocol().fraction()), results,
                "examples", PageFigures::histograms));
        written.add(figure(out, "layers.png", "‖∂(mean logit " + results.protocol().perturbedClass()
                + ")/∂W_ℓ‖² by layer, share of the total (%)", results, "% of the total", m -> {
                    double total = m.layerGradientShare().total();
                    double[] share = m.layerGradientShare().squared().clone();
                    for (int l = 0; l < share.length; l++) {
                        share[l] *= 100 / total;
                    }
                    return List.of(named("share", m.layerGradientShare().layers(), share));
                }));
        return written;
    }

    private static List<XYChart.Series<String, Number>> histograms(NetMeasurement m) {
        var all = new ArrayList<XYChart.Series<String, Number>>();
        all.add(series("before", toDoubles(m.perturbation().get(0).before()), 0));
        for (var d : m.perturbation()) {
            all.add(series("after: " + d.direction().replace('_', ' '), toDoubles(d.after()), 0));
        }
        return all;
    }

    private static String figure(Path out, String name, String title, PageExperiment.Results results, String yLabel,
                                 Function<NetMeasurement, List<XYChart.Series<String, Number>>> seriesOf) throws IOException {
        var row = new HBox();
        for (int n = 0; n < NETS.size(); n++) {
            var x = new CategoryAxis();
            var y = new NumberAxis();
            y.setLabel(yLabel);
            var chart = new BarChart<>(x, y);
            chart.setAnimated(false);
            chart.setTitle(TITLES.get(n));
            chart.setBarGap(0);
            chart.setCategoryGap(2);
            chart.getData().addAll(seriesOf.apply(results.net(NETS.get(n))));
            chart.setPrefSize(PANEL_WIDTH, PANEL_HEIGHT);
            HBox.setHgrow(chart, Priority.ALWAYS);
            row.getChildren().add(chart);
        }
        var scene = new Scene(row, PANEL_WIDTH * NETS.size(), PANEL_HEIGHT);
        row.applyCss();
        row.layout();
        PngExport.write(scene.getRoot(), SCALE, title, out.resolve(name));
        return name;
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
