// The computer ShiftScope runs on, for what differs between systems: the OS family (Linux, Windows, macOS), the
// processor, ND4J's name for the pair ("linux-x86_64", "macosx-arm64") and whether the C library is glibc.
// Built once from the system properties; tests build the others with of(...) or detect(...).
package org.shiftscope.model;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * @param family the operating system's family
 * @param arch   the processor as ND4J names it: x86_64, arm64, x86, ppc64le, or os.arch as given
 * @param glibc  whether the C library is GNU's (Linux with glibc; never on musl, macOS or Windows)
 */
public record HostPlatform(Family family, String arch, boolean glibc) {
    public enum Family {
        LINUX("linux"), MACOS("macosx"), WINDOWS("windows"), OTHER("unknown");

        private final String nd4jName;

        Family(String nd4jName) {
            this.nd4jName = nd4jName;
        }
    }

    private static final class Current {
        private static final HostPlatform INSTANCE = detect(System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""), () -> Glibc.present());
    }

    /** This JVM's platform (glibc is looked for through JNA on Linux only, once). */
    public static HostPlatform current() {
        return Current.INSTANCE;
    }

    /** @param glibcProbe asked on Linux only: JNA has no native for every other platform (darwin-aarch64) */
    public static HostPlatform detect(String osName, String osArch, BooleanSupplier glibcProbe) {
        String os = osName.toLowerCase(Locale.ROOT);
        Family family = os.startsWith("linux") ? Family.LINUX
                : os.startsWith("mac") || os.startsWith("darwin") ? Family.MACOS
                : os.startsWith("windows") ? Family.WINDOWS : Family.OTHER;
        return new HostPlatform(family, normalArch(osArch), family == Family.LINUX && glibcProbe.getAsBoolean());
    }

    private static String normalArch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64", "x86-64", "em64t" -> "x86_64";
            case "aarch64", "arm64", "armv8" -> "arm64";
            case "x86", "i386", "i486", "i586", "i686" -> "x86";
            default -> arch;
        };
    }

    /** "linux-x86_64", "linux-arm64", "windows-x86_64", "macosx-x86_64", "macosx-arm64": ND4J's classifier. */
    public String nd4jName() {
        return family.nd4jName + "-" + arch;
    }

    public boolean isMac() {
        return family == Family.MACOS;
    }

    public boolean isWindows() {
        return family == Family.WINDOWS;
    }

    public boolean isLinux() {
        return family == Family.LINUX;
    }
}
