package zip;

import java.time.LocalDateTime;

/**
 * The record layout of a zip written by toolkit 1.1.0 and later (APPNOTE 6.3.10): every field value the
 * writer puts down and verify_zip holds a 1.1.0 zip to. Zips of 1.0.0 (Zip4j, data descriptors) are read
 * by verify_zip with the rules of their own version.
 */
public final class ZipLayout {
    /** The first toolkit version that writes this layout; a manifest naming an earlier one is read as 1.0.0's. */
    public static final String SINCE_TOOLKIT_VERSION = "1.1.0";

    public static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    public static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    public static final int END_SIGNATURE = 0x06054b50;
    public static final int ZIP64_END_SIGNATURE = 0x06064b50;
    public static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

    public static final int LOCAL_HEADER_FIXED_BYTES = 30;
    public static final int CENTRAL_HEADER_FIXED_BYTES = 46;
    public static final int END_BYTES = 22;
    /** The zip64 end record as written: its 56 bytes, no extensible data. */
    public static final int ZIP64_END_BYTES = 56;
    public static final int ZIP64_LOCATOR_BYTES = 20;

    /** General-purpose flags: bit 11 (UTF-8 names) and nothing else: no descriptor, no encryption. */
    public static final int FLAGS = ZipPolicyV1.FLAG_UTF8;
    /** Internal attributes: 0, no "text file" guess, which readers may use to rewrite line ends. */
    public static final int INTERNAL_ATTRIBUTES = 0;
    /** APPNOTE version 4.5, the one this layout follows (zip64 included). */
    public static final int SPEC_VERSION = 45;
    /** Version made by: Unix host (so readers honour the mode) and the one spec version. */
    public static final int VERSION_MADE_BY = ZipPolicyV1.HOST_UNIX << 8 | SPEC_VERSION;
    /** Version needed to extract a STORED entry: 1.0. */
    public static final int VERSION_STORED = 10;
    /** Version needed to extract a DEFLATED entry: 2.0. */
    public static final int VERSION_DEFLATED = 20;
    /** Version needed to extract an entry with a zip64 extra, and in the zip64 end record: 4.5. */
    public static final int VERSION_ZIP64 = 45;

    public static final int METHOD_STORED = 0;
    public static final int METHOD_DEFLATED = 8;

    /** Extra-field header id of the zip64 extended information record (APPNOTE 4.5.3), the only extra written. */
    public static final int ZIP64_EXTRA_ID = 0x0001;
    /** A local zip64 extra: its header and both sizes, as APPNOTE 4.5.3 asks of a local header. */
    public static final int LOCAL_ZIP64_EXTRA_BYTES = 4 + 2 * Long.BYTES;
    /** A 32-bit field holding this value defers to the zip64 extra or end record. */
    public static final int MARKER_32 = 0xFFFFFFFF;
    /** A 16-bit entry count holding this value defers to the zip64 end record. */
    public static final int MARKER_16_VALUE = 0xFFFF;

    private ZipLayout() {}

    /** A size or offset that a 32-bit field cannot hold (its all-ones value is the zip64 marker). */
    public static boolean overflows(long value) {
        return value >= 0xFFFFFFFFL;
    }

    /** DOS time of the UTC wall-clock fields: hours, minutes, seconds / 2. */
    public static int dosTime(LocalDateTime utc) {
        return utc.getHour() << 11 | utc.getMinute() << 5 | utc.getSecond() / 2;
    }

    /** DOS date of the UTC wall-clock fields: years since 1980, month, day. */
    public static int dosDate(LocalDateTime utc) {
        return (utc.getYear() - 1980) << 9 | utc.getMonthValue() << 5 | utc.getDayOfMonth();
    }
}
