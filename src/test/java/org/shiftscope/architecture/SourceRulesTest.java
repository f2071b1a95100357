// Rules on the sources as text: small files (at most 300 lines in src/main), headers of at most three comment
// lines, and nothing in the product (code, resources, docs, README) that points to files outside the repository.
package org.shiftscope.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SourceRulesTest {
    static final int MAX_LINES = 300;
    static final int MAX_HEADER_LINES = 3;
    /** Files that do not ship with the project, and issue numbers of its tracker, which readers cannot see. */
    static final Pattern OUTSIDE = Pattern.compile("SCIENCE\\.md|STACK\\.md|STYLE\\.md|\\.\\./shared|(?i:\\bissue \\d+)");

    @Test
    void mainSourceFilesAreAtMost300Lines() throws IOException {
        var tooLong = new ArrayList<String>();
        for (Path file : javaFiles(Path.of("src/main/java"))) {
            int lines = Files.readAllLines(file).size();
            if (lines > MAX_LINES) {
                tooLong.add(file + " (" + lines + " lines)");
            }
        }
        assertEquals(List.of(), tooLong);
    }

    @Test
    void headersAreAtMostThreeLines() throws IOException {
        var long_ = new ArrayList<String>();
        for (Path file : javaFiles(Path.of("src/main/java"))) {
            List<String> lines = Files.readAllLines(file);
            int header = 0;
            while (header < lines.size() && lines.get(header).startsWith("//")) {
                header++;
            }
            if (header > MAX_HEADER_LINES) {
                long_.add(file + " (" + header + " header lines)");
            }
        }
        assertEquals(List.of(), long_);
    }

    @Test
    void nothingPointsOutsideTheRepository() throws IOException {
        var found = new ArrayList<String>();
        var roots = List.of(Path.of("src/main"), Path.of("docs"), Path.of("README.md"));
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(SourceRulesTest::isText).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (OUTSIDE.matcher(lines.get(i)).find()) {
                            found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return Stream.of(".java", ".md", ".css", ".properties", ".json", ".txt", ".xml", ".cfg", ".py", ".sh")
                .anyMatch(name::endsWith);
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
