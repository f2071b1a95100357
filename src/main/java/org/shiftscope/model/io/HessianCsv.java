// hessian.csv: one row per eigenvalue per computation, `step,rank,eigenvalue,residual,overlap,
// overlap_with_variances,gradient_share,bn_mode,lr` (definitions: docs/science.md); the same weights measured in
// two modes at a switch are two sets of rows.
package org.shiftscope.model.io;

import org.shiftscope.model.hessian.HessianReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public final class HessianCsv implements AutoCloseable {
    public static final String HEADER = "step,rank,eigenvalue,residual,overlap,overlap_with_variances,gradient_share,bn_mode,lr";

    private final BufferedWriter writer;

    public HessianCsv(Path file) throws IOException {
        writer = Files.newBufferedWriter(file);
        writer.write(HEADER);
        writer.newLine();
    }

    public void write(HessianReport r) throws IOException {
        for (int i = 0; i < r.eigenvalues().length; i++) {
            writer.write(r.step() + "," + (i + 1) + "," + r.eigenvalues()[i] + "," + r.residuals()[i] + ","
                    + r.meanOverlap()[i] + "," + r.meanVarianceOverlap()[i] + "," + r.gradientShares()[i] + ","
                    + r.bnMode().label() + "," + r.settings().learningRate());
            writer.newLine();
        }
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
