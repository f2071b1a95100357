// The board's charts, made with their ids, titles (full and brief), axes and options: loss, accuracy, layer
// means and variances, the tracked unit's percentiles, λ over steps, the latest top-k, the density, the
// gradient by layer, the stress test, and the bars of the perturbation and of where the shift lives.
package org.shiftscope.ui.charts;

import javafx.geometry.Pos;

final class BoardCharts {
    private BoardCharts() {
    }

    static LiveChart loss(String id) {
        return new LiveChart(id, "Loss (cross-entropy)", "step", "loss", true).withBriefTitles("Loss").withClipping();
    }

    static LiveChart accuracy() {
        return new LiveChart("accuracy-chart", "Accuracy", "step", "accuracy", false).withKeyAt(Pos.BOTTOM_RIGHT);
    }

    static LiveChart means() {
        return new LiveChart("mean-chart", "Layer means", "step", "mean", false).withBriefTitles("Means").withClipping();
    }

    static LiveChart variances(String id) {
        return new LiveChart(id, "Layer variances", "step", "variance", true).withBriefTitles("Variances").withClipping();
    }

    static LiveChart percentiles() {
        return new LiveChart("percentile-chart", "Tracked unit: 15/50/85th percentiles", "step", "value", false)
                .withBriefTitles("Unit percentiles", "Percentiles").withClipping();
    }

    static LiveChart hessian(String id) {
        return new LiveChart(id, "Top eigenvalues vs full-batch threshold", "step", "λ", true).withMarkers()
                .withBriefTitles("Top eigenvalues", "Top λ").withKeyAt(Pos.BOTTOM_RIGHT);
    }

    static LiveChart spectrum() {
        return new LiveChart("spectrum-chart", "Latest top-k and shift overlap", "rank", "λ", false).withMarkers()
                .withSecondaryAxis("overlap", 0, 1).withBriefTitles("Latest top-k", "Top-k");
    }

    static LiveChart density() {
        return new LiveChart("density-chart", "Spectral density, top-k marked", "eigenvalue λ", "density", true)
                .withPointSeries().withBriefTitles("Spectral density", "Density");
    }

    static LiveChart gradients() {
        return new LiveChart("gradient-chart", "Weight-gradient norm by layer", "layer (classifier last)", "‖∂loss/∂W‖",
                true).withBriefTitles("Gradient by layer", "Gradients");
    }

    static LiveChart perturbation(String id) {
        return new LiveChart(id, "Perturbation: predicted classes before and after", "class", "examples", false)
                .withBars().withBriefTitles("Perturbation: classes", "Perturbation");
    }

    static LiveChart layerShift(String id) {
        return new LiveChart(id, "Where the shift lives: ‖∂ mean logit/∂W‖² by layer", "layer (classifier last)",
                "‖∂ mean logit/∂W‖²", false).withBars().withBriefTitles("Where the shift lives", "Shift by layer");
    }

    static LiveChart stress() {
        return new LiveChart("stress-chart", "Stress test: λ1 and accuracy vs learning rate", "learning rate η", "λ1", true)
                .withLogX().withMarkers().withSecondaryAxis("train accuracy", 0, 1)
                .withBriefTitles("Stress test: λ1 vs η", "λ1 vs η");
    }
}
