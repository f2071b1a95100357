// The main window's content: controls on the left, the charts in a grid, the status bar below. An
// AnimationTimer asks the view-model for new data once per frame and redraws only when some arrived.
package org.shiftscope.ui;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;
import org.shiftscope.model.hessian.HessianReport;

import java.util.ArrayList;
import java.util.List;

public final class MainView extends BorderPane {
    private final TrainingViewModel vm;
    private final LiveChart loss = new LiveChart("loss-chart", "Loss (cross-entropy)", "step", "loss", true);
    private final LiveChart accuracy = new LiveChart("accuracy-chart", "Accuracy", "step", "fraction correct", false);
    private final LiveChart means = new LiveChart("mean-chart", "Layer means", "step", "mean activation", false);
    private final LiveChart variances = new LiveChart("variance-chart", "Layer variances", "step", "variance", true);
    private final HeatmapView heatmap = new HeatmapView("heatmap", "Between-channel share of variance (layers × steps)");
    private final LiveChart percentiles = new LiveChart("percentile-chart",
            "Last layer, tracked unit: 15/50/85th percentiles", "step", "nonlinearity input", false);
    private final LiveChart hessian = new LiveChart("hessian-chart", "Top Hessian eigenvalues vs stability limit",
            "step", "eigenvalue", true);
    private final LiveChart spectrum = new LiveChart("spectrum-chart", "Latest spectrum and covariate-shift overlap",
            "rank", "eigenvalue / overlap", false);
    private final CheckBox showPostBn = new CheckBox("after BN");
    private final AnimationTimer timer;
    private long shownRevision = -1;
    private long frames;

    public MainView(TrainingViewModel vm) {
        this.vm = vm;
        showPostBn.setId("show-post-bn");
        showPostBn.setSelected(true);
        showPostBn.setOnAction(e -> redraw());

        var grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        var charts = List.of(loss, accuracy, means, variances, heatmap, percentiles, hessian, spectrum);
        for (int i = 0; i < charts.size(); i++) {
            grid.add(charts.get(i), i % 2, i / 2);
        }
        for (int c = 0; c < 2; c++) {
            var column = new ColumnConstraints();
            column.setPercentWidth(50);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < 4; r++) {
            var row = new RowConstraints();
            row.setPercentHeight(25);
            row.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(row);
        }

        var hessianLine = new Label();
        hessianLine.setId("hessian-summary");
        hessianLine.textProperty().bind(vm.hessianSummaryProperty());
        var top = new HBox(12, new Label("Layer charts show the nonlinearity input"), showPostBn, hessianLine);
        top.setPadding(new Insets(4, 8, 0, 8));

        var statusBar = new StatusBar();
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(vm.statusProperty());
        var message = new Label();
        message.setId("message");
        message.textProperty().bind(vm.messageProperty());
        message.setStyle("-fx-text-fill: #b00020; -fx-font-weight: bold;");
        statusBar.getRightItems().add(message);

        var controls = new ScrollPane(new ControlPanel(vm));
        controls.setFitToWidth(true);
        setLeft(controls);
        setCenter(new VBox(top, grid));
        VBox.setVgrow(grid, Priority.ALWAYS);
        setBottom(statusBar);

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames++;
                vm.refresh();
                if (vm.revisionProperty().get() != shownRevision) {
                    shownRevision = vm.revisionProperty().get();
                    redraw();
                }
            }
        };
        timer.start();
    }

    private void redraw() {
        RunHistory h = vm.history();
        boolean post = showPostBn.isSelected();
        loss.show(h.lossSeries());
        accuracy.show(h.accuracySeries());
        means.show(h.layerSeries(false, post));
        variances.show(h.layerSeries(true, post));
        heatmap.show(h.heatmap(), h.heatmapSteps());
        percentiles.show(h.percentileSeries());
        hessian.show(h.hessianSeries());
        spectrum.show(spectrumSeries(h.latestHessian()));
    }

    private static List<ChartSeries> spectrumSeries(HessianReport report) {
        if (report == null) {
            return List.of();
        }
        int k = report.eigenvalues().length;
        var ranks = new double[k];
        for (int i = 0; i < k; i++) {
            ranks[i] = i + 1;
        }
        var out = new ArrayList<ChartSeries>();
        out.add(new ChartSeries("eigenvalue (step " + report.step() + ")", ranks, report.eigenvalues()));
        double scale = Math.max(report.eigenvalues()[0], 1e-12);
        var overlap = new double[k];
        for (int i = 0; i < k; i++) {
            overlap[i] = report.meanOverlap()[i] * scale;
        }
        out.add(new ChartSeries("overlap with ∇(logit batch means) × λ1", ranks, overlap));
        return out;
    }

    /** Stops the frame timer (the window is closing). */
    public void stop() {
        timer.stop();
    }

    /** Frames drawn since the window opened (AnimationTimer pulses), for the frame-rate measurement. */
    public long frames() {
        return frames;
    }

    public LiveChart lossChart() {
        return loss;
    }

    public LiveChart meanChart() {
        return means;
    }

    public LiveChart hessianChart() {
        return hessian;
    }
}
