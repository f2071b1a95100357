// One layer's activation statistics at one step (docs/science.md, "Per-layer activation statistics").
package org.shiftscope.model.stats;

/**
 * @param mean          mean over batch and units
 * @param variance      variance over batch and units (population)
 * @param unitVariance  mean over units of each unit's batch variance
 * @param betweenShare  Var_units(batch mean) / Var_all: the share of variance lying between channel means
 * @param p15           15th percentile over the batch of the tracked unit (Ioffe & Szegedy 2015, Fig. 1)
 * @param p50           median of the tracked unit
 * @param p85           85th percentile of the tracked unit
 * @param drift         ‖m_t − m_{t−1}‖₂ / √units for the per-unit mean vector m; NaN at the first step
 */
public record LayerStats(double mean, double variance, double unitVariance, double betweenShare,
                         double p15, double p50, double p85, double drift) {
}
