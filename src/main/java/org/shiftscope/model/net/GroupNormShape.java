// What a group normalisation layer needs from its spec: its name, export type and fields, ε, and how a row
// splits: channels of `area` values each (channel-major), normalised in `groups` contiguous groups of channels.
package org.shiftscope.model.net;

import java.util.Map;

interface GroupNormShape {
    String name();

    String type();

    double epsilon();

    int channels();

    int area();

    int groups();

    /** The export entry's fields besides gamma and beta (eps, and the layout for group norms). */
    Map<String, Object> layoutFields();
}
