// The end of one stretch of the learning-rate stress test: the step that closed it and its η.
package org.shiftscope.model.run;

/**
 * @param step                  the stretch's last step
 * @param learningRate          η of the stretch
 * @param maxStableLearningRate the largest healthy η so far, this stretch included; NaN if none yet
 */
public record StretchEnd(long step, double learningRate, double maxStableLearningRate) {
}
