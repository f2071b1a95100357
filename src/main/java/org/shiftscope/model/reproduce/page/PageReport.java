// report.md of `reproduce page`: Page's published figures ("How to train your ResNet 7", PagePublished) beside
// ours, table by table, in mean-loss units with the conversion stated, and which comparisons agree in direction.
package org.shiftscope.model.reproduce.page;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

public final class PageReport {
    private static final List<String> NETS = List.of("bn", "frozen", "nobn");
    private static final int OVERLAP_COLUMNS = 12;

    private PageReport() {
    }

    public static String markdown(PageExperiment.Results results, List<String> figures, double seconds) {
        var p = results.protocol();
        var md = new StringBuilder();
        line(md, "# Page's Batch Norm experiments, reproduced");
        line(md, "");
        line(md, "David Page, *How to train your ResNet 7: Batch norm* (Myrtle.ai, 2019), run on ShiftScope's nets. "
                + "Page: an 8-layer CIFAR-10 convnet (64/128/256/512 channels), batch 512, 20 epochs, measured after 10.");
        line(md, "");
        line(md, "## Protocol");
        line(md, f("- Net: %s, depth %d, width %d, Softplus(β = 10), He init; data %s; batch %d.", p.architecture().label(),
                p.depth(), p.width(), p.dataset(), p.batch()));
        line(md, f("- Nesterov momentum %.1f, weight decay %.0e, one-cycle over %d steps (peak at %d%%), measured at step %d.",
                PageProtocol.MOMENTUM, PageProtocol.WEIGHT_DECAY, p.steps(), Math.round(OneCycle.PEAK_FRACTION * 100),
                results.measuredStep()));
        line(md, f("- Peak η: BN %.4g (given); no BN %.4g, the largest healthy of %.4g, %.4g, … (halving: not diverged, "
                + "mean training loss of the last tenth below ln C). Page: 5.0 and 0.2.", p.bnPeak(),
                results.net("nobn").peakLearningRate(), p.bnPeak(), p.bnPeak() / PageProtocol.SEARCH_FACTOR));
        line(md, "- Frozen: the BN net's weights, running statistics refreshed on " + PageExperiment.REFRESH_BATCHES
                + " training batches, then in eval mode (Page's definition).");
        line(md, f("- Hessians of the mean loss over %d training examples (BN statistics per group of %d) plus weight "
                + "decay; Page's are of the loss summed over %d examples, so his λ ÷ %d is given beside ours.", p.samples(),
                p.batch(), PagePublished.SUMMED_OVER, PagePublished.SUMMED_OVER));
        line(md, f("- Training loss at the measurement: BN %.3f, no BN %.3f. Run time %.0f s.", results.net("bn").trainLoss(),
                results.net("nobn").trainLoss(), seconds));
        for (String name : NETS) {
            var m = results.net(name);
            line(md, f("- %s: %d parameters, %d Hessian-vector products, top %d %s, %.0f s.", name, m.parameters(),
                    m.products(), m.eigenvalues().length, m.converged() ? "converged (relative residuals ≤ 1e-3)"
                            : "NOT all converged: raise --lanczos-iters", m.seconds()));
        }
        eigenvalues(md, results);
        overlaps(md, results);
        projected(md, results);
        perturbations(md, results, p);
        layers(md, results, p);
        if (!figures.isEmpty()) {
            line(md, "");
            line(md, "## Figures");
            figures.forEach(name -> line(md, "![" + name + "](" + name + ")"));
        }
        return md.toString();
    }

    private static void eigenvalues(StringBuilder md, PageExperiment.Results r) {
        line(md, "");
        line(md, "## Top eigenvalues");
        line(md, "| net | λ1 | λ9 | λ10 | λ11 | λ9/λ10 | Page λ1 ÷ 256 | Page λ9/λ10 |");
        line(md, "|---|---|---|---|---|---|---|---|");
        for (String name : NETS) {
            var m = r.net(name);
            var page = PagePublished.NETS.get(name);
            line(md, f("| %s | %.4g | %.4g | %.4g | %.4g | %.2f | %.3g | %.2f |", name, m.lambda(1), m.lambda(9),
                    m.lambda(10), m.lambda(11), m.lambda(9) / m.lambda(10), page.meanLoss(page.lambda1()),
                    page.lambda9() / page.lambda10()));
        }
        double ours = r.net("frozen").lambda(1) / r.net("bn").lambda(1);
        double his = PagePublished.NETS.get("frozen").lambda1() / PagePublished.NETS.get("bn").lambda1();
        double oursNoBn = r.net("nobn").lambda(1) / r.net("bn").lambda(1);
        double hisNoBn = PagePublished.NETS.get("nobn").lambda1() / PagePublished.NETS.get("bn").lambda1();
        line(md, "");
        line(md, f("λ1 frozen ÷ BN: **%.1f×** (Page %.1f×); no BN ÷ BN: **%.1f×** (Page %.1f×). %s", ours, his, oursNoBn,
                hisNoBn, agreement(ours > 1 && oursNoBn > 1, "Both ratios exceed 1 as his do.",
                        "Not as his: a ratio is at most 1.")));
    }

