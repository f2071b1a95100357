// Writes a figure in the format its file name announces: pixels (PngExport, at the chosen scale) or vector
// (VectorExport, scale-free). What the window's export and the `render` command call.
package org.shiftscope.ui.export;

import javafx.scene.Node;

import java.io.IOException;
import java.nio.file.Path;

public final class FigureExport {
    private FigureExport() {
    }

    /**
     * Must run on the FX thread.
     * @return the size written: pixels for PNG and JPEG, scene pixels (1×) for SVG and PDF
     */
    public static int[] write(Node node, int scale, String title, Path file) throws IOException {
        return ImageFormat.of(file).vector() ? VectorExport.write(node, title, file) : PngExport.write(node, scale, title, file);
    }
}
