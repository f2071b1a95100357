// Draws finished runs with the window's own charts (ChartBoard) off screen and writes them as PNG, SVG or PDF
// files: the whole board and every chart on it, each with the settings' title band (FigureExport). Used by the
// headless `render` command; runs on the FX thread in a stage that is never shown on a real screen under Monocle.
package org.shiftscope.ui.export;

import org.shiftscope.ui.charts.ChartBoard;
import org.shiftscope.ui.charts.ChartRun;
import org.shiftscope.ui.charts.HeatmapView;
import org.shiftscope.ui.charts.LiveChart;

import javafx.scene.Node;
import javafx.scene.Parent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

public final class FigureRenderer {
    /** Size of the board in scene pixels (the PNGs are this times the scale). */
    public static final int BOARD_WIDTH = 1400;
    public static final int BOARD_HEIGHT = 900;

    private FigureRenderer() {
    }

    /**
     * Must be called on the FX thread. Completes with the files written (board first), or exceptionally.
     * @param overlaid two runs in one set of charts @param stressTest include the stress-test chart
     * @param scale of pixel formats (vector ones have none)
     */
    public static CompletableFuture<List<Path>> render(List<ChartRun> runs, boolean overlaid, boolean stressTest,
                                                       String title, Path folder, int scale, ImageFormat format) {
        var board = new ChartBoard();
        board.show(runs, overlaid, true, stressTest);
        return OffscreenStage.settleThen(board, BOARD_WIDTH, BOARD_HEIGHT,
                figure -> export(board, title, folder, scale, format.extension()));
    }

    /** A grid cell holds a chart, a heatmap, or two heatmaps stacked (comparison overlaid). */
    private static List<Node> charts(Node cell) {
        if (cell instanceof LiveChart || cell instanceof HeatmapView) {
            return List.of(cell);
        }
        return ((Parent) cell).getChildrenUnmodifiable();
    }

    private static List<Path> export(ChartBoard board, String title, Path folder, int scale, String extension)
            throws IOException {
        var written = new ArrayList<Path>();
        Path whole = folder.resolve("board." + extension);
        FigureExport.write(board, scale, title, whole);
        written.add(whole);
        for (Node cell : board.visibleCharts()) {
            for (Node chart : charts(cell)) {
                Path file = folder.resolve(chart.getId() + "." + extension);
                String name = chart instanceof LiveChart live ? live.title() : ((HeatmapView) chart).title();
                FigureExport.write(chart, scale, name + " · " + title, file);
                written.add(file);
            }
        }
        return written;
    }
}
