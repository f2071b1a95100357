// The Dataset box of the settings column: the embedded Fashion-MNIST subset, the synthetic set, the folder in
// use and "folder…" (MNIST-format or CIFAR-10 files). It always shows the dataset the run trains on: a choice
// shows once loaded; a cancelled or refused folder, or data that cannot be loaded, puts it back.
package org.shiftscope.ui.controls;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.shiftscope.model.data.EmbeddedData;
import org.shiftscope.model.data.SyntheticData;
import org.shiftscope.ui.runs.RunsViewModel;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

final class DatasetPicker {
    /** The entry that asks for a folder; never the value once the question is answered. */
    static final String FOLDER = "folder…";
    private static final List<String> BUILT_IN = List.of(EmbeddedData.FASHION_MNIST, SyntheticData.NAME);

    private final RunsViewModel runs;
    private final RunChoicesViewModel choices;
    private final Function<Window, File> askFolder;
    private final ChoiceBox<String> box = new ChoiceBox<>();
    /** Set while the box is made to show the dataset in use, so that is not taken as a choice. */
    private boolean showingInUse;

    /** @param askFolder asks for a folder over the given window; null when the user cancels */
    private DatasetPicker(RunsViewModel runs, RunChoicesViewModel choices, Function<Window, File> askFolder) {
        this.runs = runs;
        this.choices = choices;
        this.askFolder = askFolder;
        box.setId("dataset");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String spec) {
                return spec == null || BUILT_IN.contains(spec) || spec.equals(FOLDER) ? spec : folderLabel(spec);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        box.setTooltip(new Tooltip("Data: the embedded Fashion-MNIST subset (10,000 + 2,000 images), a synthetic "
                + "Gaussian-class set, or a folder holding the four MNIST-format IDX files or CIFAR-10's binary files."));
        box.getTooltip().setWrapText(true);
        box.getTooltip().setMaxWidth(360);
        showInUse();
        box.setOnAction(e -> choose());
        runs.datasetNameProperty().addListener(o -> showInUse());     // a scenario or loaded settings chose one
    }

    /** The box, showing the runs' dataset; folders are asked for with {@code askFolder}. */
    static ChoiceBox<String> choice(RunsViewModel runs, RunChoicesViewModel choices, Function<Window, File> askFolder) {
        return new DatasetPicker(runs, choices, askFolder).box;
    }

    private void choose() {
        String choice = box.getValue();
        if (showingInUse || choice == null) {
            return;
        }
        if (FOLDER.equals(choice)) {
            File folder = askFolder.apply(box.getScene().getWindow());
            if (folder != null) {
                choices.useDataset(folder.getAbsolutePath());
            }
        } else if (!choice.equals(runs.datasetNameProperty().get())) {
            choices.useDataset(choice);
        }
        showInUse();
    }

    /** The entries, with the folder in use among them, and the one in use selected. */
    private void showInUse() {
        String inUse = runs.datasetNameProperty().get();
        showingInUse = true;
        try {
            var entries = new ArrayList<>(BUILT_IN);
            if (!BUILT_IN.contains(inUse)) {
                entries.add(inUse);
            }
            entries.add(FOLDER);
            box.getItems().setAll(entries);
            box.setValue(inUse);
        } finally {
            showingInUse = false;
        }
    }

    /** "folder: name" for a folder path, short enough for the settings column (the tooltip is general). */
    static String folderLabel(String spec) {
        try {
            Path name = Path.of(spec).getFileName();
            return "folder: " + (name == null ? spec : name);
        } catch (InvalidPathException e) {
            return "folder: " + spec;
        }
    }
}
