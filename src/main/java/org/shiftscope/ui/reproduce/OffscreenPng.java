// Draws a figure off screen and writes it as a PNG with its title band (PngExport): the node is shown in a stage
// with the window's light theme, ChartFX gets a few pulses to lay out and draw, then the stage is snapshotted.
// Used by the headless `reproduce` commands; runs on the FX thread (Monocle when there is no display).
package org.shiftscope.ui.reproduce;

import org.shiftscope.ui.export.PngExport;
import org.shiftscope.ui.look.Appearance;
import org.shiftscope.ui.look.Theme;

import javafx.animation.AnimationTimer;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

final class OffscreenPng {
    /** Pulses to wait after showing the stage: a ChartFX chart snapshotted before its first pulses comes out blank. */
    private static final int SETTLE_PULSES = 6;

    private OffscreenPng() {
    }

    /**
     * Must be called on the FX thread. Completes with the image size written (width, height in pixels), or
     * exceptionally with the failure (an IOException when the file could not be written).
     */
    static CompletableFuture<int[]> write(Parent figure, double width, double height, String title, Path file, int scale) {
        var done = new CompletableFuture<int[]>();
        new Appearance(Theme.LIGHT, Appearance.MIN_SCALE).applyTo(figure);
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
                    done.complete(PngExport.write(figure, scale, title, file));
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
