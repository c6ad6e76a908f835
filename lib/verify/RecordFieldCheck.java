package verify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import zip.ZipLayout;
import zip.ZipPolicyV1;

/**
 * The record fields of the layout written since toolkit 1.1.0 ({@link ZipLayout}): each entry's flags,
 * versions, internal attributes and zip64 extras, and the end records. A 1.0.0 zip (data descriptors,
 * Zip4j's zip64) is not held to them.
 */
final class RecordFieldCheck {
    /** The checks of the record layout written since toolkit 1.1.0; a 1.0.0 zip (data descriptors, Zip4j's zip64) skips them. */
    static final EnumSet<VerifyCheck> LAYOUT_CHECKS = EnumSet.range(VerifyCheck.VZ_ENTRY_FLAGS, VerifyCheck.VZ_END_RECORDS);
    /** The flag bits VZ_ENCRYPTED_ENTRY reports: not reported again as VZ_ENTRY_FLAGS. */
    private static final int ENCRYPTION_FLAGS = ZipStructure.FLAG_ENCRYPTED | ZipStructure.FLAG_STRONG_ENCRYPTION
            | ZipStructure.FLAG_MASKED_LOCAL_HEADER;

    private final Findings findings;

    RecordFieldCheck(Findings findings) {
        this.findings = findings;
    }

    /** The 1.1.0 layout of one entry's headers: flags, versions, internal attributes, zip64 extras. */
    void check(EntryState entry) {
        ZipStructure.CentralHeader c = entry.central;
        int flags = c.flags() & ~ENCRYPTION_FLAGS;
        if (flags != ZipLayout.FLAGS) {
            findings.add(VerifyCheck.VZ_ENTRY_FLAGS, entry, String.format(Locale.ROOT, "general-purpose flags 0x%04x; the layout"
                    + " sets exactly bit 11 (0x%04x)%s", c.flags(), ZipLayout.FLAGS, (c.flags() & ZipStructure.FLAG_DATA_DESCRIPTOR) != 0
                    ? ": bit 3 (a data descriptor) leaves streaming readers without the sizes" : ""));
        }
        int centralZip64 = (ZipLayout.overflows(c.uncompressedSize()) ? ZipStructure.DEFERRED_SIZE : 0)
                | (ZipLayout.overflows(c.compressedSize()) ? ZipStructure.DEFERRED_COMPRESSED_SIZE : 0)
                | (ZipLayout.overflows(c.localHeaderOffset()) ? ZipStructure.DEFERRED_OFFSET : 0);
        checkVersions(entry, centralZip64);
        if (c.internalAttributes() != ZipLayout.INTERNAL_ATTRIBUTES) {
            findings.add(VerifyCheck.VZ_INTERNAL_ATTRIBUTES, entry, String.format(Locale.ROOT,
                    "internal attributes 0x%04x; the layout writes 0", c.internalAttributes()));
        }
        checkZip64Extra(entry, "central", c.extras(), c.deferred(), centralZip64);
        if (entry.local != null) {
            // A local zip64 extra holds both sizes whenever one of them overflows (APPNOTE 4.5.3).
            boolean sizesOverflow = (centralZip64 & ~ZipStructure.DEFERRED_OFFSET) != 0;
            checkZip64Extra(entry, "local", entry.local.extras(), entry.local.deferred(),
                    sizesOverflow ? ZipStructure.DEFERRED_SIZE | ZipStructure.DEFERRED_COMPRESSED_SIZE : 0);
        }
    }

    /** @param centralZip64 the DEFERRED_ bits of the values that do not fit the central header */
    private void checkVersions(EntryState entry, int centralZip64) {
        ZipStructure.CentralHeader c = entry.central;
        int needed = centralZip64 != 0 ? ZipLayout.VERSION_ZIP64
                : c.method() == ZipStructure.METHOD_STORED ? ZipLayout.VERSION_STORED : ZipLayout.VERSION_DEFLATED;
        // Another method is VZ_COMPRESSION_METHOD's finding; the version it needs is then beside the point.
        boolean knownMethod = c.method() == ZipStructure.METHOD_STORED || c.method() == ZipStructure.METHOD_DEFLATED;
        if (knownMethod && c.versionNeeded() != needed) {
            findings.add(VerifyCheck.VZ_ENTRY_VERSION, entry, "version needed " + version(c.versionNeeded()) + "; the layout writes "
                    + version(needed) + " for this entry");
        }
        if (c.hostByte() == ZipPolicyV1.HOST_UNIX && c.versionMadeBy() != ZipLayout.VERSION_MADE_BY) {
            findings.add(VerifyCheck.VZ_ENTRY_VERSION, entry, "version made by " + version(c.versionMadeBy() & 0xFF)
                    + "; the layout writes " + version(ZipLayout.SPEC_VERSION));
        }
    }

