// Reads and writes NumPy .npy files (format version 1.0: magic, little-endian header length, a Python
// dict literal header padded to 64 bytes, then C-order data), as specified in numpy/doc/neps/nep-0001.
// Supports float64, float32, int64 and int32 arrays of any rank.
package org.shiftscope.model.io;

import org.shiftscope.model.data.InputFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int HEADER_ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern SIZE = Pattern.compile("\\d+");
    /** Refuse to allocate more than this many elements from a file's header. */
    private static final long MAX_ELEMENTS = 500_000_000L;
    /** a size with more digits than this cannot be below the element cap (and could overflow a long) */
    private static final int MAX_SIZE_DIGITS = 18;
    /** the most bytes Java reads into one array */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /** An array read from a file: its shape and its values widened to double. */
    public record Array(long[] shape, double[] values) {
        public int rows() {
            return shape.length == 0 ? 1 : (int) shape[0];
        }

        public long elements() {
            return values.length;
        }
    }

    public static void writeDoubles(Path file, double[] values, long... shape) throws IOException {
        var buffer = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buffer.putDouble(v);
        }
        write(file, "<f8", shape, buffer.array());
    }

    public static void writeLongs(Path file, long[] values, long... shape) throws IOException {
        var buffer = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            buffer.putLong(v);
        }
        write(file, "<i8", shape, buffer.array());
    }

    private static void write(Path file, String descr, long[] shape, byte[] data) throws IOException {
        String shapeLiteral = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + String.join(", ", Arrays.stream(shape).mapToObj(Long::toString).toList()) + ")";
        var header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeLiteral + ", }");
        int unpadded = MAGIC.length + 2 + 2 + header.length() + 1;
        header.append(" ".repeat((HEADER_ALIGNMENT - unpadded % HEADER_ALIGNMENT) % HEADER_ALIGNMENT)).append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream(MAGIC.length + 4 + headerBytes.length + data.length);
        out.write(MAGIC);
        out.write(1);
        out.write(0);
        out.write(headerBytes.length & 0xFF);
        out.write(headerBytes.length >>> 8);
        out.write(headerBytes);
        out.write(data);
        AtomicFile.write(file, temporary -> Files.write(temporary, out.toByteArray()));
    }

    /** @throws IOException with a one-line message naming the file and the problem */
    public static Array read(Path file) throws IOException {
        InputFiles.requireRegularFile(file);
        String name = file.toString();
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(name + ": " + Files.size(file) + " bytes, larger than the " + MAX_FILE_BYTES
                    + " a .npy file may have");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
            throw new IOException(name + ": not a NumPy .npy file (bad magic)");
        }
        int major = bytes[6];
        int headerLength;
        int dataStart;
        if (major == 1) {
            headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            dataStart = 10 + headerLength;
        } else if (major == 2 || major == 3) {
            headerLength = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            dataStart = 12 + headerLength;
        } else {
            throw new IOException(name + ": unsupported .npy version " + major);
        }
        if (headerLength < 0 || dataStart < 0 || dataStart > bytes.length) {
            throw new IOException(name + ": truncated header");
        }
        String header = new String(bytes, dataStart - headerLength, headerLength, StandardCharsets.ISO_8859_1);
        var descr = DESCR.matcher(header);
        var fortran = FORTRAN.matcher(header);
        var shapeMatch = SHAPE.matcher(header);
        if (!descr.find() || !fortran.find() || !shapeMatch.find()) {
            throw new IOException(name + ": header lacks descr, fortran_order or shape");
        }
        if (fortran.group(1).equals("True")) {
            throw new IOException(name + ": Fortran-order arrays are not supported; save with C order");
        }
        int width = switch (descr.group(1)) {
            case "<f8", "<i8" -> 8;
            case "<f4", "<i4" -> 4;
            default -> throw new IOException(name + ": dtype " + descr.group(1) + " not supported (use float64, float32, int64 or int32)");
        };
        long[] shape = parseShape(name, shapeMatch.group(1));
        long count = 1;
        for (long size : shape) {
            count *= size;
            if (count > MAX_ELEMENTS) {
                throw new IOException(name + ": shape " + Arrays.toString(shape) + " is too large (at most "
                        + MAX_ELEMENTS + " elements)");
            }
        }
        if (bytes.length - dataStart != count * width) {
            throw new IOException(name + ": holds " + (bytes.length - dataStart) + " data bytes, header promises " + count * width);
        }
        var buffer = ByteBuffer.wrap(bytes, dataStart, (int) (count * width)).order(ByteOrder.LITTLE_ENDIAN);
        var values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (descr.group(1)) {
                case "<f8" -> buffer.getDouble();
                case "<f4" -> buffer.getFloat();
                case "<i8" -> buffer.getLong();
                default -> buffer.getInt();
            };
        }
        return new Array(shape, values);
    }

    /** "(784, 16)" → [784, 16]; every size a plain non-negative integer no larger than the element cap. */
    private static long[] parseShape(String name, String tuple) throws IOException {
        var sizes = Arrays.stream(tuple.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        var shape = new long[sizes.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!SIZE.matcher(sizes.get(i)).matches() || sizes.get(i).length() > MAX_SIZE_DIGITS
                    || Long.parseLong(sizes.get(i)) > MAX_ELEMENTS) {
                throw new IOException(name + ": shape (" + tuple.trim() + ") must list sizes from 0 to " + MAX_ELEMENTS
                        + " (got '" + sizes.get(i) + "')");
            }
            shape[i] = Long.parseLong(sizes.get(i));
        }
        return shape;
    }
}
