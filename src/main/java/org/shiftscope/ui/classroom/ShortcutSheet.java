// The sheet of keyboard shortcuts ("?" or Escape toggles it): every Shortcut with its description, in the
// main window's theme and font size, shown in full; long descriptions wrap, a second column takes what one
// cannot hold, and only then (2× on 1280×720) does the font shrink.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.look.Appearance;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

public final class ShortcutSheet {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.shiftscope.ui.classroom.shortcuts");
    /** Widest a description grows before it wraps, in em of the sheet's font. */
    private static final double DESCRIPTION_WIDTH_EM = 34;
    /** Narrowest a description is squeezed to when the main window is small, in em. */
    private static final double MIN_DESCRIPTION_WIDTH_EM = 12;
    /** Gap between the key and its description, and between two columns of shortcuts, in em. */
    private static final double GAP_EM = 1.2;
    /** Room left free between the sheet and the main window's edges (and a window manager's title bar), in px. */
    private static final double WINDOW_MARGIN = 48;
    /** At most this many columns of shortcuts. */
    private static final int MAX_COLUMNS = 2;
    /** When even that is too tall, the font shrinks by this factor until the sheet fits. */
    private static final double FONT_STEP = 0.9;

    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final VBox content = new VBox();
    /** The columns of shortcuts side by side, each a grid of key and description with rows of its own. */
    private final HBox table = new HBox();
    private final List<Label> keys = new ArrayList<>();
    private final List<Label> descriptions = new ArrayList<>();
    private final Label note = new Label(TEXT.getString("sheet_note"));
    private final Window owner;
    private final Parent lookSource;

    /** @param lookSource the node whose stylesheets, font size and theme the sheet copies when shown */
    public ShortcutSheet(Window owner, Parent lookSource) {
        this.owner = owner;
        this.lookSource = lookSource;
        stage.initOwner(owner);
        stage.setTitle(TEXT.getString("sheet_title"));
        for (Shortcut shortcut : Shortcut.values()) {
            var key = new Label(shortcut.key());
            key.getStyleClass().add("shortcut-key");
            key.setMinWidth(Region.USE_PREF_SIZE);
            var description = new Label(shortcut.description());
            description.getStyleClass().add("explain-text");
            description.setWrapText(true);
            description.setMinHeight(Region.USE_PREF_SIZE);
            keys.add(key);
            descriptions.add(description);
        }
        note.getStyleClass().add("explain-hint");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        content.setId("shortcut-sheet");
        content.setPadding(new Insets(12));
        content.setSpacing(10);
        content.getChildren().addAll(table, note);
        fill(1, Double.MAX_VALUE, 0);          // in the scene from the start, so CSS gives the labels their font
        var scene = new Scene(content);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE || Shortcut.SHEET.matches(e)) {
                stage.hide();
                e.consume();
            }
        });
        stage.setScene(scene);
    }

    public void toggle() {
        if (stage.isShowing()) {
            stage.hide();
            return;
        }
        content.getStylesheets().setAll(lookSource.getStylesheets());
        content.setStyle(lookSource.getStyle());
        content.applyCss();
        arrange(keys.get(0).getFont().getSize());
        stage.sizeToScene();
        stage.show();
        stage.sizeToScene();
        placeOverOwner();
    }

    /**
     * In the main window's font size if the sheet fits the main window in one or more columns, else in the
     * largest smaller size that fits (never below the normal size).
     */
    private void arrange(double fontSize) {
        double size = fontSize;
        while (!fitsInColumns(size) && size > Appearance.normalFontSize()) {
            size = Math.max(Appearance.normalFontSize(), size * FONT_STEP);
        }
    }

    /** Lays the sheet out in {@code fontSize}, in one column if that fits, else more: whether it fits. */
    private boolean fitsInColumns(double fontSize) {
        content.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx; -fx-background-color: -ss-panel;", fontSize));
        content.applyCss();
        double keyWidth = keys.stream().mapToDouble(k -> k.prefWidth(-1)).max().orElse(0);
        double gap = GAP_EM * fontSize;
        double chrome = content.getPadding().getLeft() + content.getPadding().getRight();
        for (int columns = 1; columns <= MAX_COLUMNS; columns++) {
            double room = (owner.getWidth() - WINDOW_MARGIN - chrome - (columns - 1) * gap) / columns - keyWidth - gap;
            double width = Math.max(MIN_DESCRIPTION_WIDTH_EM * fontSize, Math.min(DESCRIPTION_WIDTH_EM * fontSize, room));
            fill(columns, width, gap);
            content.applyCss();                // skins for labels put back into the grid
            note.setMaxWidth(table.prefWidth(-1));
            if (content.prefHeight(content.prefWidth(-1)) <= owner.getHeight() - WINDOW_MARGIN) {
                return true;
            }
        }
        return false;
    }

    /** Lays the shortcuts out top to bottom in {@code columns} columns, descriptions at most {@code width} wide. */
    private void fill(int columns, double width, double gap) {
        table.getChildren().clear();
        table.setSpacing(gap);
        int perColumn = (keys.size() + columns - 1) / columns;
        for (int first = 0; first < keys.size(); first += perColumn) {
            var column = new GridPane();
            column.setHgap(gap);
            column.setVgap(gap / 4);
            for (int i = first; i < Math.min(first + perColumn, keys.size()); i++) {
                descriptions.get(i).setMaxWidth(width);
                GridPane.setValignment(keys.get(i), VPos.TOP);
                GridPane.setValignment(descriptions.get(i), VPos.TOP);
                column.addRow(i - first, keys.get(i), descriptions.get(i));
            }
            table.getChildren().add(column);
        }
    }

    /** Centred over the main window, never above or left of it (a sheet placed off screen cannot be read). */
    private void placeOverOwner() {
        stage.setX(owner.getX() + Math.max(0, (owner.getWidth() - stage.getWidth()) / 2));
        stage.setY(owner.getY() + Math.max(0, (owner.getHeight() - stage.getHeight()) / 2));
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    /** The sheet's root, for tests. */
    public Parent content() {
        return content;
    }

    /** The sheet's window, for tests. */
    Stage stage() {
        return stage;
    }
}
