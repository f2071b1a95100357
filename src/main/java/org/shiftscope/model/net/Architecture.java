// The named network shapes a run can have (docs/architecture.md, "Architectures"): today's MLP, a convnet of
// 3×3 convolution stages after Page's "How to train your ResNet", and the same stages with residual blocks.
package org.shiftscope.model.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum Architecture {
    /** Dense → normalisation → activation per hidden layer, then a dense classifier. */
    MLP("MLP"),
    /** 3×3 convolution → normalisation → activation per stage, channels doubling where 2×2 pooling halves the image. */
    CONVNET("Convnet"),
    /** The convnet's stages, each after the first a residual block x + F(x) (He et al. 2016). */
    RESNET("ResNet");

    private final String title;

    Architecture(String title) {
        this.title = title;
    }

    /** "ResNet": how the window and the texts name it. */
    public String title() {
        return title;
    }

    /** Whether it needs images: its width counts channels and its depth stages. */
    public boolean convolutional() {
        return this != MLP;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Architecture parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
