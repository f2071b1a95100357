// Shows a figure in a stage with the window's light theme (every axis titled, as a write-up needs), lets ChartFX
// lay out and draw for a few pulses, then runs the export and closes the stage: how the headless commands
// (`render`, `reproduce`) draw off screen.
package org.shiftscope.ui.export;

import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

public final class OffscreenStage {
    /** Pulses to wait after showing the stage: a ChartFX chart snapshotted before its first pulses comes out blank. */
    private static final int SETTLE_PULSES = 6;
    /** Style class of a figure drawn here: its time axes write "step", which the window leaves out to save height. */
    private static final String FIGURE_CLASS = "offscreen-figure";

    /** What to do with the settled figure, on the FX thread. */
    public interface Export<T> {
        T export(Parent figure) throws IOException;
    }

    private OffscreenStage() {
    }

    /** Must be called on the FX thread; completes with the export's result, or exceptionally with its failure. */
    public static <T> CompletableFuture<T> settleThen(Parent figure, double width, double height, Export<T> export) {
        var done = new CompletableFuture<T>();
        new Appearance(Theme.LIGHT, Appearance.MIN_SCALE).applyTo(figure);     // the window's colours and fonts
        figure.getStyleClass().add(FIGURE_CLASS);
        var stage = new Stage();
        stage.setScene(new Scene(figure, width, height));
        stage.show();
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < SETTLE_PULSES) {
                    return;
                }
                stop();
                try {
                    done.complete(export.export(figure));
                } catch (IOException | RuntimeException e) {
                    done.completeExceptionally(e);
                } finally {
                    stage.close();
                }
            }
        }.start();
        return done;
    }
}
