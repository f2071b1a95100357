// Opens the bytes of an IDX file (format: LeCun's MNIST page, http://yann.lecun.com/exdb/mnist/) from a path or the
// classpath, gunzips them when they start with the gzip magic whatever the name says, and turns I/O failures into
// one-line InvalidDataException messages naming the file.
package org.shiftscope.model.data;

import org.shiftscope.model.data.InputFiles;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

public final class IdxInput {
    /** the first two bytes of every gzip stream (RFC 1952) */
    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int BUFFER_BYTES = 1 << 16;

    /** Parses an IDX stream; {@code source} names it in error messages. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(InputStream in, String source) throws InvalidDataException;
    }

    private IdxInput() {
    }

    /** Checks that {@code file} is a readable regular file, then parses it and closes it. */
    public static <T> T fromFile(Path file, Parser<T> parser) throws InvalidDataException {
        var source = file.toString();
        try {
            InputFiles.requireRegularFile(file);
        } catch (IOException e) {
            throw new InvalidDataException(e.getMessage());       // one line naming the file
        }
        try (var in = Files.newInputStream(file)) {
            return parser.parse(in, source);
        } catch (IOException e) {
            throw readFailure(source, e);
        }
    }

    /** Parses the classpath resource at the absolute name {@code resource} (e.g. "/data/x.gz") and closes it. */
    public static <T> T fromResource(String resource, Parser<T> parser) throws InvalidDataException {
        try (var in = IdxInput.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidDataException("The resource " + resource + " is missing from the application's classpath");
            }
            return parser.parse(in, resource);
        } catch (IOException e) {
            throw readFailure(resource, e);
        }
    }

    /** Wraps {@code in} (not closed here) so it yields the IDX bytes, gunzipping if it starts with the gzip magic. */
    static InputStream unzipIfGzipped(InputStream in) throws IOException {
        var buffered = new BufferedInputStream(in, BUFFER_BYTES);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        boolean gzipped = first >= 0 && second >= 0 && (first << 8 | second) == GZIP_MAGIC;
        return gzipped ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
    }

    /** The one-line message for an I/O failure while reading {@code source}. */
    static InvalidDataException readFailure(String source, IOException e) {
        if (e instanceof EOFException) {
            return new InvalidDataException(source + " is truncated: its gzip data ends early", e);
        }
        var detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\R", " ");
        if (e instanceof ZipException) {
            return new InvalidDataException(source + " holds corrupt gzip data (" + detail + ")", e);
        }
        return new InvalidDataException(source + " cannot be read (" + detail + ")", e);
    }
}
