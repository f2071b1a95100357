// Puts the classroom features on the main window: the look (theme, presentation scale), the scenario banner,
// the "What am I looking at?" panel with hover-to-explain, their switches in the status bar, the keyboard
// shortcuts and their tooltips; kept apart from MainView so the layout and these features change apart.
package org.shiftscope.ui.classroom;

import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;
import org.shiftscope.ui.main.MainView;
import org.shiftscope.ui.main.WindowViewModel;

import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.controlsfx.control.SegmentedButton;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

public final class ClassroomWindow {
    private final ExplanationPanel panel = new ExplanationPanel(new Explanations(Locale.getDefault()));
    private final ClassroomCommands commands;

    private ClassroomWindow(Stage stage, MainView view, WindowViewModel vm, Appearance appearance,
                            Supplier<Path> exportFolder) {
        commands = new ClassroomCommands(vm, view, stage, appearance, panel, exportFolder);
        panel.managedProperty().bind(panel.visibleProperty());
        panel.setVisible(!appearance.isPresenting());
        appearance.scaleProperty().addListener(o -> panel.setVisible(!appearance.isPresenting()));
        view.setRight(panel);
        vm.choices().scenarioProperty().addListener((o, old, now) -> {
            if (now == null) {
                panel.showScenario(ExplanationPanel.OVERVIEW, "");
            } else {
                panel.showScenario(now.id(), now.title() + "\n\n" + String.join("\n\n", now.explanation())
                        + (now.reference().isBlank() ? "" : "\n\n" + now.reference()));
            }
        });
        TitleHover.install(view, panel);
        var switches = List.of(sizeSwitch(appearance), themeSwitch(appearance), explainSwitch(), sheetButton());
        switches.forEach(ClassroomWindow::keepFullWidth);
        view.statusBar().getRightItems().addAll(0, switches);
        view.setBanner(new ScenarioBanner(vm.choices()));
        appearance.applyTo(view);
        new Shortcuts(commands.actions()).install(stage.getScene());
        Shortcuts.annotateTooltips(view);
    }

    /**
     * Installs everything on a shown or about-to-be-shown window whose scene's root is {@code view}.
     * @param exportFolder where the E shortcut writes the window's PNG
     */
    public static ClassroomWindow install(Stage stage, MainView view, WindowViewModel vm, Appearance appearance,
                                          Supplier<Path> exportFolder) {
        return new ClassroomWindow(stage, view, vm, appearance, exportFolder);
    }

    public ExplanationPanel explanationPanel() {
        return panel;
    }

    ClassroomCommands commands() {
        return commands;
    }

    private static SegmentedButton sizeSwitch(Appearance appearance) {
        var group = new SegmentedButton();
        group.setId("presentation-switch");
        var toggles = new ToggleGroup();
        for (double scale : Appearance.PRESENTATION_STEPS) {
            var button = new ToggleButton(scale == 1 ? "1×" : scale == 1.5 ? "1.5×" : "2×");
            button.setUserData(scale);
            button.setToggleGroup(toggles);
            button.setSelected(scale == appearance.scaleProperty().get());
            button.setOnAction(e -> {
                appearance.scaleProperty().set(scale);
                button.setSelected(true);
            });
            group.getButtons().add(button);
        }
        appearance.scaleProperty().addListener((o, a, scale) -> group.getButtons()
                .forEach(b -> b.setSelected(b.getUserData().equals(scale.doubleValue()))));
        group.setTooltip(tip("Presentation mode for a projector: every font scaled, thicker lines, larger demo controls, "
                + "secondary controls hidden. Shortcut: P"));
        return group;
    }

    private static ToggleButton themeSwitch(Appearance appearance) {
        var dark = new ToggleButton("Dark");
        dark.setId("theme-switch");
        dark.setSelected(appearance.themeProperty().get() == Theme.DARK);
        dark.setOnAction(e -> appearance.themeProperty().set(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        appearance.themeProperty().addListener((o, a, theme) -> dark.setSelected(theme == Theme.DARK));
        dark.setTooltip(tip("Dark or light theme, both high-contrast. Shortcut: T"));
        return dark;
    }

    private ToggleButton explainSwitch() {
        var explain = new ToggleButton("Explain");
        explain.setId("explain-switch");
        explain.selectedProperty().bindBidirectional(panel.visibleProperty());
        explain.setTooltip(tip("Show or hide \"What am I looking at?\": hover a chart's title to read what it shows. "
                + "Shortcut: I"));
        return explain;
    }

    private Button sheetButton() {
        var sheet = new Button("?");
        sheet.setId("sheet-button");
        sheet.setOnAction(e -> commands.toggleSheet());
        sheet.setTooltip(tip("Keyboard shortcuts. Shortcut: ?"));
        return sheet;
    }

    /** The status text may shorten when space runs out; these switches must stay readable. */
    private static void keepFullWidth(Control control) {
        control.setMinWidth(Region.USE_PREF_SIZE);
        if (control instanceof SegmentedButton group) {
            group.getButtons().forEach(b -> b.setMinWidth(Region.USE_PREF_SIZE));
        }
    }

    private static Tooltip tip(String text) {
        var tooltip = new Tooltip(text);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(360);
        return tooltip;
    }
}
