// The images a convolutional network takes, read from a dataset's features per example: square images of one
// channel (Fashion-MNIST's 784 = 1×28×28) or three (CIFAR-10's 3072 = 3×32×32), stored channel-major.
package org.shiftscope.model.net;

/** @param channels 1 or 3 @param side the images' width and height */
public record ImageShape(int channels, int side) {

    public ImageShape {
        if (channels < 1 || side < 1) {
            throw new IllegalArgumentException("images need channels ≥ 1 and a side ≥ 1");
        }
    }

    /** The shape whose channels·side² is {@code inputs}: one channel when that is a square, else three. */
    public static ImageShape of(int inputs) {
        for (int channels : new int[]{1, 3}) {
            if (inputs % channels == 0) {
                int side = (int) Math.round(Math.sqrt(inputs / (double) channels));
                if (side * side * channels == inputs && side > 1) {
                    return new ImageShape(channels, side);
                }
            }
        }
        throw new IllegalArgumentException("a convolutional network needs square images of 1 or 3 channels; "
                + inputs + " features per example are neither side² nor 3·side²");
    }

    public int inputs() {
        return channels * side * side;
    }
}
