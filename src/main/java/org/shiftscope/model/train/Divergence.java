// Why and when a run stopped being meaningful: a non-finite loss or parameter, or an exploded loss.
package org.shiftscope.model.train;

/** @param step the step whose update or loss went bad @param reason one sentence for the user */
public record Divergence(long step, String reason) {
}
