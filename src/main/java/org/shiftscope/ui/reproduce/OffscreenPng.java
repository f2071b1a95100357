// Draws a reproduction's figure off screen (OffscreenStage) and writes it as a PNG with its title band (PngExport).
// Used by the headless `reproduce` commands; runs on the FX thread (Monocle when there is no display).
package org.shiftscope.ui.reproduce;

import javafx.scene.Parent;
import org.shiftscope.ui.export.OffscreenStage;
import org.shiftscope.ui.export.PngExport;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

final class OffscreenPng {
    private OffscreenPng() {
    }

    /**
     * Must be called on the FX thread. Completes with the image size written (width, height in pixels), or
     * exceptionally with the failure (an IOException when the file could not be written).
     */
    static CompletableFuture<int[]> write(Parent figure, double width, double height, String title, Path file, int scale) {
        return OffscreenStage.settleThen(figure, width, height, settled -> PngExport.write(settled, scale, title, file));
    }
}
