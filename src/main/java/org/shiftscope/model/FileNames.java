// File and folder names that every system accepts, for names built from labels or user text: Windows refuses
// < > : " / \ | ? * and control characters, a trailing dot or space, and the device names CON, PRN, AUX, NUL,
// COM1–COM9 and LPT1–LPT9 (with any extension); Linux and macOS refuse only "/" and NUL, so the rules are Windows'.
package org.shiftscope.model;

import java.util.regex.Pattern;

public final class FileNames {
    /** Longest name made (NTFS, ext4 and APFS allow 255; room is left for "-2" and ".tmp" suffixes). */
    public static final int MAX_LENGTH = 200;
    private static final Pattern FORBIDDEN = Pattern.compile("[<>:\"/\\\\|?*\\x00-\\x1F]+");
    private static final Pattern DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\\..*)?");
    private static final Pattern TRAILING = Pattern.compile("[. ]+$");

    private FileNames() {
    }

    /**
     * {@code name} with each run of forbidden characters made one "-", cut to {@link #MAX_LENGTH}, without a
     * trailing dot or space, and "_" added to a device name ("con" → "con_"); "_" for a name left empty.
     */
    public static String portable(String name) {
        String safe = FORBIDDEN.matcher(name).replaceAll("-").strip();
        if (safe.length() > MAX_LENGTH) {
            safe = safe.substring(0, Character.isHighSurrogate(safe.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH);
        }
        safe = TRAILING.matcher(safe).replaceAll("");
        if (safe.isEmpty()) {
            return "_";
        }
        if (DEVICE.matcher(safe).matches()) {
            int dot = safe.indexOf('.');
            return dot < 0 ? safe + "_" : safe.substring(0, dot) + "_" + safe.substring(dot);
        }
        return safe;
    }
}
