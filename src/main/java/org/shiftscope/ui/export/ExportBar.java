// The export bar above the charts: the scale of exported figures, the window as a PNG, the charts as an SVG
// or PDF figure, the runs' metrics in the CLI's formats, and saving or loading the settings. A failure is said
// in a dialog and the run goes on. Its file dialogs also serve a chart's own export (right-click).
package org.shiftscope.ui.export;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.shiftscope.ui.controls.RunChoicesViewModel;
import org.shiftscope.ui.look.DemoRole;
import org.shiftscope.ui.runs.MessageKind;
import org.shiftscope.ui.runs.RunsViewModel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;

public final class ExportBar extends FlowPane {
    /** Writes a figure at a path (the window, or one chart) at the chosen scale. */
    @FunctionalInterface
    public interface FigureWriter {
        void write(Path file, int scale) throws IOException;
    }

    /** Asks where to save a figure: the platform's dialog, or a test's answer. */
    @FunctionalInterface
    public interface SaveDialog {
        File ask(FileChooser chooser);
    }

    /** The formats a chart's own export offers. */
    public static final List<ImageFormat> CHART_FORMATS = List.of(ImageFormat.PNG, ImageFormat.JPEG, ImageFormat.SVG,
            ImageFormat.PDF);
    private final RunsViewModel runs;
    private final ChoiceBox<Integer> scale = new ChoiceBox<>();
    private SaveDialog saveDialog = chooser -> chooser.showSaveDialog(getScene().getWindow());

    /**
     * @param window writes the whole window (pixels) @param figure writes the charts alone (vector)
     * @param extra nodes that end the bar (wrapping with it when the window narrows)
     */
    public ExportBar(ExportViewModel export, RunChoicesViewModel choices, RunsViewModel runs, FigureWriter window,
                     FigureWriter figure, Node... extra) {
        super(8, 4);
        this.runs = runs;
        scale.setId("export-scale");
        scale.getItems().setAll(1, 2, 3);
        scale.setValue(2);
        scale.setTooltip(new Tooltip("Scale of exported PNG figures: 2× or 3× for print. Right-click a chart to export it alone."));
        var png = new Button("Window PNG…");
        png.setId("export-png");
        png.setTooltip(new Tooltip("Render the whole window to a PNG at the chosen scale, titled with the settings."));
        png.setOnAction(e -> chooseFigure("shiftscope-window.png", window, List.of(ImageFormat.PNG, ImageFormat.JPEG)));
        var vector = new Button("Figure SVG/PDF…");
        vector.setId("export-vector");
        vector.setTooltip(new Tooltip("Write the charts as an SVG or PDF figure for a write-up: text stays text, lines stay lines."));
        vector.setOnAction(e -> chooseFigure("shiftscope-figure.svg", figure, List.of(ImageFormat.SVG, ImageFormat.PDF)));
        var metrics = new Button("Metrics…");
        metrics.setId("export-metrics");
        metrics.setTooltip(new Tooltip("Write config.json, metrics.csv, layers.csv, hessian.csv and summary.json, as the CLI does."));
        metrics.setOnAction(e -> ifChosen(new DirectoryChooser().showDialog(getScene().getWindow()), folder ->
                export.exportMetrics(folder, () -> runs.showMessage("Metrics written to " + folder.toAbsolutePath(),
                        MessageKind.SUCCESS), failure -> failed(folder, failure))));
        var save = new Button("Save settings…");
        save.setId("save-settings");
        save.setOnAction(e -> ifChosen(settingsChooser().showSaveDialog(getScene().getWindow()), file -> {
            try {
                choices.saveSettings(file, () -> runs.showMessage("Settings saved as " + file.toAbsolutePath(),
                        MessageKind.SUCCESS), failure -> failed(file, failure));
            } catch (IllegalArgumentException ex) {
                failed(file, ex);
            }
        }));
        var load = new Button("Load settings…");
        load.setId("load-settings");
        load.setOnAction(e -> ifChosen(settingsChooser().showOpenDialog(getScene().getWindow()),
                file -> choices.loadSettings(file, failure -> failed(file, failure))));
        getChildren().addAll(new Label("Export"), scale, png, vector, metrics, save, load);
        getChildren().addAll(extra);
        setAlignment(Pos.CENTER_LEFT);
        DemoRole.OPTIONAL.mark(this);
    }

    /** The scale figures are exported at (the E shortcut uses it too). */
    public int scale() {
        return scale.getValue();
    }

    /** Who answers the save dialogs (tests answer in place of the platform's dialog). */
    public void setSaveDialog(SaveDialog dialog) {
        this.saveDialog = dialog;
    }

    /** Asks where to save a figure in one of {@code formats}; a name without an extension gets the chosen filter's. */
    public void chooseFigure(String name, FigureWriter writer, List<ImageFormat> formats) {
        var chooser = new FileChooser();
        chooser.setInitialFileName(name);
        var filters = new LinkedHashMap<FileChooser.ExtensionFilter, ImageFormat>();
        for (ImageFormat format : formats) {
            filters.put(new FileChooser.ExtensionFilter(format.description(),
                    format.extensions().stream().map(ext -> "*." + ext).toList()), format);
        }
        chooser.getExtensionFilters().addAll(filters.keySet());
        File file = saveDialog.ask(chooser);
        if (file != null) {
            Path target = ImageFormat.withExtension(file.toPath(),
                    filters.getOrDefault(chooser.getSelectedExtensionFilter(), formats.get(0)));
            try {
                writer.write(target, scale());
                runs.showMessage("Figure saved as " + target.toAbsolutePath(), MessageKind.SUCCESS);
                Notice.done(getScene().getWindow(), "Figure saved", target.toAbsolutePath().toString());
            } catch (IOException | RuntimeException e) {
                failed(target, e);
            }
        }
    }

    private static FileChooser settingsChooser() {
        var chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ShiftScope settings", "*.json"));
        chooser.setInitialFileName("shiftscope-settings.json");
        return chooser;
    }

    private static void ifChosen(File chosen, Consumer<Path> use) {
        if (chosen != null) {
            use.accept(chosen.toPath());
        }
    }

    /** A failed export or load says so in a dialog; the run continues. */
    private static void failed(Path path, Throwable e) {
        var alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
        alert.setHeaderText("Could not use " + path.getFileName());
        alert.show();
    }
}
