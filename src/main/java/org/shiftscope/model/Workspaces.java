// ND4J memory workspaces: every temporary of a training step or Hessian-vector product is carved from one
// reusable arena instead of a fresh native allocation. Arrays that outlive a scope (parameters, gradients,
// optimiser state, running statistics) are created detached.
package org.shiftscope.model;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

public final class Workspaces {
    /** Learns the arena size on the first pass, then reuses it; grows (spills) if a later pass needs more. */
    private static final WorkspaceConfiguration REUSABLE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Workspaces() {
    }

    /** Opens (and activates) this thread's workspace of that name; close it at the end of the pass. */
    public static MemoryWorkspace open(String name) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(REUSABLE, name);
    }

    /** A scope in which new arrays are ordinary (detached) allocations, even inside an open workspace. */
    public static MemoryWorkspace detached() {
        return Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }
}
