// Writes a `reproduce ghorbani` run's files, each whole through AtomicFile: report.md (the table and the paper's
// claims), report.json (every figure) and density-NET.csv (each net's smoothed densities, rows per step).
package org.shiftscope.model.reproduce.ghorbani;

import org.shiftscope.model.io.AtomicFile;
import org.shiftscope.model.io.DensityCsv;
import org.shiftscope.model.io.Json;
import org.shiftscope.model.train.Divergence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class GhorbaniFiles {
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_JSON = "report.json";
    public static final String FIGURE = "densities.png";

    /**
     * The content of report.json.
     * @param experiment   "ghorbani"
     * @param reference    the paper
     * @param settings     what was run
     * @param dataset      the data's name
     * @param classes      K
     * @param seconds      training and measuring time
     * @param measurements every net at every checkpoint it reached
     * @param claims       the paper's claims and where they held
     * @param divergences  the nets that diverged, by slug
     */
    public record Report(String experiment, String reference, GhorbaniSettings settings, String dataset, int classes,
                         double seconds, List<MeasurementFigures> measurements, List<PaperClaims.Claim> claims,
                         Map<String, Divergence> divergences) {
    }

    private GhorbaniFiles() {
    }

    /** "density-bn-on.csv": the file of a net's densities. */
    public static String densityFile(NetVariant net) {
        return "density-" + net.slug() + ".csv";
    }

    /** Every file but the figure, into {@code folder}; returns the files written. */
    public static List<Path> write(GhorbaniResult result, Path folder) throws IOException {
        var written = new ArrayList<Path>();
        for (NetVariant net : result.settings().variants()) {
            var measurements = result.of(net);
            if (measurements.isEmpty()) {
                continue;
            }
            Path file = folder.resolve(densityFile(net));
            AtomicFile.write(file, temporary -> {
                try (var csv = new DensityCsv(temporary)) {
                    for (Measurement m : measurements) {
                        csv.write(m.density());
                    }
                }
            });
            written.add(file);
        }
        Path json = folder.resolve(REPORT_JSON);
        AtomicFile.write(json, temporary -> Json.mapper().writeValue(temporary.toFile(), report(result)));
        written.add(json);
        Path markdown = folder.resolve(REPORT_MD);
        AtomicFile.write(markdown, temporary -> Files.writeString(temporary, GhorbaniMarkdown.of(result),
                StandardCharsets.UTF_8));
        written.add(markdown);
        return written;
    }

    static Report report(GhorbaniResult result) {
        var divergences = new LinkedHashMap<String, Divergence>();
        for (NetVariant net : result.settings().variants()) {
            if (result.divergences().containsKey(net)) {
                divergences.put(net.slug(), result.divergences().get(net));
            }
        }
        return new Report("ghorbani", GhorbaniMarkdown.REFERENCE, result.settings(), result.datasetName(),
                result.classes(), result.seconds(), result.measurements().stream().map(MeasurementFigures::of).toList(),
                PaperClaims.check(result), divergences);
    }
}
