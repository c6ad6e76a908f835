package zip;

import errors.ErrorCode;
import errors.PrezipException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import scan.EntryName;
import scan.Extensions;

/**
 * Deterministic ZIP v1 (spec/deterministic_zip_v1.md): every value the writer and the verifier agree
 * on. Changing any order, timestamp or mode value here means a new schema version.
 */
public final class ZipPolicyV1 {
    /** The manifest's schema_version; verify_zip rejects any other. */
    static final int SCHEMA_VERSION = 1;
    /** Spec constant: the transport format. */
    public static final String FORMAT = "zip";
    /** Spec constant: entries sorted by the unsigned bytes of their UTF-8 names ({@link scan.PathOrder}). */
    public static final String ENTRY_ORDER = "lexicographic_path";
    /** Spec constant: one fixed instant for every entry. */
    public static final String TIMESTAMP_POLICY = "fixed_epoch_ms";
    /** Spec constant: one mode for every file. */
    public static final String PERMISSION_POLICY = "normalized_posix_mode";

    /** 1980-01-01T00:00:00Z, the earliest instant a DOS time can hold. */
    public static final long DEFAULT_EPOCH_MS = Instant.parse("1980-01-01T00:00:00Z").toEpochMilli();
    /** 2107-12-31T23:59:58Z, the latest instant a DOS time can hold. */
    public static final long MAX_EPOCH_MS = Instant.parse("2107-12-31T23:59:58Z").toEpochMilli();
    /** DOS time has two-second resolution: the instant is rounded down to an even second. */
    public static final long DOS_RESOLUTION_MS = 2000;
    /** Reproducible-builds convention for overriding the fixed instant (seconds since the epoch). */
    static final String EPOCH_VARIABLE = "SOURCE_DATE_EPOCH";

    /** Regular file, rw-r--r--: deliverables are data, and execute bits from SMB or NTFS mounts are noise. */
    public static final int FILE_MODE = 0100644;
    /** The mode as the manifest writes it: permission bits only, octal. */
    public static final String NORMALIZED_MODE = "0644";
    /** The central directory's external attributes: the Unix mode in the high 16 bits, no DOS bits. */
    public static final long EXTERNAL_ATTRIBUTES = ((long) FILE_MODE) << 16;
    /** "Version made by" host byte for Unix, so readers honour the mode in the external attributes. */
    public static final int HOST_UNIX = 3;
    /** General-purpose flag bit 11: names are UTF-8 (set on every entry; ASCII names are valid UTF-8). */
    public static final int FLAG_UTF8 = 1 << 11;
    /**
     * Every entry name is its source path in this Unicode form ({@link EntryName}), since toolkit 1.4.0:
     * the manifest's {@code entry_name_form}. A manifest without it was written with the source's names as
     * they were, and is verified by that rule.
     */
    public static final String ENTRY_NAME_FORM = EntryName.FORM.name().toLowerCase(Locale.ROOT);

    /** zlib's default trade-off, the level zip(1) and Python's zipfile use: comparable sizes for clients. */
    public static final int DEFLATE_LEVEL = deflate.Deflaters.LEVEL;
    /**
     * An entry larger than this is deflated in {@link #DEFLATE_BLOCK_BYTES} blocks on every core (pigz's
     * scheme: see {@code BlockDeflater}); smaller ones keep one deflate stream. At 4 MiB a file is 32
     * blocks, enough to spread; below it, many files already spread over the cores one file each.
     */
    public static final long BLOCK_DEFLATE_MIN_BYTES = 4L << 20;
    /** pigz's block: large enough that the sync-flush marks and dictionary restarts cost about 0.1 % of size. */
    public static final int DEFLATE_BLOCK_BYTES = 128 << 10;
    /** Deflate's window: the whole history a back-reference can reach, given to each block as its dictionary. */
    static final int DEFLATE_DICTIONARY_BYTES = 32 << 10;

    /** Whether an entry of this size and name is deflated in blocks (else one stream, or STORED). */
    public static boolean deflatesInBlocks(String relativePath, long size) {
        return size > BLOCK_DEFLATE_MIN_BYTES && !isStored(relativePath);
    }

    /** Already-compressed formats: deflating them again costs time and saves nothing, so they are STORED. */
    public static final List<String> STORED_EXTENSIONS = List.of(
            "7z", "aac", "avif", "bz2", "docx", "flac", "gif", "gz", "heic", "jpeg", "jpg", "m4a", "m4v",
            "mkv", "mov", "mp3", "mp4", "ogg", "pdf", "png", "pptx", "rar", "webm", "webp", "xlsx", "xz",
            "zip", "zst");
    private static final Set<String> STORED = Set.copyOf(STORED_EXTENSIONS);

    private ZipPolicyV1() {}

    public static boolean isStored(String relativePath) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        return Extensions.of(name).map(STORED::contains).orElse(false);
    }

    /** The fixed instant: SOURCE_DATE_EPOCH when set, else 1980-01-01T00:00:00Z. */
    public static long fixedEpochMs() {
        return fixedEpochMs(System.getenv(EPOCH_VARIABLE));
    }

    public static long fixedEpochMs(String sourceDateEpoch) {
        if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
            return DEFAULT_EPOCH_MS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(sourceDateEpoch.strip());
        } catch (NumberFormatException e) {
            throw new PrezipException(ErrorCode.PZ_EPOCH_INVALID,
                    EPOCH_VARIABLE + "='" + sourceDateEpoch + "' is not a whole number of seconds");
        }
        if (seconds < DEFAULT_EPOCH_MS / 1000 || seconds > MAX_EPOCH_MS / 1000 + 1) {
            throw new PrezipException(ErrorCode.PZ_EPOCH_INVALID, EPOCH_VARIABLE + "=" + seconds
                    + " is outside what a zip can hold (1980-01-01T00:00:00Z to 2107-12-31T23:59:58Z)");
        }
        long millis = seconds * 1000;
        return millis - Math.floorMod(millis, DOS_RESOLUTION_MS);
    }
}
