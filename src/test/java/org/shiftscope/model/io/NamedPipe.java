// Creates a named pipe (FIFO) for the tests that check loaders refuse non-regular files instead of blocking on
// them; skips the calling test where mkfifo is unavailable.
package org.shiftscope.model.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

public final class NamedPipe {
    /** how long mkfifo may take */
    private static final long MKFIFO_SECONDS = 10;

    private NamedPipe() {
    }

    /** A new FIFO called {@code name} in {@code folder}; nothing ever writes to it, so reading it would block. */
    public static Path create(Path folder, String name) throws IOException, InterruptedException {
        Path pipe = folder.resolve(name);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            throw e;
        }
        assumeTrue(mkfifo.waitFor(MKFIFO_SECONDS, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        return pipe;
    }
}
