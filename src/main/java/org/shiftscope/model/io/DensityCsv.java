// density.csv: the smoothed Hessian spectral density of each computation, `step,lambda,density`, one row per
// grid point (SLQ, Ghorbani, Krishnan & Xiao 2019; the density integrates to 1 over each step's rows).
package org.shiftscope.model.io;

import org.shiftscope.model.hessian.DensityReport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

public final class DensityCsv implements AutoCloseable {
    public static final String HEADER = "step,lambda,density";

    private final BufferedWriter writer;

    public DensityCsv(Path file) throws IOException {
        writer = Files.newBufferedWriter(file);
        writer.write(HEADER);
        writer.newLine();
    }

    public void write(DensityReport r) throws IOException {
        double[] grid = r.estimate().grid();
        double[] density = r.estimate().density();
        for (int i = 0; i < grid.length; i++) {
            writer.write(r.step() + "," + grid[i] + "," + density[i]);
            writer.newLine();
        }
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
