// The lines of every run shown, for charts that the runs share: after the first run each line is named with its
// run ("BN off · …") and dashed, so runs differ by line style and not by colour alone.
package org.shiftscope.ui.charts;

import org.shiftscope.ui.look.Palette;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

final class RunLines {
    private final List<ChartRun> runs;

    RunLines(List<ChartRun> runs) {
        this.runs = runs;
    }

    /**
     * Every run's lines in one list, each keyed with its run. With two runs every line is named with its run, and
     * a line without a colour of its own takes the theme colour of its place, so a quantity keeps its colour in both.
     */
    List<ChartSeries> combined(Function<RunHistory, List<ChartSeries>> data) {
        var out = new ArrayList<ChartSeries>();
        for (int i = 0; i < runs.size(); i++) {
            ChartRun run = runs.get(i);
            List<ChartSeries> lines = data.apply(run.history());
            for (int j = 0; j < lines.size(); j++) {
                ChartSeries s = lines.get(j);
                if (runs.size() == 1) {
                    out.add(s);
                    continue;
                }
                String color = s.color() != null ? s.color() : Palette.datasetColor(j);
                out.add(new ChartSeries(s.key().ofRun(i), run.label() + " · " + s.name(), s.xs(), s.ys(), color,
                        i > 0 || s.dashed(), s.points()));
            }
        }
        return out;
    }

    /** A line that depends only on η (the full-batch threshold), drawn once: from the run that has the most points. */
    ChartSeries longest(Function<RunHistory, ChartSeries> line) {
        return runs.stream().map(r -> line.apply(r.history()))
                .max(Comparator.comparingInt(ChartSeries::size)).orElseThrow();
    }
}
