// How the window looks: the colour theme and the presentation scale (1 = normal; 1.5 or 2 for a projector).
// Applied to a root node as stylesheets, one root font size that every em-sized font and gap follows, and
// the "presentation" style class (thicker lines, larger demo controls, secondary controls hidden).
package org.shiftscope.ui.look;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.text.Font;

import java.util.List;
import java.util.Locale;

public final class Appearance {
    public static final String BASE_STYLESHEET = Appearance.class.getResource("shiftscope.css").toExternalForm();
    public static final double MIN_SCALE = 1;
    public static final double MAX_SCALE = 3;
    /** What the presentation switch cycles through. */
    public static final List<Double> PRESENTATION_STEPS = List.of(1.0, 1.5, 2.0);
    static final String PRESENTATION_CLASS = "presentation";

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale");

    public Appearance(Theme theme, double scale) {
        this.theme.set(theme);
        this.scale.set(checkScale(scale));
    }

    /** The system font size at scale 1 (JavaFX's default font; 13 px on Linux desktops). */
    public static double normalFontSize() {
        return Font.getDefault().getSize();
    }

    /** "1", "1.5", "2" … (any number from 1 to 3); anything else is refused with the allowed range. */
    public static double parseScale(String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim().replace("×", "").replace("x", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rangeMessage(text));
        }
        if (!(value >= MIN_SCALE && value <= MAX_SCALE)) {
            throw new IllegalArgumentException(rangeMessage(text));
        }
        return value;
    }

    private static double checkScale(double value) {
        return parseScale(Double.toString(value));
    }

    private static String rangeMessage(String text) {
        return "presentation scale must be a number from 1 to 3, e.g. 1.5 or 2 (got '" + text + "')";
    }

    /** Applies the look to {@code root} now and whenever the theme or the scale changes. */
    public void applyTo(Parent root) {
        theme.addListener(o -> update(root));
        scale.addListener(o -> update(root));
        root.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                update(root);
            }
        });
        update(root);
    }

    private void update(Parent root) {
        var sheets = root.getStylesheets();
        for (Theme t : Theme.values()) {
            sheets.remove(t.stylesheetUrl());
        }
        if (!sheets.contains(BASE_STYLESHEET)) {
            sheets.add(0, BASE_STYLESHEET);
        }
        if (theme.get().stylesheetUrl() != null) {
            sheets.add(theme.get().stylesheetUrl());
        }
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", normalFontSize() * scale.get()));
        boolean presenting = isPresenting();
        root.getStyleClass().remove(PRESENTATION_CLASS);
        if (presenting) {
            root.getStyleClass().add(PRESENTATION_CLASS);
        }
        if (root.getScene() != null) {
            root.applyCss();            // creates the skins, so the demo controls inside them can be found
        }
        DemoLayout.apply(root, presenting);
    }

    public boolean isPresenting() {
        return scale.get() > MIN_SCALE;
    }

    /** Normal → 1.5× → 2× → normal. */
    public void cyclePresentation() {
        int i = PRESENTATION_STEPS.indexOf(scale.get());
        scale.set(PRESENTATION_STEPS.get((i + 1) % PRESENTATION_STEPS.size()));
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** 1 = normal; above 1 = presentation mode with every font scaled by this factor. */
    public DoubleProperty scaleProperty() {
        return scale;
    }
}
