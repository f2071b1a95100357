// The main window's content: controls on the left; above the charts the scenario's banner, the export bar
// and the key figures (step, λ1, η·λ1); the charts in a grid; the status bar below. An AnimationTimer asks
// the view-model for new data once per frame and redraws only when some arrived.
package org.shiftscope.ui.main;

import org.shiftscope.ui.charts.ChartBoard;
import org.shiftscope.ui.charts.LiveChart;
import org.shiftscope.ui.classroom.ScenarioBanner;
import org.shiftscope.ui.controls.ControlPanel;
import org.shiftscope.ui.export.ImageFormat;
import org.shiftscope.ui.export.PngExport;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.runs.MessageKind;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Notifications;
import org.shiftscope.model.train.TrainerState;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.Node;

public final class MainView extends BorderPane {
    private final TrainingViewModel vm;
    private final ChartBoard board = new ChartBoard();
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
    /** The Hessian's detail line is shown in windows at least this many times the font size tall (1× on 900 px). */
    private static final double DETAIL_MIN_HEIGHT_EM = 60;

    public MainView(TrainingViewModel vm) {
        this.vm = vm;
        getStylesheets().add(Appearance.BASE_STYLESHEET);
        showPostBn.setId("show-post-bn");
        showPostBn.setSelected(true);
        showPostBn.setOnAction(e -> redraw());

        board.setOnChartExport(c -> chooseFigure(c.getId() + ".png",
                file -> exportNode(c, file, exportScale.getValue(), c.title() + " · " + vm.settingsTitle())));
        vm.overlaidProperty().addListener(o -> redraw());

        var hessianLine = new Label();
        hessianLine.setId("hessian-summary");
        hessianLine.textProperty().bind(vm.hessianSummaryProperty());
        hessianLine.setMinHeight(Region.USE_PREF_SIZE);
        hessianLine.setWrapText(true);
        // The Hessian's details (λ1/λ10, the gradient's share, the report's age) take one or two lines: shown
        // where the window has the height for them, else in the key figures' tooltip.
        hessianLine.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> getHeight() >= DETAIL_MIN_HEIGHT_EM * hessianLine.getFont().getSize(),
                heightProperty(), hessianLine.fontProperty()));
        hessianLine.managedProperty().bind(hessianLine.visibleProperty());
        var stressLine = new Label();
        stressLine.setMinHeight(Region.USE_PREF_SIZE);
        stressLine.setId("stress-summary");
        stressLine.textProperty().bind(vm.stressSummaryProperty());
        stressLine.visibleProperty().bind(vm.stressSummaryProperty().isNotEmpty());
        stressLine.managedProperty().bind(stressLine.visibleProperty());
        var scenarioText = new ScenarioBanner(vm);
        var scale = exportScale;
        scale.setId("export-scale");
        scale.getItems().setAll(1, 2, 3);
        scale.setValue(2);
        scale.setTooltip(new Tooltip("Scale of exported PNG figures: 2× or 3× for print. Right-click a chart to export it alone."));
        var exportPng = new Button("Window PNG…");
        exportPng.setId("export-png");
        exportPng.setTooltip(new Tooltip("Render the whole window to a PNG at the chosen scale, titled with the settings."));
        exportPng.setOnAction(e -> chooseFigure("shiftscope-window.png", file -> exportWindow(file, scale.getValue())));
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
        var layerCharts = new HBox(8, new Label("Layer charts:"), showPostBn);   // wraps as one piece
        layerCharts.setAlignment(Pos.CENTER_LEFT);
        var exports = new FlowPane(8, 4, new Label("Export"), scale, exportPng, exportMetrics, saveSettings, loadSettings,
                layerCharts);   // wraps rather than cutting labels when the explanation panel narrows the window
        exports.setAlignment(Pos.CENTER_LEFT);
        var top = new VBox(4, scenarioText, exports, new KeyFigures(vm), hessianLine, stressLine);
        top.setPadding(new Insets(4, 8, 0, 8));

        var statusBar = new StatusLine(vm);
        fpsLabel.setId("fps");
        fpsLabel.setMinWidth(Region.USE_PREF_SIZE);
        statusBar.getRightItems().add(fpsLabel);

        var controls = new ScrollPane(new ControlPanel(vm));
        controls.setFitToWidth(true);
        setLeft(controls);
        setCenter(new VBox(top, board));
        VBox.setVgrow(board, Priority.ALWAYS);
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
        board.show(vm.runs(), vm.overlaidProperty().get(), showPostBn.isSelected(), !vm.stressSummaryProperty().get().isEmpty());
    }

    /**
     * Renders the whole window to a PNG. ChartFX takes its data-set locks in pre-layout and releases them
     * after a full pulse, which snapshot() does not run (data added right after a snapshot
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

    /** Asks where to save a figure; a name without an extension gets the chosen filter's (.png or .jpg). */
    private void chooseFigure(String name, IoAction action) {
        var chooser = new FileChooser();
        chooser.setInitialFileName(name);
        var png = new FileChooser.ExtensionFilter("PNG image", "*.png");
        var jpeg = new FileChooser.ExtensionFilter("JPEG image", "*.jpg", "*.jpeg");
        chooser.getExtensionFilters().addAll(png, jpeg);
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            Path target = ImageFormat.withExtension(file.toPath(),
                    chooser.getSelectedExtensionFilter() == jpeg ? ImageFormat.JPEG : ImageFormat.PNG);
            if (run(action, target)) {
                vm.showMessage("Figure saved as " + target.toAbsolutePath(), MessageKind.SUCCESS);
                Notice.done(getScene().getWindow(), "Figure saved", target.toAbsolutePath().toString());
            }
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

    /** A failed export or load says so in a dialog; the run continues. @return whether the action succeeded */
    private boolean run(IoAction action, Path path) {
        try {
            action.run(path);
            return true;
        } catch (IOException | RuntimeException e) {
            var alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
            alert.setHeaderText("Could not use " + path.getFileName());
            alert.show();
            return false;
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

    public ChartBoard board() {
        return board;
    }

    public LiveChart lossChart() {
        return board.lossChart();
    }

    public LiveChart meanChart() {
        return board.meanChart();
    }

    public LiveChart densityChart() {
        return board.densityChart();
    }

    public LiveChart hessianChart() {
        return board.hessianChart();
    }
}
