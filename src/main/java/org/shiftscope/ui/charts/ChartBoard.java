// The grid of charts, shared by the window and the headless `render` command. One run: eight charts (stress for
// percentiles during a stress test; density, gradient by layer for convnets, the perturbation and the shift by layer
// added once they exist). Two runs: overlaid, the second dashed and named, or side by side with shared axes.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.shiftscope.ui.charts.LineKey.Kind.LOSS_BATCH;
import static org.shiftscope.ui.charts.LineKey.Kind.STRESS_LAMBDA1;
import static org.shiftscope.ui.charts.LineKey.Kind.STRESS_THRESHOLD;
import static org.shiftscope.ui.charts.LineKey.Kind.THRESHOLD;

public final class ChartBoard extends StackPane {
    private final LiveChart loss = BoardCharts.loss("loss-chart");
    private final LiveChart accuracy = BoardCharts.accuracy();
    private final LiveChart means = BoardCharts.means();
    private final LiveChart variances = BoardCharts.variances("variance-chart");
    private final HeatmapView heatmap = new HeatmapView("heatmap", HeatmapTitles.FULL);
    private final LiveChart percentiles = BoardCharts.percentiles();
    private final LiveChart hessian = BoardCharts.hessian("hessian-chart");
    private final LiveChart spectrum = BoardCharts.spectrum();
    private final LiveChart density = BoardCharts.density();
    private final LiveChart gradients = BoardCharts.gradients();
    private final LiveChart stress = BoardCharts.stress();
    private final LiveChart perturbation = BoardCharts.perturbation("perturbation-chart");
    private final LiveChart layerShift = BoardCharts.layerShift("layer-shift-chart");
    // The second run's column when side by side.
    private final LiveChart lossB = BoardCharts.loss("loss-chart-b");
    private final LiveChart variancesB = BoardCharts.variances("variance-chart-b");
    private final HeatmapView heatmapB = new HeatmapView("heatmap-b", HeatmapTitles.FULL);
    private final LiveChart hessianB = BoardCharts.hessian("hessian-chart-b");
    private final LiveChart perturbationB = BoardCharts.perturbation("perturbation-chart-b");
    private final LiveChart layerShiftB = BoardCharts.layerShift("layer-shift-chart-b");
    /** The stress chart's accuracy lines take this theme colour, apart from λ1's (the first). */
    private static final int ACCURACY_COLOR = 3;

    private final BoardLayout layout;
    private List<ChartRun> runs = List.of();
    private boolean overlaid;
    private boolean post = true;
    private boolean stressShown;

