// Where the E shortcut's PNG goes on each system, with home, environment and working directory made up in a
// temporary folder: XDG on Linux (variable, user-dirs.dirs with $HOME, the "none" that is home itself),
// %USERPROFILE%\Pictures or OneDrive's on Windows, ~/Pictures on macOS, the working directory otherwise.
package org.shiftscope.ui.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiftscope.model.HostPlatform;
import org.shiftscope.model.HostPlatform.Family;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PicturesFolderTest {
    static final HostPlatform LINUX = new HostPlatform(Family.LINUX, "x86_64", true);
    static final HostPlatform MAC = new HostPlatform(Family.MACOS, "arm64", false);
    static final HostPlatform WINDOWS = new HostPlatform(Family.WINDOWS, "x86_64", false);

    @TempDir
    Path root;

    private Path dir(String path) throws IOException {
        return Files.createDirectories(root.resolve(path));
    }

    @Test
    void linuxTakesTheXdgVariableFirst() throws IOException {
        Path home = dir("home");
        dir("home/Pictures");
        Path bilder = dir("elsewhere/Bilder");
        assertEquals(bilder, PicturesFolder.find(LINUX, home, Map.of("XDG_PICTURES_DIR", bilder.toString()), dir("work")));
    }

    @Test
    void linuxReadsUserDirsWithHomeExpanded() throws IOException {
        Path home = dir("home");
        Path bilder = dir("home/Bilder");
        dir("home/.config");
        Files.writeString(home.resolve(".config/user-dirs.dirs"), """
                # written by xdg-user-dirs-update
                XDG_DESKTOP_DIR="$HOME/Schreibtisch"
                XDG_PICTURES_DIR="$HOME/Bilder"
                """);
        assertEquals(bilder, PicturesFolder.find(LINUX, home, Map.of(), dir("work")));
        Path config = dir("config");
        Files.writeString(config.resolve("user-dirs.dirs"), "XDG_PICTURES_DIR=\"${HOME}/Fotos\"\n");
        Path fotos = dir("home/Fotos");
        assertEquals(fotos, PicturesFolder.find(LINUX, home, Map.of("XDG_CONFIG_HOME", config.toString()), dir("work")));
    }

    @Test
    void linuxFallsBackToPicturesThenTheWorkingDirectory() throws IOException {
        Path home = dir("home");
        dir("home/.config");
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "XDG_PICTURES_DIR=\"$HOME/\"\n");   // "none"
        Path work = dir("work");
        assertEquals(work, PicturesFolder.find(LINUX, home, Map.of(), work));
        Path pictures = dir("home/Pictures");
        assertEquals(pictures, PicturesFolder.find(LINUX, home, Map.of("XDG_PICTURES_DIR", root.resolve("gone").toString()), work));
    }

    @Test
    void macOsUsesPicturesInHomeAndIgnoresXdg() throws IOException {
        Path home = dir("home");
        Path pictures = dir("home/Pictures");
        Path bilder = dir("Bilder");
        assertEquals(pictures, PicturesFolder.find(MAC, home, Map.of("XDG_PICTURES_DIR", bilder.toString()), dir("work")));
        Files.delete(pictures);
        assertEquals(root.resolve("work"), PicturesFolder.find(MAC, home, Map.of(), root.resolve("work")));
    }

    @Test
    void windowsUsesTheProfilesPicturesThenOneDrives() throws IOException {
        Path profile = dir("Users/ada");
        Path work = dir("work");
        Map<String, String> env = Map.of("USERPROFILE", profile.toString());
        assertEquals(work, PicturesFolder.find(WINDOWS, root.resolve("elsewhere"), env, work));
        Path oneDrive = dir("Users/ada/OneDrive/Pictures");
        assertEquals(oneDrive, PicturesFolder.find(WINDOWS, root.resolve("elsewhere"), env, work));
        Path business = dir("Users/ada/OneDrive - Contoso/Pictures");
        assertEquals(business, PicturesFolder.find(WINDOWS, root, Map.of("USERPROFILE", profile.toString(),
                "OneDrive", business.getParent().toString()), work));
        Path pictures = dir("Users/ada/Pictures");
        assertEquals(pictures, PicturesFolder.find(WINDOWS, root, env, work));
        assertEquals(pictures, PicturesFolder.find(WINDOWS, profile, Map.of(), work), "user.home without USERPROFILE");
    }

    @Test
    void aWorkingDirectoryThatCannotBeWrittenGivesHome() throws IOException {
        Path home = dir("home");
        Path notAFolder = Files.writeString(root.resolve("file"), "");     // as / is for a user (tests may run as root)
        assertEquals(home, PicturesFolder.find(MAC, home, Map.of(), notAFolder));
    }
}
