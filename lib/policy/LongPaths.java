package policy;

import scan.EntryName;

/**
 * Paths a client on Windows may fail to extract: Explorer (and most programs there) cannot create a file
 * whose full path, the folder it extracts into plus the entry's name, passes {@code MAX_PATH}, and says
 * little about why. Deep delivery trees (shot/version/plate/resolution folders) reach it easily. Such a
 * path is a warning in every report; the {@code strict} preset refuses it ({@link Reason#LONG_PATH}).
 */
public final class LongPaths {
    /**
     * The longest entry path, in UTF-16 units as Windows counts them, that extracts inside a typical
     * folder: {@code MAX_PATH} is 260 with the closing NUL (259 characters), and a folder may have at most
     * 247 ({@code CreateDirectory} keeps 12 for an 8.3 name). {@code C:\Users\<20-character user name>\Downloads\<46-character
     * zip name>\}, where Explorer's "Extract All" proposes to unpack, is 87 characters: 87 + 160 keeps every
     * file under 260 and every folder under 248.
     */
    public static final int MAX_CHARACTERS = 160;

    private LongPaths() {}

    /** The path's length as Windows counts it once extracted: UTF-16 units of the name it ships under, '/' one each. */
    public static int length(String sourcePath) {
        return EntryName.of(sourcePath).length();
    }

    public static boolean isLong(String sourcePath) {
        return length(sourcePath) > MAX_CHARACTERS;
    }
}