    public ChartBoard() {
        var grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        var caption = new BoardCaption();
        var content = new VBox(caption, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().add(content);
        layout = new BoardLayout(grid, caption, new BoardLayout.Charts(loss, accuracy, means, variances, heatmap,
                percentiles, hessian, spectrum, density, gradients, stress, lossB, variancesB, heatmapB, hessianB,
                perturbation, perturbationB, layerShift, layerShiftB), allCharts());
        for (var chart : allCharts()) {
            chart.setOnRedrawRequest(this::redraw);
        }
        heightProperty().addListener(o -> rearrange());
        widthProperty().addListener(o -> rearrange());
        caption.fontProperty().addListener(o -> rearrange());      // presentation mode's scale
        heatmap.widthProperty().addListener(o -> titleHeatmaps());  // a brief title when the full one no longer fits
        heatmapB.widthProperty().addListener(o -> titleHeatmaps());
    }

    /** A new size may want other columns; the charts are redrawn in their new cells. */
    private void rearrange() {
        if (!runs.isEmpty()) {
            layout.arrange(runs, overlaid, stressShown, getHeight());
        }
    }

    /** Called with a chart whose context menu asked for a PNG of it alone. */
    public void setOnChartExport(Consumer<LiveChart> action) {
        allCharts().forEach(chart -> chart.setOnExport(action));
    }

    /**
     * Draws the runs. @param overlaidRuns two runs in one set of charts (else side by side) @param postBn layer
     * charts show the nonlinearity's input (else z before BN) @param stressTest show the stress-test chart
     */
    public void show(List<ChartRun> shownRuns, boolean overlaidRuns, boolean postBn, boolean stressTest) {
        this.runs = shownRuns;
        this.overlaid = overlaidRuns;
        this.post = postBn;
        this.stressShown = stressTest;
        layout.arrange(runs, overlaid, stressShown, getHeight());
        redraw();
    }

    /** Draws the current data again (new data, a changed log scale). */
    public void redraw() {
        if (runs.isEmpty()) {
            return;
        }
        var lines = new RunLines(runs);
        titleHeatmaps();
        if (runs.size() == 1) {
            drawSingle(runs.get(0).history());
        } else if (overlaid) {
            drawOverlaid(lines);
        } else {
            drawSideBySide(runs.get(0), runs.get(1));
        }
        density.show(lines.combined(RunHistory::densitySeries));
        gradients.show(lines.combined(RunHistory::gradientSeries));
        ShiftCharts.show(runs, perturbation, perturbationB, RunHistory::perturbationSeries, RunHistory::perturbationNote, true);
        ShiftCharts.show(runs, layerShift, layerShiftB, RunHistory::layerShiftSeries, RunHistory::layerShiftNote, false);
        drawMarkers();
        drawBadges();
        if (stressShown) {
            var stressLines = lines.combined(h -> LineKey.of(STRESS_LAMBDA1).only(h.lambdaByLearningRate()));
            stressLines.add(lines.longest(h -> LineKey.of(STRESS_THRESHOLD).find(h.lambdaByLearningRate()).orElseThrow()));
            stress.show(stressLines);
            stress.showSecondary(lines.combined(h -> List.of(h.accuracyByLearningRate()
                    .styled(Palette.datasetColor(ACCURACY_COLOR), false))));
        }
    }

    /**
     * Every time chart marks the runs' events at their steps: one run's own events side by side, both runs'
     * (named by run when they differ) on shared charts.
     */
    private void drawMarkers() {
        boolean sideBySide = runs.size() > 1 && !overlaid;
        var shared = sideBySide ? BoardMarkers.of(List.of(runs.get(0))) : BoardMarkers.of(runs);
        for (var chart : List.of(loss, accuracy, means, variances, percentiles, hessian)) {
            chart.showMarkers(shared);
        }
        var second = sideBySide ? BoardMarkers.of(List.of(runs.get(1))) : List.<EventMarker.Spec>of();
        for (var chart : List.of(lossB, variancesB, hessianB)) {
            chart.showMarkers(second);
        }
    }

    /**
     * The λ charts say how old their report is and whether it is stale: one badge per run side by side, both
     * runs' in one badge when overlaid.
     */
    private void drawBadges() {
        if (runs.size() > 1 && !overlaid) {
            hessian.setBadge(runs.get(0).hessianBadge(), runs.get(0).hessianStale());
            hessianB.setBadge(runs.get(1).hessianBadge(), runs.get(1).hessianStale());
            return;
        }
        String text = runs.stream().filter(r -> !r.hessianBadge().isEmpty())
                .map(r -> (runs.size() > 1 ? r.label() + ": " : "") + r.hessianBadge())
                .collect(Collectors.joining(" · "));
        hessian.setBadge(text, runs.stream().anyMatch(ChartRun::hessianStale));
    }

    private void drawSingle(RunHistory h) {
        loss.show(h.lossSeries());
        accuracy.show(h.accuracySeries());
        means.show(h.layerSeries(false, post));
        variances.show(h.layerSeries(true, post));
        heatmap.show(h.heatmap(), h.heatmapSteps());
        percentiles.show(h.percentileSeries());
        hessian.show(h.hessianSeries());
        spectrum.show(SpectrumLines.withPartner(h));
        spectrum.showSecondary(SpectrumLines.overlaps(h));
    }

    /** Both runs in one set of charts; the λ chart keeps λ1 of each and one threshold line. */
    private void drawOverlaid(RunLines lines) {
        loss.show(lines.combined(h -> LineKey.without(h.lossSeries(), LOSS_BATCH)));
        accuracy.show(lines.combined(RunHistory::accuracySeries));
        means.show(lines.combined(h -> h.layerSeries(false, post)));
        variances.show(lines.combined(h -> h.layerSeries(true, post)));
        drawHeatmap(heatmap, runs.get(0));
        drawHeatmap(heatmapB, runs.get(1));
        percentiles.show(lines.combined(RunHistory::percentileSeries));
        var lambdas = lines.combined(h -> LineKey.lambda(1).only(h.hessianSeries()));
        lambdas.add(lines.longest(h -> LineKey.of(THRESHOLD).find(h.hessianSeries()).orElseThrow()));
        hessian.show(lambdas);
        spectrum.show(lines.combined(SpectrumLines::withPartner));
        spectrum.showSecondary(lines.combined(SpectrumLines::overlaps));
    }

    private void drawSideBySide(ChartRun a, ChartRun b) {
        pair(loss, lossB, a, b, RunHistory::lossSeries);
        pair(variances, variancesB, a, b, h -> h.layerSeries(true, post));
        pair(hessian, hessianB, a, b, RunHistory::hessianSeries);
        drawHeatmap(heatmap, a);
        drawHeatmap(heatmapB, b);
    }

    /** The same chart for two runs, titled with each run's label, on shared axes. */
    private static void pair(LiveChart left, LiveChart right, ChartRun a, ChartRun b, Function<RunHistory, List<ChartSeries>> data) {
        left.setRunLabel(a.label());
        right.setRunLabel(b.label());
        left.show(data.apply(a.history()));
        right.show(data.apply(b.history()));
        double[] xs = AxisRanges.union(left.dataRange(true), right.dataRange(true));
        double[] ys = AxisRanges.union(left.dataRange(false), right.dataRange(false));
        left.fixRanges(xs, ys);
        right.fixRanges(xs, ys);
    }

    private void titleHeatmaps() {
        HeatmapTitles.apply(heatmap, heatmapB, runs.stream().map(ChartRun::label).toList());
    }

    private static void drawHeatmap(HeatmapView view, ChartRun run) {
        view.show(run.history().heatmap(), run.history().heatmapSteps());
    }

    private List<LiveChart> allCharts() {
        return List.of(loss, accuracy, means, variances, percentiles, hessian, spectrum, density, gradients, stress,
                perturbation, layerShift, lossB, variancesB, hessianB, perturbationB, layerShiftB);
    }

    public LiveChart lossChart() {
        return loss;
    }

    public LiveChart meanChart() {
        return means;
    }

    public LiveChart hessianChart() {
        return hessian;
    }

    public LiveChart densityChart() {
        return density;
    }

    public LiveChart stressChart() {
        return stress;
    }

    /** The perturbation's classes of the first run ({@code second} false) or of the second side by side. */
    public LiveChart perturbationChart(boolean second) {
        return second ? perturbationB : perturbation;
    }

    public LiveChart layerShiftChart(boolean second) {
        return second ? layerShiftB : layerShift;
    }

    /** The ids of every chart the board can show, laid out or not (each has an explanation entry). */
    public List<String> chartIds() {
        var ids = new ArrayList<String>();
        allCharts().forEach(c -> ids.add(c.getId()));
        ids.add(heatmap.getId());
        ids.add(heatmapB.getId());
        return ids;
    }

    /** Every chart currently laid out (for exports and tests). */
    public List<Node> visibleCharts() {
        return layout.laidOut();
    }
}
