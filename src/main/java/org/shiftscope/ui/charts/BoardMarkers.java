// Which of the runs' events the board's time charts mark: the latest few, one marker per step and text, a BN
// switch named by its run when two runs with different events share a chart.
package org.shiftscope.ui.charts;

import org.shiftscope.model.train.RunEvent;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

final class BoardMarkers {
    /** Markers drawn per chart: the latest events (a slider dragged again and again makes many). */
    static final int SHOWN = 16;

    private BoardMarkers() {
    }

    /** The marked events of these runs, the latest {@link #SHOWN} of them, in step order. */
    static List<EventMarker.Spec> of(List<ChartRun> runs) {
        var specs = new LinkedHashSet<EventMarker.Spec>();
        boolean named = runs.size() > 1
                && !runs.get(0).history().markedEvents().equals(runs.get(1).history().markedEvents());
        for (ChartRun run : runs) {
            for (RunEvent e : run.history().markedEvents()) {
                String text = (named && e.kind() == RunEvent.Kind.BN_MODE ? run.label() + ": " : "") + e.describe(run.history().normalization());
                specs.add(new EventMarker.Spec(e.step(), text, e.kind() == RunEvent.Kind.DIVERGED));
            }
        }
        var sorted = specs.stream().sorted(Comparator.comparingDouble(EventMarker.Spec::x)).toList();
        return sorted.subList(Math.max(0, sorted.size() - SHOWN), sorted.size());
    }
}
