package commit;

import errors.ErrorCode;
import errors.PrezipException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import scan.ScannedEntry;
import text.Bytes;

/**
 * The most a commit can need on the zip's file system, checked against its free space before anything is
 * written (by the dry-run too): a delivery that cannot fit is refused with the numbers, not after staging
 * most of it. At its peak a commit holds every staged copy and the whole zip beside them.
 */
public final class FreeSpace {
    /** Deflate's worst case over the input, as a shift: zlib's stored blocks and our block flushes add well under 1/1024. */
    static final int EXPANSION_SHIFT = 10;
    /** Per file: its local and central headers with zip64 extras, its manifest entry and its report lines, name aside. */
    static final long PER_FILE_BYTES = 1024;
    /** How often a name is written: local and central header, manifest, report JSON and HTML page. */
    static final int NAME_COPIES = 5;
    /** The fixed part: end records, checksum file, the manifest's and reports' own fields, the page's style sheet. */
    static final long FIXED_BYTES = 1 << 20;

    private FreeSpace() {}

    /** The bound for these eligible files: their staged copies, the zip, and what describes them. */
    public static long neededFor(List<ScannedEntry> eligible) {
        long bytes = 0;
        long nameBytes = 0;
        for (ScannedEntry entry : eligible) {
            bytes += entry.size();
            nameBytes += entry.relativePath().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes + bytes + (bytes >> EXPANSION_SHIFT) + eligible.size() * PER_FILE_BYTES + NAME_COPIES * nameBytes + FIXED_BYTES;
    }

    /**
     * Refuses, with PZ_DISK_FULL, when the file system of the zip's folder (or of its nearest existing
     * folder, for a folder --mkdirs will create) has less usable space than {@code neededBytes}.
     */
    public static void require(Path zip, long neededBytes) {
        Path folder = zip.toAbsolutePath().normalize().getParent();
        while (folder != null && !Files.isDirectory(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return;
        }
        long usable;
        try {
            FileStore store = Files.getFileStore(folder);
            usable = store.getUsableSpace();
        } catch (IOException e) {
            // A file system that cannot say its free space is not refused for it: the commit still fails cleanly if it fills.
            return;
        }
        if (neededBytes > usable) {
            throw new PrezipException(ErrorCode.PZ_DISK_FULL, "needs up to " + Bytes.human(neededBytes) + " on " + folder
                    + " (staged copies, the zip and its reports), " + Bytes.human(usable) + " free: " + ErrorCode.PZ_DISK_FULL.advice());
        }
    }
}
