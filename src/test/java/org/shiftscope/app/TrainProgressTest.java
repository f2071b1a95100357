// `train` announces each Hessian and density computation before it starts (the first one, at step 0, can take
// seconds before any step is printed) and reports its result after: one line each, in that order.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainProgressTest {
    static final List<Integer> SCHEDULED = List.of(0, 10, 20);

    @Test
    void eachHessianIsAnnouncedBeforeItsResult(@TempDir Path out) {
        var outcome = TrainCommandTest.run("train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "2",
                "--width", "16", "--batch", "32", "--steps", "20", "--hessian-every", "10", "--top-k", "2",
                "--hessian-samples", "128", "--density-every", "10", "--density-probes", "1", "--density-steps", "10",
                "--density-grid", "20");
        assertEquals(0, outcome.exitCode(), outcome.err());
        var lines = outcome.err().lines().toList();
        for (int step : SCHEDULED) {
            int announced = lines.indexOf("step " + step + ": computing the top-2 Hessian eigenvalues on 128 examples…");
            int result = indexStartingWith(lines, "Hessian at step " + step + ": ");
            assertEquals(announced + 1, result, "announcement, then result, at step " + step + ":\n" + outcome.err());
            int densityAnnounced = lines.indexOf("step " + step
                    + ": estimating the Hessian's spectral density (1 probe(s) × 10 Lanczos steps)…");
            int densityResult = indexStartingWith(lines, "Density at step " + step + ": ");
            assertEquals(densityAnnounced + 1, densityResult, "density at step " + step + ":\n" + outcome.err());
        }
        assertEquals(SCHEDULED.size(), lines.stream().filter(l -> l.contains("computing the top-")).count(),
                "one announcement per Hessian, no more");
    }

    private static int indexStartingWith(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
