// A run's changes in one line for a figure's title band, so a figure says what happened to the run and not
// only where it ended: "BN on → frozen at 600 · η 0.1 → 3.16 at 5000 · diverged at 5587". Long series of one
// kind (a stress test's stretches) are summed up as first → last with their count.
package org.shiftscope.model.train;

import org.shiftscope.model.net.Normalization;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

public final class RunEvents {
    /** Changes of one kind listed one by one up to this many; more are summed up. */
    static final int LISTED_PER_KIND = 3;

    private RunEvents() {
    }

    /** The headline of {@code events} of a network with that normalisation, empty when the run never changed. */
    public static String headline(List<RunEvent> events, Normalization normalization) {
        var parts = new ArrayList<String>();
        for (RunEvent.Kind kind : RunEvent.Kind.values()) {
            var ofKind = events.stream().filter(e -> e.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            if (kind == RunEvent.Kind.DIVERGED) {
                parts.add("diverged at " + ofKind.get(0).step());
            } else if (kind == RunEvent.Kind.WEIGHTS) {
                parts.add(kind.symbol(normalization) + " " + ofKind.stream().map(e -> e.to() + " at " + e.step())
                        .collect(Collectors.joining(", ")));
            } else if (ofKind.size() <= LISTED_PER_KIND) {
                var listed = new ArrayList<String>();
                for (RunEvent e : ofKind) {
                    listed.add((listed.isEmpty() ? kind.symbol(normalization) + " " : "") + e.from() + " → " + e.to() + " at " + e.step());
                }
                parts.add(String.join(", ", listed));
            } else {
                RunEvent first = ofKind.get(0);
                RunEvent last = ofKind.get(ofKind.size() - 1);
                parts.add(kind.symbol(normalization) + " " + first.from() + " → " + last.to() + " in " + ofKind.size()
                        + " changes (steps " + first.step() + "–" + last.step() + ")");
            }
        }
        return String.join(" · ", parts);
    }
}
