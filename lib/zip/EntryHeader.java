package zip;

/** One entry as its local and central headers describe it. */
record EntryHeader(String name, boolean deflated, int crc, long compressedSize, long size, long offset) {
    /** Its local header needs a zip64 extra (with both sizes). */
    boolean sizesOverflow() {
        return ZipLayout.overflows(size) || ZipLayout.overflows(compressedSize);
    }

    /** Its central header needs a zip64 extra, and it needs version 4.5. */
    boolean anyOverflows() {
        return sizesOverflow() || ZipLayout.overflows(offset);
    }
}
