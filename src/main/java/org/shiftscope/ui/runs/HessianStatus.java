// How current the shown Hessian report is, in words for the Hessian line and the λ chart: its step and age,
// "stale" once the run's normalisation mode or η is no longer the report's, "computing at step N…" while newer weights
// are measured; and the two figures the header keeps in view in every layout, λ1 and η·λ1.
package org.shiftscope.ui.runs;

import org.shiftscope.model.hessian.HessianReport;
import org.shiftscope.model.train.BackgroundHessian;
import org.shiftscope.model.config.LiveSettings;
import org.shiftscope.model.net.Normalization;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * @param report    the newest report of the run's generation, or null
 * @param step      the run's current step
 * @param settings  the settings the run trains with now
 * @param normalization the run's network's, which names the modes ("now LayerNorm off")
 * @param computing what the Hessian thread computes for this generation now, or null
 */
public record HessianStatus(HessianReport report, long step, LiveSettings settings, Normalization normalization,
                            BackgroundHessian.Activity computing) {

    /** Steps since the report's weights; 0 without a report. */
    public long age() {
        return report == null ? 0 : Math.max(0, step - report.step());
    }

    /** Why the report no longer describes the run, or null while it does. */
    public String staleReason() {
        if (report == null) {
            return null;
        }
        if (report.bnMode() != settings.bnMode()) {
            return "now " + normalization.modeName(settings.bnMode());
        }
        if (report.settings().learningRate() != settings.learningRate() || report.settings().momentum() != settings.momentum()
                || report.settings().nesterov() != settings.nesterov()) {
            return String.format(Locale.ROOT, "η is now %.3g", settings.learningRate());
        }
        return null;
    }

    public boolean stale() {
        return staleReason() != null;
    }

    /** "computing at step N…" (with the mode when the report shown is in another), or "". */
    String computingText() {
        if (computing == null) {
            return "";
        }
        String what = computing.kind() == BackgroundHessian.Kind.DENSITY ? "density" : "λ";
        boolean otherMode = report != null && report.bnMode() != computing.bnMode();
        return what + ": computing at step " + computing.step() + (otherMode ? " (" + normalization.modeName(computing.bnMode()) + ")" : "") + "…";
    }

    /** The Hessian line: the report's figures with its step, mode and age, then what is being computed. */
    public String line() {
        String now = computingText();
        if (report == null) {
            return now.isEmpty() ? "not computed yet" : "not computed yet · " + now;
        }
        String head = String.format(Locale.ROOT, "step %d (%s, %s): %s", report.step(), normalization.modeName(report.bnMode()),
                ageText(), report.summary()) + (report.converged() ? "" : " (not converged)");
        String stale = staleReason();
        String text = stale == null ? head : "STALE, " + stale + ": " + head;
        return now.isEmpty() ? text : text + " · " + now;
    }

    /** The header's figures: "λ1 = 23.6 · η·λ1 = 2.37 (at step 1020)", with "stale" when they no longer describe the run. */
    String figures() {
        if (report == null) {
            return "λ1: not computed yet";
        }
        return "λ1 = " + figure(report.lambdaMax()) + " · η·λ1 = " + figure(report.lrTimesLambdaMax())
                + " (at step " + report.step() + (stale() ? ", stale" : "") + ")";
    }

    /** Three significant digits, whole numbers from 100 on (1926, not 1.93e+03). */
    static String figure(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** The λ chart's badge: the report's step and age, stale or not, and what is being computed. */
    public String badge() {
        if (report == null) {
            return computingText().isEmpty() ? "" : computingText();
        }
        String stale = staleReason();
        String head = (stale == null ? "" : "stale (" + stale + ") · ") + "latest: step " + report.step() + ", " + ageText();
        return computingText().isEmpty() ? head : head + " · " + computingText();
    }

    private String ageText() {
        long age = age();
        return age == 0 ? "current" : age == 1 ? "1 step old" : String.format(Locale.ROOT, "%,d steps old", age);
    }
}