    private static void overlaps(StringBuilder md, PageExperiment.Results r) {
        line(md, "");
        line(md, "## Overlap of each eigenvector with the shift spans");
        line(md, "‖P v_i‖² with P the projector onto the span of the gradients of the logits' batch means, centred over "
                + "classes (9 dimensions), and of the means, variances and skews (29).");
        var header = new StringBuilder("| net | span |");
        var rule = new StringBuilder("|---|---|");
        for (int i = 1; i <= OVERLAP_COLUMNS; i++) {
            header.append(" v").append(i).append(" |");
            rule.append("---|");
        }
        line(md, header.append(" Page |").toString());
        line(md, rule.append("---|").toString());
        for (String name : NETS) {
            var m = r.net(name);
            var page = PagePublished.NETS.get(name);
            line(md, "| " + name + " | 9 |" + cells(m.overlapMeans()) + " " + page.overlapMeans() + " |");
            line(md, "| " + name + " | 29 |" + cells(m.overlapMoments()) + " " + page.overlapMoments() + " |");
        }
        line(md, f("A random 10-dimensional subspace overlaps a direction by about 10/n = %.1e here (n parameters; Page "
                + "< %.0e).", 10.0 / parameters(r), PagePublished.RANDOM_OVERLAP_BOUND));
    }

    private static void projected(StringBuilder md, PageExperiment.Results r) {
        line(md, "");
        line(md, "## λ1 with the shift spans projected out");
        line(md, "| net | λ1 | without the 9-dim span | without the 29-dim span | kept | Page λ1 → without 29 (÷ 256) | Page kept |");
        line(md, "|---|---|---|---|---|---|---|");
        for (String name : NETS) {
            var m = r.net(name);
            var page = PagePublished.NETS.get(name);
            line(md, f("| %s | %.4g | %.4g | %.4g | %.0f%% | %.3g → %.3g | %.0f%% |", name, m.lambda(1),
                    m.lambda1ProjectedMeans(), m.lambda1ProjectedMoments(), 100 * m.lambda1ProjectedMoments() / m.lambda(1),
                    page.meanLoss(page.lambda1()), page.meanLoss(page.lambda1ProjectedMoments()),
                    100 * page.lambda1ProjectedMoments() / page.lambda1()));
        }
    }

    private static void perturbations(StringBuilder md, PageExperiment.Results r, PageProtocol p) {
        line(md, "");
        line(md, f("## Perturbation by %.0f%% of the parameter norm", 100 * p.fraction()));
        line(md, "Predicted classes of the evaluation set before → after, in each net's own BN mode. Page: a random "
                + "direction changes nothing visible; the mean-logit direction makes frozen and no-BN nets predict that "
                + "class almost everywhere, the BN net only mildly.");
        line(md, f("| net | direction | Δ mean logit %d | class gaining most | its share before → after | counts after |",
                p.perturbedClass()));
        line(md, "|---|---|---|---|---|---|");
        for (String name : NETS) {
            for (var d : r.net(name).perturbation()) {
                line(md, f("| %s | %s | %+.3f | class %d | %.0f%% → %.0f%% | %s |", name, d.direction(),
                        d.meanLogitChange()[p.perturbedClass()], d.gainedClass(), 100 * d.shareBefore(),
                        100 * d.shareAfter(), Arrays.toString(d.after())));
            }
        }
        line(md, "");
        line(md, f("The move along the mean-logit-%d direction after which class %d takes half the predictions (1%%, 2%%, "
                + "4%%, … of the parameter norm tried): %s.", p.perturbedClass(), p.perturbedClass(), String.join("; ",
                NETS.stream().map(name -> name + " " + percent(r.net(name).halfClassFraction())).toList())));
    }

    private static void layers(StringBuilder md, PageExperiment.Results r, PageProtocol p) {
        line(md, "");
        line(md, f("## Where the shift lives: ‖∂(mean logit %d)/∂W_ℓ‖² by layer", p.perturbedClass()));
        line(md, "| net | total | classifier share | by layer, first to classifier | Page total | Page classifier share |");
        line(md, "|---|---|---|---|---|---|");
        for (String name : NETS) {
            var share = r.net(name).layerGradientShare();
            var page = PagePublished.NETS.get(name);
            var parts = new StringBuilder();
            for (double s : share.squared()) {
                parts.append(parts.isEmpty() ? "" : ", ").append(f("%.3g", s));
            }
            line(md, f("| %s | %.4g | %.0f%% | %s | %.3g | %.0f%% |", name, share.total(), 100 * share.classifierShare(),
                    parts, page.layerGradientTotal(), 100 * page.classifierShare()));
        }
    }

    private static String percent(Double fraction) {
        return fraction == null ? "none up to 128%" : f("%.0f%%", 100 * fraction);
    }

    private static String cells(double[] values) {
        var out = new StringBuilder();
        for (int i = 0; i < OVERLAP_COLUMNS; i++) {
            out.append(i < values.length ? f(" %.2f |", values[i]) : " – |");
        }
        return out.toString();
    }

    private static double parameters(PageExperiment.Results r) {
        return r.net("bn").parameters();
    }

    private static String agreement(boolean agrees, String yes, String no) {
        return agrees ? yes : no;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void line(StringBuilder md, String text) {
        md.append(text).append('\n');
    }
}
