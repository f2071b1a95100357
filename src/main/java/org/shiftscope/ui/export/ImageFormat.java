// The format an export writes, read from the file name the user gave: .png, .jpg/.jpeg (a real JPEG, drawn
// without alpha), or the vector .svg and .pdf. A name without an extension gets the default one; any other
// extension is refused, so a file never holds data its name does not announce.
package org.shiftscope.ui.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

public enum ImageFormat {
    PNG("png", List.of("png"), "PNG image"),
    JPEG("jpeg", List.of("jpg", "jpeg"), "JPEG image"),
    SVG(null, List.of("svg"), "SVG vector figure"),
    PDF(null, List.of("pdf"), "PDF vector figure");

    private final String writerName;
    private final List<String> extensions;
    private final String description;

    ImageFormat(String writerName, List<String> extensions, String description) {
        this.writerName = writerName;
        this.description = description;
        this.extensions = extensions;
    }

    /** Text and lines stay text and paths (VectorExport); the others are pixels (PngExport). */
    public boolean vector() {
        return writerName == null;
    }

    /** The format name ImageIO's writer knows (a pixel format's). */
    public String writerName() {
        return writerName;
    }

    /** What a save dialog calls files of this format ("PNG image", "SVG vector figure"). */
    public String description() {
        return description;
    }

    /** The extensions (without the dot) a file of this format may have, the default first. */
    public List<String> extensions() {
        return extensions;
    }

    /** The extension (without the dot) a file of this format gets when its name has none. */
    public String extension() {
        return extensions.get(0);
    }

    /** @throws IOException naming the file and the extensions that work, for any other extension */
    public static ImageFormat of(Path file) throws IOException {
        String extension = extensionOf(file);
        for (ImageFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return format;
            }
        }
        throw new IOException(file.getFileName() + ": figures are saved as .png, .jpg, .svg or .pdf"
                + (extension.isEmpty() ? " (the name has no extension)" : ", not ." + extension));
    }

    /** {@code file} as it is if its name has an extension, else with {@code format}'s extension added. */
    public static Path withExtension(Path file, ImageFormat format) {
        if (!extensionOf(file).isEmpty()) {
            return file;
        }
        String name = file.getFileName().toString();
        return file.resolveSibling(name + (name.endsWith(".") ? "" : ".") + format.extension());
    }

    /** The part of the name after its last dot, in lower case; empty without one ("notes", ".hidden"). */
    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
