// `train` refuses contradictory options with a usage error (exit 2) showing the bad value, before the data
// loads (the missing dataset folder below would otherwise be reported first).
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.shiftscope.app.TrainCommandTest.assertUsageError;

class TrainOptionsTest {
    static final String NO_SUCH_DATASET = "/no/such/dataset/folder";

    @Test
    void nesterovNeedsMomentum(@TempDir Path out) {
        assertUsageError("--nesterov needs --momentum > 0 (got --momentum 0)",
                "train", "--out", out.toString(), "--dataset", NO_SUCH_DATASET, "--nesterov");
    }

    @Test
    void stressOptionsNeedTheStressTestAndTheirRanges(@TempDir Path out) {
        String dir = out.toString();
        assertUsageError("--stress-factor needs --lr-stress (got --stress-factor -5 without it)",
                "train", "--out", dir, "--dataset", NO_SUCH_DATASET, "--stress-factor", "-5");
        assertUsageError("--stress-every needs --lr-stress (got --stress-every 10 without it)",
                "train", "--out", dir, "--dataset", NO_SUCH_DATASET, "--stress-every", "10");
        assertUsageError("stress-factor must be between 1.01 and 10 (got -5)",
                "train", "--out", dir, "--dataset", NO_SUCH_DATASET, "--lr-stress", "--stress-factor", "-5");
        assertUsageError("stress-every must be between 1 and", "train", "--out", dir, "--dataset", NO_SUCH_DATASET,
                "--lr-stress", "--stress-every", "0");
        assertUsageError("stress limit must be between 0.1 and 100 (got 0.01)", "train", "--out", dir,
                "--dataset", NO_SUCH_DATASET, "--lr-stress", "--stress-limit", "0.01");
    }

    /** 10 layers of 1024 units (about 10 M parameters, 40 MB in float32) and 1000 Lanczos vectors: about 80 GB. */
    @Test
    void aHessianTooLargeForTheHeapIsRefusedBeforeTraining(@TempDir Path out) {
        assertUsageError("needs about", "train", "--out", out.toString(), "--dataset", "synthetic", "--depth", "10",
                "--width", "1024", "--steps", "5", "--hessian-every", "1", "--top-k", "30", "--lanczos-iters", "1000");
    }

    @Test
    void lanczosIterationsHaveAnUpperBound(@TempDir Path out) {
        assertUsageError("lanczos-iters must be between 0 and 1000 (got 99999)", "hessian", "--model",
                "/no/such/model", "--out", out.toString(), "--lanczos-iters", "99999");
    }
}
