// The main window's content: controls on the left, the charts in a grid, the status bar below. An
// AnimationTimer asks the view-model for new data once per frame and redraws only when some arrived.
package org.shiftscope.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
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
import org.controlsfx.control.Notifications;
import org.controlsfx.control.StatusBar;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.model.hessian.HessianReport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;

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
            "step", "eigenvalue", true).withMarkers();
    private final LiveChart spectrum = new LiveChart("spectrum-chart", "Latest spectrum and covariate-shift overlap",
            "rank", "eigenvalue", false).withMarkers().withSecondaryAxis("overlap (fraction)", 0, 1);
    private final ChoiceBox<Integer> exportScale = new ChoiceBox<>();
    private final CheckBox showPostBn = new CheckBox("after BN (input of the nonlinearity)");
    private final AnimationTimer timer;
    private long shownRevision = -1;
    private long frames;
    private int pulsesToSkip;
    private long handlerNanos;
    private final FrameRate fps = new FrameRate();
    private final Label fpsLabel = new Label();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MainView.class);
    /** Frames between two frame-rate lines in the log. */
    private static final int FPS_LOG_EVERY = 600;
    /** Frames between two updates of the frame-rate label. */
    private static final int FPS_LABEL_EVERY = 30;

    public MainView(TrainingViewModel vm) {
        this.vm = vm;
        getStylesheets().add(Appearance.BASE_STYLESHEET);
        showPostBn.setId("show-post-bn");
        showPostBn.setSelected(true);
        showPostBn.setOnAction(e -> redraw());

        var grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        var charts = List.of(loss, accuracy, means, variances, heatmap, percentiles, hessian, spectrum);
        for (var chart : List.of(loss, accuracy, means, variances, percentiles, hessian, spectrum)) {
            chart.setOnRedrawRequest(this::redraw);
            chart.setOnExport(c -> choosePng(c.getId() + ".png",
                    file -> exportNode(c, file, exportScale.getValue(), c.title() + " · " + vm.settingsTitle())));
        }
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
        var scale = exportScale;
        scale.setId("export-scale");
        scale.getItems().setAll(1, 2, 3);
        scale.setValue(2);
        scale.setTooltip(new Tooltip("Scale of exported PNG figures: 2× or 3× for print. Right-click a chart to export it alone."));
        var exportPng = new Button("Window PNG…");
        exportPng.setId("export-png");
        exportPng.setTooltip(new Tooltip("Render the whole window to a PNG at the chosen scale, titled with the settings."));
        exportPng.setOnAction(e -> choosePng("shiftscope-window.png", file -> exportWindow(file, scale.getValue())));
        var exportMetrics = new Button("Metrics…");
        exportMetrics.setId("export-metrics");
        exportMetrics.setTooltip(new Tooltip("Write config.json, metrics.csv, layers.csv, hessian.csv and summary.json, as the CLI does."));
        exportMetrics.setOnAction(e -> chooseFolder(vm::exportMetrics));
        var saveSettings = new Button("Save settings…");
        saveSettings.setId("save-settings");
        saveSettings.setOnAction(e -> chooseJson(true, vm::saveSettings));
        var loadSettings = new Button("Load settings…");
        loadSettings.setId("load-settings");
        loadSettings.setOnAction(e -> chooseJson(false, vm::loadSettings));
        var exports = new HBox(8, new Label("Export"), scale, exportPng, exportMetrics, saveSettings, loadSettings,
                new Label("   Layer charts:"), showPostBn);
        exports.setAlignment(Pos.CENTER_LEFT);
        var top = new VBox(4, exports, hessianLine);
        top.setPadding(new Insets(4, 8, 0, 8));

        var statusBar = new StatusBar();
        statusBar.setId("status-bar");
        statusBar.textProperty().bind(vm.statusProperty());
        var message = new Label();
        message.setId("message");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("message");
        fpsLabel.setId("fps");
        statusBar.getRightItems().addAll(message, fpsLabel);

        var controls = new ScrollPane(new ControlPanel(vm));
        controls.setFitToWidth(true);
        setLeft(controls);
        setCenter(new VBox(top, grid));
        VBox.setVgrow(grid, Priority.ALWAYS);
        setBottom(statusBar);

        vm.stateProperty().addListener((o, old, state) -> {
            if (state == TrainerState.DIVERGED && getScene() != null && getScene().getWindow() != null) {
                Notifications.create().owner(getScene().getWindow()).title("Training diverged")
                        .text(vm.messageProperty().get() + "\nThe charts keep what happened; Reset starts again.")
                        .showWarning();
            }
        });

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long started = System.nanoTime();
                frames++;
                fps.record(now);
                if (frames % FPS_LABEL_EVERY == 0) {
                    fpsLabel.setText(String.format("%.0f fps", fps.perSecond()));
                }
                if (frames % FPS_LOG_EVERY == 0) {
                    LOG.info("{} frames drawn, {} fps over the last second, frame interval median {} ms, p99 {} ms, "
                                    + "{} ms per frame in the chart update, {} steps", frames,
                            String.format("%.1f", fps.perSecond()), String.format("%.1f", fps.intervalPercentileMs(0.5)),
                            String.format("%.1f", fps.intervalPercentileMs(0.99)),
                            String.format("%.2f", handlerNanos / 1e6 / FPS_LOG_EVERY), vm.stepsProperty().get());
                    handlerNanos = 0;
                }
                vm.refresh();
                if (pulsesToSkip > 0) {
                    pulsesToSkip--;         // let a full pulse release ChartFX's data locks after a snapshot
                } else if (vm.revisionProperty().get() != shownRevision) {
                    shownRevision = vm.revisionProperty().get();
                    redraw();
                }
                handlerNanos += System.nanoTime() - started;
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
        spectrum.show(spectrumSeries(h.latestHessian(), false));
        spectrum.showSecondary(spectrumSeries(h.latestHessian(), true));
    }

    /** The latest top-k eigenvalues by rank, or ({@code overlaps}) the fraction of each eigenvector in Page's spans. */
    private static List<ChartSeries> spectrumSeries(HessianReport report, boolean overlaps) {
        if (report == null) {
            return List.of();
        }
        int k = report.eigenvalues().length;
        var ranks = new double[k];
        for (int i = 0; i < k; i++) {
            ranks[i] = i + 1;
        }
        if (!overlaps) {
            return List.of(new ChartSeries("eigenvalue (step " + report.step() + ")", ranks, report.eigenvalues()));
        }
        return List.of(
                new ChartSeries("overlap: ∇ logit batch means", ranks, report.meanOverlap()).styled("#21918c", true),
                new ChartSeries("… and variances", ranks, report.meanVarianceOverlap()).styled("#5ec962", true));
    }

    /**
     * Renders the whole window to a PNG. ChartFX takes its data-set locks in pre-layout and releases them
     * after a full pulse, which snapshot() does not run (STACK.md: data added right after a snapshot
     * deadlocked), so the charts are not touched again until two pulses have passed.
     */
    public int[] exportWindow(Path file, int scale) throws IOException {
        return exportNode(this, file, scale, vm.settingsTitle());
    }

    private int[] exportNode(Node node, Path file, int scale, String title) throws IOException {
        pulsesToSkip = 2;
        try {
            return PngExport.write(node, scale, title, file);
        } finally {
            Platform.requestNextPulse();
        }
    }

    private void choosePng(String name, IoAction action) {
        var chooser = new FileChooser();
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            run(action, file.toPath());
        }
    }

    private void chooseFolder(IoAction action) {
        File folder = new DirectoryChooser().showDialog(getScene().getWindow());
        if (folder != null) {
            run(action, folder.toPath());
        }
    }

    private void chooseJson(boolean save, IoAction action) {
        var chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ShiftScope settings", "*.json"));
        chooser.setInitialFileName("shiftscope-settings.json");
        File file = save ? chooser.showSaveDialog(getScene().getWindow()) : chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            run(action, file.toPath());
        }
    }

    /** A failed export or load says so in a dialog; the run continues. */
    private void run(IoAction action, Path path) {
        try {
            action.run(path);
        } catch (IOException | RuntimeException e) {
            var alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Could not use " + path.getFileName());
            alert.show();
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run(Path path) throws IOException;
    }

    /** Stops the frame timer (the window is closing). */
    public void stop() {
        timer.stop();
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
