// The grid of charts, shared by the window and the headless `render` command. One run: the eight charts
// (the stress chart takes the percentiles' place during a stress test). Two runs (comparison mode): either
// overlaid, the second run dashed and named, or side by side, one column per run with shared axes.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.RunEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class ChartBoard extends StackPane {
    /**
     * One run's name ("BN on") and history, and what the λ chart says about its latest report (its age,
     * whether it is stale, what is being computed; empty for a finished run such as render's).
     */
    public record Run(String label, RunHistory history, String hessianBadge, boolean hessianStale) {
        public Run(String label, RunHistory history) {
            this(label, history, "", false);
        }
    }

    private final LiveChart loss = new LiveChart("loss-chart", "Loss (cross-entropy)", "step", "loss", true)
            .withBriefTitles("Loss").withClipping();
    private final LiveChart accuracy = new LiveChart("accuracy-chart", "Accuracy", "step", "accuracy", false)
            .withKeyAt(Pos.BOTTOM_RIGHT);
    private final LiveChart means = new LiveChart("mean-chart", "Layer means", "step", "mean", false)
            .withBriefTitles("Means").withClipping();
    private final LiveChart variances = new LiveChart("variance-chart", "Layer variances", "step", "variance", true)
            .withBriefTitles("Variances").withClipping();
    private final HeatmapView heatmap = new HeatmapView("heatmap", HEATMAP_TITLE);
    private final LiveChart percentiles = new LiveChart("percentile-chart",
            "Tracked unit: 15/50/85th percentiles", "step", "value", false)
            .withBriefTitles("Unit percentiles", "Percentiles").withClipping();
    private final LiveChart hessian = new LiveChart("hessian-chart", "Top eigenvalues vs full-batch threshold",
            "step", "λ", true).withMarkers().withBriefTitles("Top eigenvalues", "Top λ").withKeyAt(Pos.BOTTOM_RIGHT);
    private final LiveChart spectrum = new LiveChart("spectrum-chart", "Latest top-k and shift overlap",
            "rank", "λ", false).withMarkers().withSecondaryAxis("overlap", 0, 1)
            .withBriefTitles("Latest top-k", "Top-k");
    private final LiveChart density = new LiveChart("density-chart",
            "Spectral density, top-k marked", "eigenvalue λ", "density", true).withPointSeries()
            .withBriefTitles("Spectral density", "Density");
    private final LiveChart stress = new LiveChart("stress-chart", "Stress test: λ1 and accuracy vs learning rate",
            "learning rate η", "λ1", true).withLogX().withMarkers().withSecondaryAxis("train accuracy", 0, 1)
            .withBriefTitles("Stress test: λ1 vs η", "λ1 vs η");
    // The second run's column when side by side.
    private final LiveChart lossB = new LiveChart("loss-chart-b", "Loss (cross-entropy)", "step", "loss", true)
            .withBriefTitles("Loss").withClipping();
    private final LiveChart variancesB = new LiveChart("variance-chart-b", "Layer variances", "step", "variance", true)
            .withBriefTitles("Variances").withClipping();
    private final HeatmapView heatmapB = new HeatmapView("heatmap-b", HEATMAP_TITLE);
    /** The cell of both heatmaps when two runs are overlaid: made once, since working out a layout must not move charts. */
    private final VBox heatmapPair = new VBox(2);
    private final LiveChart hessianB = new LiveChart("hessian-chart-b", "Top eigenvalues vs full-batch threshold",
            "step", "λ", true).withMarkers().withBriefTitles("Top eigenvalues", "Top λ").withKeyAt(Pos.BOTTOM_RIGHT);
    /** The stress chart's accuracy lines take this theme colour, apart from λ1's (the first). */
    private static final int ACCURACY_COLOR = 3;
    /** Line colours the stylesheets define. */
    private static final int THEME_COLORS = 8;
    /** Markers drawn per chart: the latest events (a slider dragged again and again makes many). */
    static final int MARKERS_SHOWN = 16;
    /** Height share of the stress chart's row under the side-by-side pairs: the demonstration's main chart. */
    private static final double STRESS_ROW_PERCENT = 32;
    private static final String HEATMAP_TITLE = "Between-channel share of variance (layers × steps)";
    /** Ever shorter titles of the heatmap for ever narrower cells (2× presentation on 1280×720: the last). */
    private static final List<String> HEATMAP_BRIEF_TITLES = List.of("Between-channel share", "Offset share");
    /** Room the heatmap's title keeps free on either side, in pixels. */
    private static final double HEATMAP_TITLE_MARGIN = 4;
    /** Column counts of the side-by-side comparison: one pair per row, or two. */
    private static final List<Integer> PAIR_COLUMNS = List.of(2, 4);

    private final GridPane grid = new GridPane();
    /**
     * Says how two runs are told apart (legends are hidden then: two runs' entries would crowd the plots). Its
     * font is the window's, which sets how tall a chart must be.
     */
    private final Label caption = new Label();
    private String arrangement = "";
    private List<Run> runs = List.of();
    private boolean overlaid;
    private boolean post = true;
    private boolean stressShown;

    public ChartBoard() {
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(6));
        caption.setId("board-caption");
        caption.setWrapText(true);                     // wrapped rather than cut in presentation mode
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setPadding(new Insets(2, 8, 0, 8));
        caption.managedProperty().bind(caption.visibleProperty());
        var content = new VBox(caption, grid);
        VBox.setVgrow(grid, Priority.ALWAYS);
        getChildren().add(content);
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
            arrange();
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
    public void show(List<Run> shownRuns, boolean overlaidRuns, boolean postBn, boolean stressTest) {
        this.runs = shownRuns;
        this.overlaid = overlaidRuns;
        this.post = postBn;
        this.stressShown = stressTest;
        arrange();
        redraw();
    }

    /**
     * Lays the charts out for the runs shown and the board's size: as few columns as keep every chart at least
     * BoardGrid.MIN_CHART_HEIGHT tall, keys (legends) for one run only, brief titles where full ones do not fit.
     */
    private void arrange() {
        boolean two = runs.size() > 1;
        boolean sideBySide = two && !overlaid;
        boolean densityShown = runs.stream().anyMatch(r -> r.history().latestDensity() != null);
        List<BoardGrid.Cell> cells = cells(two, sideBySide, densityShown);
        List<Integer> candidates = sideBySide ? PAIR_COLUMNS : densityShown ? List.of(3, 4) : List.of(2, 3, 4);
        double stressRow = sideBySide && stressShown ? STRESS_ROW_PERCENT : 0;
        double height = getHeight() - (two ? caption.prefHeight(-1) : 0) - grid.getPadding().getTop()
                - grid.getPadding().getBottom();
        int columns = height > 0 ? BoardGrid.columns(cells, candidates, height, grid.getVgap(), stressRow,
                BoardGrid.minChartHeight(caption.getFont().getSize())) : candidates.get(0);
        String wanted = (two ? (overlaid ? "overlaid" : "side-by-side") : "single") + (stressShown ? "+stress" : "")
                + (densityShown ? "+density" : "") + " in " + columns + runs.stream().map(Run::label).toList();
        if (wanted.equals(arrangement)) {
            return;
        }
        arrangement = wanted;
        for (var chart : allCharts()) {
            chart.setRunLabel("");
            chart.fixRanges(null, null);
            chart.setLegendVisible(!two);
        }
        caption.setVisible(two);
        if (two) {
            caption.setText(sideBySide
                    ? "Each pair: " + runs.get(0).label() + " left, " + runs.get(1).label() + " right, on shared axes"
                    + (stressShown ? " · stress test below: " + runs.get(1).label() + " dashed" : "")
                    + " · hover a chart to read every line"
                    : "Solid lines: " + runs.get(0).label() + " · dashed lines: " + runs.get(1).label()
                    + " · hover a chart to read every line");
        }
        if (two && !sideBySide) {
            stackHeatmaps();
        }
        BoardGrid.fill(grid, cells, columns, stressRow);
    }

    /** The cells of the board in reading order. */
    private List<BoardGrid.Cell> cells(boolean two, boolean sideBySide, boolean densityShown) {
        var cells = new ArrayList<BoardGrid.Cell>();
        if (sideBySide) {
            List<Node> pairs = stressShown ? List.of(loss, lossB, heatmap, heatmapB, hessian, hessianB) // the stress chart
                    : List.of(loss, lossB, variances, variancesB, heatmap, heatmapB, hessian, hessianB); // needs the room
            pairs.forEach(chart -> cells.add(BoardGrid.Cell.of(chart)));
            if (densityShown) {
                cells.add(BoardGrid.Cell.wide(density));         // both runs' spectra on one λ axis
            }
            if (stressShown) {
                cells.add(BoardGrid.Cell.wide(stress));          // the runs on one η axis
            }
            return cells;
        }
        Node heatmapCell = two ? heatmapPair : heatmap;
        for (Node chart : List.of(loss, accuracy, means, variances, heatmapCell, stressShown ? stress : percentiles)) {
            cells.add(BoardGrid.Cell.of(chart));
        }
        cells.add(BoardGrid.Cell.growing(hessian));            // the demonstration's main chart takes spare room
        cells.add(BoardGrid.Cell.of(spectrum));
        if (densityShown) {
            cells.add(BoardGrid.Cell.of(density));
        }
        return cells;
    }

    /** Puts both runs' heatmaps into their shared cell (they may have been on the board on their own since). */
    private void stackHeatmaps() {
        heatmapPair.getChildren().setAll(heatmap, heatmapB);
        for (HeatmapView view : List.of(heatmap, heatmapB)) {
            VBox.setVgrow(view, Priority.ALWAYS);
            view.setMinHeight(0);
        }
    }

    /** Draws the current data again (new data, a changed log scale). */
    public void redraw() {
        if (runs.isEmpty()) {
            return;
        }
        Run first = runs.get(0);
        titleHeatmaps();
        if (runs.size() == 1) {
            drawSingle(first.history());
        } else if (overlaid) {
            drawOverlaid();
        } else {
            drawSideBySide(first, runs.get(1));
        }
        density.show(combined(RunHistory::densitySeries));
        drawMarkers();
        drawBadges();
        if (stressShown) {
            var lines = combined(h -> h.lambdaByLearningRate().subList(0, 1));
            lines.add(longest(h -> h.lambdaByLearningRate().get(1)));
            stress.show(lines);
            stress.showSecondary(combined(h -> List.of(h.accuracyByLearningRate().styled(themeColor(ACCURACY_COLOR), false))));
        }
    }

    /**
     * Every time chart marks the runs' events at their steps: one run's own events side by side, both runs'
     * (named by run when they differ) on shared charts.
     */
    private void drawMarkers() {
        boolean sideBySide = runs.size() > 1 && !overlaid;
        var shared = sideBySide ? markerSpecs(List.of(runs.get(0))) : markerSpecs(runs);
        for (var chart : List.of(loss, accuracy, means, variances, percentiles, hessian)) {
            chart.showMarkers(shared);
        }
        var second = sideBySide ? markerSpecs(List.of(runs.get(1))) : List.<EventMarker.Spec>of();
        for (var chart : List.of(lossB, variancesB, hessianB)) {
            chart.showMarkers(second);
        }
    }

    /** The marked events of these runs, the latest {@link #MARKERS_SHOWN} of them, one marker per step and text. */
    private static List<EventMarker.Spec> markerSpecs(List<Run> of) {
        var specs = new LinkedHashSet<EventMarker.Spec>();
        boolean named = of.size() > 1 && !of.get(0).history().markedEvents().equals(of.get(1).history().markedEvents());
        for (Run run : of) {
            for (RunEvent e : run.history().markedEvents()) {
                String text = (named && e.kind() == RunEvent.Kind.BN_MODE ? run.label() + ": " : "") + e.describe();
                specs.add(new EventMarker.Spec(e.step(), text, e.kind() == RunEvent.Kind.DIVERGED));
            }
        }
        var sorted = specs.stream().sorted(Comparator.comparingDouble(EventMarker.Spec::x)).toList();
        return sorted.subList(Math.max(0, sorted.size() - MARKERS_SHOWN), sorted.size());
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
        hessian.setBadge(text, runs.stream().anyMatch(Run::hessianStale));
    }

    private void drawSingle(RunHistory h) {
        loss.show(h.lossSeries());
        accuracy.show(h.accuracySeries());
        means.show(h.layerSeries(false, post));
        variances.show(h.layerSeries(true, post));
        heatmap.show(h.heatmap(), h.heatmapSteps());
        percentiles.show(h.percentileSeries());
        hessian.show(h.hessianSeries());
        spectrum.show(spectrumWithPartner(h));
        spectrum.showSecondary(spectrumSeries(h.latestHessian(), true));
    }

    /**
     * The latest top-k by rank; right after a BN switch, with the old mode's top-k of the same weights beside it
     * (dashed): the jump at the switch, before any step in the new mode.
     */
    private static List<ChartSeries> spectrumWithPartner(RunHistory h) {
        var lines = new ArrayList<>(spectrumSeries(h.latestHessian(), false));
        HessianReport partner = h.switchPartner();
        if (partner != null) {
            lines.set(0, lines.get(0).renamed("BN " + h.latestHessian().bnMode().label() + " (step " + partner.step() + ")"));
            lines.add(spectrumSeries(partner, false).get(0)
                    .renamed("BN " + partner.bnMode().label() + ", same weights").styled(Palette.INK, true));
        }
        return lines;
    }

    private void drawOverlaid() {
        loss.show(combined(h -> h.lossSeries().stream().filter(s -> !s.name().contains("batch")).toList()));
        accuracy.show(combined(RunHistory::accuracySeries));
        means.show(combined(h -> h.layerSeries(false, post)));
        variances.show(combined(h -> h.layerSeries(true, post)));
        drawHeatmap(heatmap, runs.get(0));
        drawHeatmap(heatmapB, runs.get(1));
        percentiles.show(combined(RunHistory::percentileSeries));
        var lambdas = combined(h -> h.hessianSeries().subList(0, Math.min(1, h.hessianSeries().size() - 1)));
        lambdas.add(longest(h -> h.hessianSeries().get(h.hessianSeries().size() - 1)));
        hessian.show(lambdas);
        spectrum.show(combined(ChartBoard::spectrumWithPartner));
        spectrum.showSecondary(combined(h -> spectrumSeries(h.latestHessian(), true)));
    }

    private void drawSideBySide(Run a, Run b) {
        pair(loss, lossB, a, b, RunHistory::lossSeries);
        pair(variances, variancesB, a, b, h -> h.layerSeries(true, post));
        pair(hessian, hessianB, a, b, RunHistory::hessianSeries);
        drawHeatmap(heatmap, a);
        drawHeatmap(heatmapB, b);
    }

    /** The same chart for two runs, titled with each run's label, on shared axes. */
    private static void pair(LiveChart left, LiveChart right, Run a, Run b, Function<RunHistory, List<ChartSeries>> data) {
        left.setRunLabel(a.label());
        right.setRunLabel(b.label());
        left.show(data.apply(a.history()));
        right.show(data.apply(b.history()));
        double[] xs = union(left.dataRange(true), right.dataRange(true));
        double[] ys = union(left.dataRange(false), right.dataRange(false));
        left.fixRanges(xs, ys);
        right.fixRanges(xs, ys);
    }

    private static double[] union(double[] a, double[] b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new double[]{Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }

    /** The heatmaps' titles, with the run's name when two runs are shown. */
    private void titleHeatmaps() {
        if (runs.isEmpty()) {
            return;
        }
        boolean two = runs.size() > 1;
        heatmap.setTitle(heatmapTitle(heatmap, two ? " · " + runs.get(0).label() : ""));
        if (two) {
            heatmapB.setTitle(heatmapTitle(heatmapB, " · " + runs.get(1).label()));
        }
    }

    /** The heatmap's full title if it fits its width in the heatmap's font, else the first brief one that does. */
    private static String heatmapTitle(HeatmapView view, String suffix) {
        if (!(view.lookup(".heatmap-text") instanceof Text style)) {
            return HEATMAP_TITLE + suffix;
        }
        var titles = new ArrayList<String>();
        titles.add(HEATMAP_TITLE);
        titles.addAll(HEATMAP_BRIEF_TITLES);
        for (String title : titles) {
            var text = new Text(title + suffix);
            text.setFont(style.getFont());
            if (text.getLayoutBounds().getWidth() + 2 * HEATMAP_TITLE_MARGIN <= view.getWidth()) {
                return title + suffix;
            }
        }
        return titles.get(titles.size() - 1) + suffix;
    }

    private static void drawHeatmap(HeatmapView view, Run run) {
        view.show(run.history().heatmap(), run.history().heatmapSteps());
    }

    /**
     * Every run's lines in one list, named "BN off · …" and dashed after the first run, so runs differ by line
     * style and not by colour alone, while a quantity keeps its colour in both runs.
     */
    private List<ChartSeries> combined(Function<RunHistory, List<ChartSeries>> data) {
        var out = new ArrayList<ChartSeries>();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            List<ChartSeries> lines = data.apply(run.history());
            for (int j = 0; j < lines.size(); j++) {
                ChartSeries s = lines.get(j);
                if (runs.size() == 1) {
                    out.add(s);
                    continue;
                }
                String color = s.color() != null ? s.color() : themeColor(j);   // the same quantity, the same colour
                out.add(new ChartSeries(run.label() + " · " + s.name(), s.xs(), s.ys(), color, i > 0 || s.dashed(),
                        s.points()));
            }
        }
        return out;
    }

    /** The theme's n-th line colour (the stylesheets define -color-dataset-1 … 8, colour-blind safe). */
    private static String themeColor(int n) {
        return "-color-dataset-" + (n % THEME_COLORS + 1);
    }

    /** A line that depends only on η (the full-batch threshold), drawn once: from the run that has the most points. */
    private ChartSeries longest(Function<RunHistory, ChartSeries> line) {
        return runs.stream().map(r -> line.apply(r.history()))
                .max(Comparator.comparingInt(ChartSeries::size)).orElseThrow();
    }

    /** The latest top-k eigenvalues by rank, or ({@code overlaps}) the fraction of each eigenvector in Page's spans. */
    private static List<ChartSeries> spectrumSeries(HessianReport report, boolean overlaps) {
        if (report == null) {
            return List.of();
        }
        int k = report.eigenvalues().length;
        var ranks = new double[k];
        for (int i = 0; i < k; i++) {
            ranks[i] = i + 1;
        }
        if (!overlaps) {
            return List.of(new ChartSeries("λ at step " + report.step(), ranks, report.eigenvalues()));
        }
        return List.of(
                new ChartSeries("overlap: means", ranks, report.meanOverlap()).styled("#21918c", true),
                new ChartSeries("means + variances", ranks, report.meanVarianceOverlap()).styled("#5ec962", true));
    }

    private List<LiveChart> allCharts() {
        return List.of(loss, accuracy, means, variances, percentiles, hessian, spectrum, density, stress, lossB,
                variancesB, hessianB);
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

    /** Every chart currently laid out (for exports and tests). */
    public List<Node> visibleCharts() {
        return List.copyOf(grid.getChildren());
    }
}
