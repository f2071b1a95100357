// One run as the charts take it: its name ("BN on") and history, and what the λ chart says about its latest
// report (its age, whether it is stale, what is being computed; empty for a finished run such as render's).
package org.shiftscope.ui.charts;

public record ChartRun(String label, RunHistory history, String hessianBadge, boolean hessianStale) {
    public ChartRun(String label, RunHistory history) {
        this(label, history, "", false);
    }
}
