// The three networks `reproduce yang` compares at initialisation: the plain ReLU MLP with BatchNorm in batch-
// statistics mode, the same weights with BatchNorm bypassed (He init), and a residual MLP with BatchNorm.
package org.shiftscope.model.reproduce.yang;

import org.shiftscope.model.net.BnMode;

public enum Variant {
    BATCH_NORM("BN", "batch_norm", BnMode.ON, false),
    NO_NORM("no BN", "no_norm", BnMode.OFF, false),
    RESIDUAL_BATCH_NORM("residual + BN", "residual_batch_norm", BnMode.ON, true);

    private final String title;
    private final String key;
    private final BnMode mode;
    private final boolean residual;

    Variant(String title, String key, BnMode mode, boolean residual) {
        this.title = title;
        this.key = key;
        this.mode = mode;
        this.residual = residual;
    }

    /** How tables and charts name it. */
    public String title() {
        return title;
    }

    /** How JSON and CSV files name it. */
    public String key() {
        return key;
    }

    public BnMode mode() {
        return mode;
    }

    /** Built by {@link YangNetworks#residual} rather than {@link YangNetworks#plain}. */
    public boolean residual() {
        return residual;
    }
}
