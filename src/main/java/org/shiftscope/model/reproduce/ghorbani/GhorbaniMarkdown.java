// report.md of `reproduce ghorbani`: the setup, one table row per net and checkpoint with λ1/λK and the gradient's
// share in the top-K eigenspace, and which of Ghorbani, Krishnan & Xiao's (2019) claims the run bears out.
package org.shiftscope.model.reproduce.ghorbani;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

public final class GhorbaniMarkdown {
    public static final String REFERENCE = "B. Ghorbani, S. Krishnan and Y. Xiao, \"An Investigation into Neural Net "
            + "Optimization via Hessian Eigenvalue Density\", ICML 2019 (arXiv 1901.10159)";

    private GhorbaniMarkdown() {
    }

    public static String of(GhorbaniResult result) {
        var settings = result.settings();
        int k = result.classes();
        var density = settings.density();
        var text = new StringBuilder();
        text.append("# Hessian outliers with and without BatchNorm (Ghorbani, Krishnan & Xiao 2019)\n\n");
        text.append("Reference: ").append(REFERENCE).append(".\n\n");
        text.append(String.format(Locale.ROOT, """
                Setup: %s, trained from the same seed on %s (K = %d classes), with BN and without normalisation; \
                BN frozen is the BN net's weights normalised with its running (population) statistics. The Hessian \
                is that of the mean cross-entropy over %d fixed training examples (BN statistics per %d rows, as in \
                training); the top %d eigenvalues by Lanczos, the density by stochastic Lanczos quadrature (%d \
                probe(s) × %d steps, Gaussian smoothing). Run time %.0f s.

                """, settings.describe(), result.datasetName(), k, settings.hessianSamples(), settings.batchSize(), k,
                density.probes(), density.steps(), result.seconds()));
        text.append(table(result));
        text.append("\n## Against the paper\n\n").append(claims(result));
        text.append(notes(result));
        return text.toString();
    }

    /** The table of every net at every checkpoint, one row each, in Markdown. */
    public static String table(GhorbaniResult result) {
        int k = result.classes();
        var text = new StringBuilder();
        text.append("| net | step | λ1 | λ").append(k).append(" | λ1/λ").append(k).append(" | gradient in top-")
                .append(k).append(" | eigenvalues ≥ λ1/10 (SLQ) | loss | test accuracy |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : result.measurements()) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %.4g | %.4g | %.3g | %.1f%% | %s | %.4f | %.3f |%n",
                    m.net().label(), m.step(), m.lambdaMax(), m.lambdaK(), m.outlierRatio(), 100 * m.gradientShare(),
                    count(m.topDecadeCount()), m.evalLoss(), m.testAccuracy()));
        }
        return text.toString();
    }

    /** One bullet per claim of the paper: whether the run matches it, and at which checkpoints. */
    public static String claims(GhorbaniResult result) {
        var text = new StringBuilder();
        for (PaperClaims.Claim claim : PaperClaims.check(result)) {
            String mark = claim.failed().isEmpty() && !claim.held().isEmpty() ? "Matches"
                    : claim.held().isEmpty() ? "Does not match" : "Partly matches";
            text.append("- **").append(mark).append(".** ").append(claim.claim()).append(" It ")
                    .append(claim.verdict()).append(".\n");
        }
        return text.toString();
    }

    private static String notes(GhorbaniResult result) {
        var text = new StringBuilder("\n## Notes\n\n");
        int k = result.classes();
        text.append("- *eigenvalues ≥ λ1/10* is the density's mass above λ1/10 times the number of parameters: about ")
                .append(k).append(" or fewer when the top of the spectrum is a few outliers, far more when the ")
                .append("spectrum reaches λ1 without a gap. With few probes it is a rough estimate.\n");
        text.append("- *loss* is the mean loss over the evaluation set in the measured mode; *test accuracy* is ")
                .append("always in inference mode (BN with running statistics), so BN and BN frozen share it.\n");
        if (result.settings().frozen() && result.settings().checkpoints().get(0) == 0) {
            text.append("- At step 0 the running statistics are still mean 0 and variance 1, so BN frozen computes ")
                    .append("the no-BN net's function from the shared seed, with BN's γ and β as extra parameters.\n");
        }
        for (NetVariant net : result.settings().variants()) {
            var divergence = result.divergences().get(net);
            if (divergence != null) {
                text.append(String.format(Locale.ROOT, "- %s diverged at step %d (%s): it has no later rows.%n",
                        net.label(), divergence.step(), divergence.reason()));
            }
        }
        text.append("- Figure: `").append(GhorbaniFiles.FIGURE).append("`; curves: `density-*.csv`; every figure: `")
                .append(GhorbaniFiles.REPORT_JSON).append("`.\n");
        return text.toString();
    }

    /** A count to two significant figures ("9.3", "1200"), or "–" when not finite. */
    static String count(double value) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return value < 10 ? String.format(Locale.ROOT, "%.1f", value)
                : new BigDecimal(value).round(new MathContext(2)).toPlainString();
    }
}
