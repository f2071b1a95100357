// Everything `reproduce yang` measured: its settings, the data it used, each variant's per-layer norms and fits,
// and how long it took. Plain arrays and records, so the report writers and the figure need no ND4J.
package org.shiftscope.model.reproduce.yang;

import java.util.List;

/**
 * @param settings the sizes measured
 * @param dataset  the dataset's name
 * @param variants in {@link Variant} order
 * @param seconds  wall-clock time of the measurement
 */
public record YangResult(YangSettings settings, String dataset, List<VariantResult> variants, double seconds) {
    public YangResult {
        variants = List.copyOf(variants);
    }

    public VariantResult of(Variant variant) {
        return variants.stream().filter(v -> v.variant() == variant).findFirst().orElseThrow();
    }

    /** Weight layers per network: the hidden layers, then the classifier. */
    public int layers() {
        return settings.depth() + 1;
    }
}
