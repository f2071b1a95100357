// The user's pictures folder as each system names it: on Linux the XDG one ($XDG_PICTURES_DIR, else its line
// in ~/.config/user-dirs.dirs), on Windows %USERPROFILE%\Pictures (or OneDrive's), on macOS ~/Pictures; then
// the working directory, or home where that cannot be written (an app started from the macOS Finder is in /).
package org.shiftscope.ui.export;

import org.shiftscope.model.HostPlatform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

final class PicturesFolder {
    /** XDG_PICTURES_DIR="$HOME/Pictures" as xdg-user-dirs writes it (the value may also be an absolute path). */
    private static final Pattern XDG_LINE = Pattern.compile("^\\s*XDG_PICTURES_DIR\\s*=\\s*\"?([^\"]*)\"?\\s*$");

    private PicturesFolder() {
    }

    /**
     * @param home       the user's home (user.home)
     * @param env        the environment (XDG_PICTURES_DIR, XDG_CONFIG_HOME, USERPROFILE, OneDrive)
     * @param workingDir where the window was started
     */
    static Path find(HostPlatform platform, Path home, Map<String, String> env, Path workingDir) {
        var candidates = new ArrayList<Path>();
        if (platform.isWindows()) {
            Path profile = env.containsKey("USERPROFILE") ? Path.of(env.get("USERPROFILE")) : home;
            candidates.add(profile.resolve("Pictures"));
            if (env.containsKey("OneDrive")) {
                candidates.add(Path.of(env.get("OneDrive")).resolve("Pictures"));
            }
            candidates.add(profile.resolve("OneDrive").resolve("Pictures"));
        } else {
            if (platform.isLinux()) {
                xdg(home, env).ifPresent(candidates::add);
            }
            candidates.add(home.resolve("Pictures"));
        }
        candidates.add(workingDir);
        return candidates.stream().filter(PicturesFolder::usable).findFirst().orElse(home);
    }

    /** The XDG pictures folder, unless it is home itself (which is how xdg-user-dirs says "none"). */
    private static Optional<Path> xdg(Path home, Map<String, String> env) {
        String value = env.get("XDG_PICTURES_DIR");
        if (value == null) {
            String config = env.get("XDG_CONFIG_HOME");
            Path dirs = (config == null || config.isBlank() ? home.resolve(".config") : Path.of(config)).resolve("user-dirs.dirs");
            value = readLine(dirs);
        }
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(value.replace("${HOME}", home.toString()).replace("$HOME", home.toString()));
            return folder.isAbsolute() && !folder.normalize().equals(home.normalize()) ? Optional.of(folder) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String readLine(Path dirs) {
        try {
            List<String> lines = Files.readAllLines(dirs);
            return lines.stream().map(XDG_LINE::matcher).filter(m -> m.matches()).map(m -> m.group(1))
                    .reduce((first, last) -> last).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean usable(Path folder) {
        return Files.isDirectory(folder) && Files.isWritable(folder);
    }
}