    /** One header's zip64 use: exactly one extra, holding exactly the {@code expected} DEFERRED_ values, or none. */
    private void checkZip64Extra(EntryState entry, String header, ZipStructure.Extras extras, int deferred, int expected) {
        long count = extras.fields().stream().filter(f -> f.id() == ZipStructure.ZIP64_EXTRA_ID).count();
        ZipStructure.ExtraField zip64 = extras.find(ZipStructure.ZIP64_EXTRA_ID);
        if (count > 1) {
            findings.add(VerifyCheck.VZ_ZIP64_EXTRA, entry, "the " + header + " header holds " + count
                    + " zip64 extras; readers take the first");
        } else if (deferred != expected || (zip64 == null) != (expected == 0)
                || (zip64 != null && zip64.data().length != Integer.bitCount(expected) * Long.BYTES)) {
            findings.add(VerifyCheck.VZ_ZIP64_EXTRA, entry, "the " + header + " header's zip64 use (" + zip64Use(deferred, zip64)
                    + ") is not the layout's for this entry (" + zip64Use(expected, null) + ")");
        }
    }

    /** The 1.1.0 end records: zip64 ones only where a value overflows, then markers exactly there; one disk. */
    void checkEndRecords(ZipStructure.End end) {
        ZipStructure.Classic classic = end.classic();
        boolean countOverflows = end.entryCount() >= ZipLayout.MARKER_16_VALUE;
        boolean needed = countOverflows || ZipLayout.overflows(end.centralSize()) || ZipLayout.overflows(end.centralOffset());
        if (end.zip64() != needed) {
            findings.archive(VerifyCheck.VZ_END_RECORDS, needed ? "no zip64 end record, although the entry count or the central"
                    + " directory's size or offset does not fit the classic one" : "a zip64 end record and locator, although every"
                    + " value fits the classic end record (" + end.entryCount() + " entries)");
        }
        if (classic.disk() != 0 || classic.centralDisk() != 0) {
            findings.archive(VerifyCheck.VZ_END_RECORDS, "the end record names disk " + classic.disk() + " and central-directory disk "
                    + classic.centralDisk() + "; a delivery is one disk, 0 (readers take other values for a split archive)");
        }
        if (end.zip64()) {
            checkZip64EndRecords(end, countOverflows);
        }
    }

    /** Beside a zip64 end record: the classic one's markers exactly where a value overflows, and the record's own fields. */
    private void checkZip64EndRecords(ZipStructure.End end, boolean countOverflows) {
        ZipStructure.Classic classic = end.classic();
        int entries = countOverflows ? ZipLayout.MARKER_16_VALUE : (int) end.entryCount();
        long size = ZipLayout.overflows(end.centralSize()) ? ZipStructure.ZIP64_MARKER_32 : end.centralSize();
        long offset = ZipLayout.overflows(end.centralOffset()) ? ZipStructure.ZIP64_MARKER_32 : end.centralOffset();
        if (classic.entries() != entries || classic.entriesHere() != entries || classic.centralSize() != size
                || classic.centralOffset() != offset) {
            findings.archive(VerifyCheck.VZ_END_RECORDS, "the classic end record beside the zip64 one holds " + classic.entries()
                    + " entries, size " + classic.centralSize() + ", offset " + classic.centralOffset()
                    + "; the layout writes the real values where they fit and the marker only where they do not");
        }
        if (end.zip64EndLength() != ZipLayout.ZIP64_END_BYTES || end.zip64VersionMadeBy() != ZipLayout.VERSION_MADE_BY
                || end.zip64VersionNeeded() != ZipLayout.VERSION_ZIP64) {
            findings.archive(VerifyCheck.VZ_END_RECORDS, String.format(Locale.ROOT, "the zip64 end record is %d bytes, made by"
                    + " 0x%04x, needs %s; the layout writes %d bytes, 0x%04x, %s", end.zip64EndLength(), end.zip64VersionMadeBy(),
                    version(end.zip64VersionNeeded()), ZipLayout.ZIP64_END_BYTES, ZipLayout.VERSION_MADE_BY,
                    version(ZipLayout.VERSION_ZIP64)));
        }
    }

    /** A version field as APPNOTE writes it: 45 is 4.5. */
    private static String version(int value) {
        return value / 10 + "." + value % 10;
    }

    private static String zip64Use(int deferred, ZipStructure.ExtraField extra) {
        List<String> fields = new ArrayList<>();
        if ((deferred & ZipStructure.DEFERRED_SIZE) != 0) {
            fields.add("size");
        }
        if ((deferred & ZipStructure.DEFERRED_COMPRESSED_SIZE) != 0) {
            fields.add("compressed size");
        }
        if ((deferred & ZipStructure.DEFERRED_OFFSET) != 0) {
            fields.add("offset");
        }
        if ((deferred & ZipStructure.DEFERRED_DISK) != 0) {
            fields.add("disk");
        }
        String deferredText = fields.isEmpty() ? "no field deferred" : String.join(", ", fields);
        return extra == null ? deferredText : deferredText + "; a zip64 extra of " + extra.data().length + " bytes";
    }
}
