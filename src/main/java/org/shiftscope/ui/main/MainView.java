// The main window's content: controls on the left; above the charts a slot for the scenario's banner, the
// export bar and the key figures (step, λ1, η·λ1); the charts in a grid; the status bar below. An
// AnimationTimer refreshes the view-model once per frame and redraws only when new data arrived.
package org.shiftscope.ui.main;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.Notifications;
import org.shiftscope.model.train.TrainerState;
import org.shiftscope.ui.charts.ChartBoard;
import org.shiftscope.ui.charts.LiveChart;
import org.shiftscope.ui.controls.ControlPanel;
import org.shiftscope.ui.export.ExportBar;
import org.shiftscope.ui.export.FigureExport;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.runs.RunsViewModel;

import java.io.IOException;
import java.nio.file.Path;

public final class MainView extends BorderPane {
    /** The Hessian's detail line is shown in windows at least this many times the font size tall (1× on 900 px). */
    private static final double DETAIL_MIN_HEIGHT_EM = 60;
    private final WindowViewModel vm;
    private final ChartBoard board = new ChartBoard();
    private final CheckBox showPostBn = new CheckBox("after BN (input of the nonlinearity)");
    private final VBox top;
    private final ControlPanel controls;
    private final StatusLine statusBar;
    private final ExportBar exportBar;
    private final FrameClock clock;
    private int pulsesToSkip;
    private long shownRevision = -1;

    public MainView(WindowViewModel vm) {
        this.vm = vm;
        RunsViewModel runs = vm.runs();
        getStylesheets().add(Appearance.BASE_STYLESHEET);
        showPostBn.setId("show-post-bn");
        showPostBn.setSelected(true);
        showPostBn.setOnAction(e -> redraw());
        vm.settings().overlaidProperty().addListener(o -> redraw());

        var layerCharts = new HBox(8, new Label("Layer charts:"), showPostBn);   // wraps as one piece
        layerCharts.setAlignment(Pos.CENTER_LEFT);
        exportBar = new ExportBar(vm.export(), vm.choices(), runs, this::exportWindow, this::exportFigure, layerCharts);
        board.setOnChartExport(c -> exportBar.chooseFigure(c.getId() + ".png",
                (file, scale) -> exportNode(c, file, scale, c.title() + " · " + vm.export().settingsTitle()),
                ExportBar.CHART_FORMATS));
        top = new VBox(4, exportBar, new KeyFigures(runs), detailLine(runs), stressLine(runs));
        top.setPadding(new Insets(4, 8, 0, 8));

        statusBar = new StatusLine(runs);
        controls = new ControlPanel(vm.settings(), runs, vm.choices(), vm.perturbation());
        var column = new ScrollPane(controls);
        column.setFitToWidth(true);
        setLeft(column);
        setCenter(new VBox(top, board));
        VBox.setVgrow(board, Priority.ALWAYS);
        setBottom(statusBar);

        runs.stateProperty().addListener((o, old, state) -> {
            if (state == TrainerState.DIVERGED && getScene() != null && getScene().getWindow() != null) {
                Notifications.create().owner(getScene().getWindow()).title("Training diverged")
                        .text(runs.messageLine().textProperty().get() + "\nThe charts keep what happened; Reset starts again.")
                        .showWarning();
            }
        });
        var fpsLabel = new Label();
        statusBar.getRightItems().add(fpsLabel);
        clock = new FrameClock(this::onFrame, runs.stepsProperty()::get, fpsLabel);
        clock.start();
    }

    /** The Hessian's details (λ1/λ10, the gradient's share, the report's age), where the window has the height. */
    private Label detailLine(RunsViewModel runs) {
        var line = new Label();
        line.setId("hessian-summary");
        line.textProperty().bind(runs.figures().hessianSummaryProperty());
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.setWrapText(true);
        line.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> getHeight() >= DETAIL_MIN_HEIGHT_EM * line.getFont().getSize(), heightProperty(), line.fontProperty()));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private static Label stressLine(RunsViewModel runs) {
        var line = new Label();
        line.setMinHeight(Region.USE_PREF_SIZE);
        line.setId("stress-summary");
        line.textProperty().bind(runs.figures().stressSummaryProperty());
        line.visibleProperty().bind(runs.figures().stressSummaryProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    /** Puts the scenario's banner above the export bar (the classroom features bring it). */
    public void setBanner(Node banner) {
        top.getChildren().add(0, banner);
    }

    /** Once per frame: the view-model takes in new data; the charts redraw when some arrived. */
    private void onFrame() {
        vm.refresh();
        if (pulsesToSkip > 0) {
            pulsesToSkip--;         // let a full pulse release ChartFX's data locks after a snapshot
        } else if (vm.runs().revisionProperty().get() != shownRevision) {
            shownRevision = vm.runs().revisionProperty().get();
            redraw();
        }
    }

    private void redraw() {
        board.show(vm.runs().runs(), vm.settings().overlaidProperty().get(), showPostBn.isSelected(),
                !vm.runs().figures().stressSummaryProperty().get().isEmpty());
    }

    /**
     * Renders the whole window to a PNG. ChartFX takes its data-set locks in pre-layout and releases them
     * after a full pulse, which snapshot() does not run (data added right after a snapshot
     * deadlocked), so the charts are not touched again until two pulses have passed.
     */
    public int[] exportWindow(Path file, int scale) throws IOException {
        return exportNode(this, file, scale, vm.export().settingsTitle());
    }

    /** The charts alone (the board), titled with the settings: the figure of a write-up, in any format. */
    public int[] exportFigure(Path file, int scale) throws IOException {
        return exportNode(board, file, scale, vm.export().settingsTitle());
    }

    private int[] exportNode(Node node, Path file, int scale, String title) throws IOException {
        pulsesToSkip = 2;
        try {
            return FigureExport.write(node, scale, title, file);
        } finally {
            Platform.requestNextPulse();
        }
    }

    public ControlPanel controls() {
        return controls;
    }

    public StatusLine statusBar() {
        return statusBar;
    }

    public ExportBar exportBar() {
        return exportBar;
    }

    /** Stops the frame timer (the window is closing). */
    public void stop() {
        clock.stop();
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
