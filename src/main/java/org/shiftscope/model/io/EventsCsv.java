// events.csv: one row per change of a run's settings and for its divergence, `step,kind,from,to,cause`
// (a change at step N applies from step N + 1 on; see RunEvent). Written whole when a run's files are finished.
package org.shiftscope.model.io;

import org.shiftscope.model.train.RunEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class EventsCsv {
    public static final String HEADER = "step,kind,from,to,cause";

    private EventsCsv() {
    }

    public static void write(Path file, List<RunEvent> events) throws IOException {
        var lines = new ArrayList<String>(events.size() + 1);
        lines.add(HEADER);
        for (RunEvent e : events) {
            lines.add(e.step() + "," + e.kind().label() + "," + quoted(e.from()) + "," + quoted(e.to()) + ","
                    + e.cause().label());
        }
        AtomicFile.write(file, temporary -> Files.write(temporary, lines));
    }

    /** RFC 4180 quoting for a cell that holds a comma, a quote or a line break. */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
