// The three networks Ghorbani, Krishnan & Xiao (2019) compare: an MLP trained with BatchNorm, the same MLP
// trained without normalisation, and the BN net's weights evaluated with population (running) statistics.
package org.shiftscope.model.reproduce.ghorbani;

import org.shiftscope.model.net.BnMode;
import org.shiftscope.model.net.Normalization;

import java.util.Locale;

public enum NetVariant {
    BN_ON("BN", Normalization.BATCH, BnMode.ON),
    NO_BN("no BN", Normalization.NONE, BnMode.OFF),
    /** Not trained on its own: the BN net's weights at the same step, normalised with its running statistics. */
    BN_FROZEN("BN frozen", Normalization.BATCH, BnMode.FROZEN);

    private final String label;
    private final Normalization normalization;
    private final BnMode measuredMode;

    NetVariant(String label, Normalization normalization, BnMode measuredMode) {
        this.label = label;
        this.normalization = normalization;
        this.measuredMode = measuredMode;
    }

    /** "BN", "no BN", "BN frozen": how tables and figures name it. */
    public String label() {
        return label;
    }

    /** "bn-on", "no-bn", "bn-frozen": how file names and report.json name it. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Normalization normalization() {
        return normalization;
    }

    /** The BN mode of the loss whose Hessian is measured. */
    public BnMode measuredMode() {
        return measuredMode;
    }

    /** The mode the weights were trained in: BN frozen is measured on weights trained with BN on. */
    public BnMode trainedMode() {
        return this == BN_FROZEN ? BnMode.ON : measuredMode;
    }

    /** Whether this variant has weights of its own, trained from the shared seed. */
    public boolean trainedOnItsOwn() {
        return this != BN_FROZEN;
    }
}
