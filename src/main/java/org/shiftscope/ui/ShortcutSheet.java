// The sheet of keyboard shortcuts ("?"): a small window beside the main one listing every Shortcut with
// its description, in the main window's theme and font size. "?" or Escape closes it again.
package org.shiftscope.ui;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

import java.util.ResourceBundle;

public final class ShortcutSheet {
    private static final ResourceBundle TEXT = ResourceBundle.getBundle("org.shiftscope.ui.shortcuts");
    /** Width of the note under the table, in em. */
    private static final double NOTE_WIDTH_EM = 30;

    private final Stage stage = new Stage(StageStyle.UTILITY);
    private final VBox content = new VBox();
    private final Parent lookSource;

    /** @param lookSource the node whose stylesheets, font size and theme the sheet copies when shown */
    public ShortcutSheet(Window owner, Parent lookSource) {
        this.lookSource = lookSource;
        stage.initOwner(owner);
        stage.setTitle(TEXT.getString("sheet_title"));
        var table = new GridPane();
        table.setHgap(16);
        table.setVgap(4);
        int row = 0;
        for (Shortcut shortcut : Shortcut.values()) {
            var key = new Label(shortcut.key());
            key.getStyleClass().add("shortcut-key");
            var description = new Label(shortcut.description());
            description.getStyleClass().add("explain-text");
            table.addRow(row++, key, description);
        }
        var note = new Label(TEXT.getString("sheet_note"));
        note.getStyleClass().add("explain-hint");
        note.setWrapText(true);
        content.setId("shortcut-sheet");
        content.getStyleClass().add("explanation-panel");
        content.setPadding(new Insets(12));
        content.setSpacing(10);
        content.getChildren().addAll(table, note);
        note.maxWidthProperty().bind(table.widthProperty());
        note.setPrefWidth(NOTE_WIDTH_EM * Appearance.normalFontSize());
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
        stage.sizeToScene();
        stage.show();
        stage.sizeToScene();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    /** The sheet's root, for tests. */
    public Parent content() {
        return content;
    }
}
