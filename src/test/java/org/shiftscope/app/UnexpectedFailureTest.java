// The last-resort handler of the command line: an I/O failure no command reported itself still ends with one
// line in words and exit code 1, without exception class names or a stack trace.
package org.shiftscope.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnexpectedFailureTest {
    static final String NO_SPACE = "No space left on device";

    @CommandLine.Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new UncheckedIOException(new IOException(NO_SPACE));
        }
    }

    @Test
    void anUnreportedIoFailureIsOneLineInWords() {
        var err = new StringWriter();
        var cli = Main.commandLine().addSubcommand(new Failing());
        cli.setErr(new PrintWriter(err));
        assertEquals(WriteFailure.EXIT_WRITE_FAILED, cli.execute("fail"));
        assertEquals("error: input/output failed: the disk is full (" + NO_SPACE + ")", err.toString().strip());
    }
}
