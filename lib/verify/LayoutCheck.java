package verify;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.List;

/**
 * Where each entry's bytes are, and that the file is nothing else: each entry located through its
 * local header (VZ_ZIP_UNREADABLE where it cannot be), VZ_LAYOUT for bytes of no entry or of two, and
 * VZ_ENTRY_ORDER for the order of the names.
 */
final class LayoutCheck {
    private final Findings findings;

    LayoutCheck(Findings findings) {
        this.findings = findings;
    }

    /** Reads the local header and data descriptor, to know where the entry's bytes are and end. */
    void locate(FileChannel channel, ZipStructure.End end, EntryState entry) throws IOException {
        long limit = end.centralOffset();
        try {
            entry.local = LocalRecords.readHeader(channel, entry.central.localHeaderOffset(), limit, entry.shown);
            long dataEnd = entry.local.dataOffset() + entry.central.compressedSize();
            if (entry.central.compressedSize() > limit - entry.local.dataOffset()) {
                throw new ZipStructure.MalformedZipException(entry.shown, "the entry's " + entry.central.compressedSize()
                        + " compressed bytes run past the start of the central directory: truncated");
            }
            entry.recordEnd = dataEnd;
            if ((entry.local.flags() & ZipStructure.FLAG_DATA_DESCRIPTOR) != 0) {
                entry.descriptor = LocalRecords.readDataDescriptor(channel, dataEnd, limit, entry.local.zip64(), entry.shown);
                entry.recordEnd = dataEnd + entry.descriptor.length();
            }
        } catch (ZipStructure.MalformedZipException e) {
            entry.unlocatable = true;
            findings.add(VerifyCheck.VZ_ZIP_UNREADABLE, entry, e.getMessage());
        }
    }

    /** After {@link #locate} of every entry: the entries, then the central directory, then the end records, and nothing else. */
    void check(FileChannel channel, ZipStructure.End end, List<EntryState> entries) throws IOException {
        checkEntryArea(end, entries);
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).central.localHeaderOffset() < entries.get(i - 1).central.localHeaderOffset()) {
                findings.add(VerifyCheck.VZ_LAYOUT, entries.get(i), "its data comes before " + entries.get(i - 1).shown
                        + "'s in the file, but after it in the central directory");
                break;
            }
        }
        long directoryEnd = end.centralOffset() + end.centralSize();
        long next = end.zip64() ? end.zip64EndOffset() : end.endOffset();
        if (directoryEnd != next) {
            findings.archive(VerifyCheck.VZ_LAYOUT, (next - directoryEnd) + " bytes between the central directory and the end records");
        }
        if (end.zip64() && end.zip64EndOffset() + end.zip64EndLength() != end.endOffset() - ZipStructure.ZIP64_LOCATOR_BYTES) {
            findings.archive(VerifyCheck.VZ_LAYOUT, "bytes between the zip64 end record and its locator");
        }
        if (end.commentLength() > 0) {
            findings.archive(VerifyCheck.VZ_LAYOUT, "an archive comment of " + end.commentLength() + " bytes; v1 writes none");
        }
        long trailing = channel.size() - (end.endOffset() + ZipStructure.END_FIXED_BYTES + end.commentLength());
        if (trailing != 0) {
            findings.archive(VerifyCheck.VZ_LAYOUT, trailing > 0 ? trailing + " bytes after the end record"
                    : "the archive comment runs " + (-trailing) + " bytes past the end of the file");
        }
    }

    /** The located entries in file order, from offset 0 to the central directory: no gap, no overlap (an overlapping one is marked). */
    private void checkEntryArea(ZipStructure.End end, List<EntryState> entries) {
        List<EntryState> byOffset = entries.stream().filter(e -> !e.unlocatable)
                .sorted((a, b) -> Long.compare(a.central.localHeaderOffset(), b.central.localHeaderOffset())).toList();
        long expected = 0;
        EntryState previous = null;
        for (EntryState entry : byOffset) {
            long start = entry.central.localHeaderOffset();
            if (start < expected) {
                entry.overlapping = true;
                findings.add(VerifyCheck.VZ_LAYOUT, entry, "its bytes (from offset " + start + ") overlap "
                        + previous.shown + "'s (up to offset " + expected + "); overlapping entries are not read");
            } else if (start > expected) {
                findings.add(VerifyCheck.VZ_LAYOUT, entry, (start - expected) + " bytes at offset " + expected
                        + " belong to no entry" + (previous == null ? " (before the first entry)" : ""));
            }
            if (entry.recordEnd > expected) {
                expected = entry.recordEnd;
                previous = entry;
            }
        }
        if (expected < end.centralOffset()) {
            findings.archive(VerifyCheck.VZ_LAYOUT, (end.centralOffset() - expected) + " bytes at offset " + expected
                    + " belong to no entry (before the central directory)");
        }
    }

    void checkOrder(List<EntryState> entries) {
        for (int i = 1; i < entries.size(); i++) {
            EntryState before = entries.get(i - 1);
            EntryState entry = entries.get(i);
            if (Arrays.compareUnsigned(before.central.rawName(), entry.central.rawName()) > 0) {
                findings.add(VerifyCheck.VZ_ENTRY_ORDER, entry, "comes after " + before.shown
                        + " but sorts before it (v1 order: unsigned bytes of the UTF-8 name)");
            }
        }
    }
}
