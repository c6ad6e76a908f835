package types;

import java.util.List;

/**
 * One way to tell a type: bytes at an offset ({@code mask} 0 where any byte will do; a negative offset counts
 * from the end of the file) with an optional structural check, or a zip rule.
 *
 * @param zip null, or the zip's listing this needs (and then no bytes)
 */
public record Signature(long offset, byte[] bytes, byte[] mask, StructureCheck check, ZipRule zip) {

    /**
     * A zip told by its content: every name in {@code entries} listed in its central directory ({@code *.ext}:
     * some name ending so), and/or its first member a stored {@code mimetype} whose text starts with {@code mimetype}.
     */
    public record ZipRule(List<String> entries, String mimetype) {
        public ZipRule {
            entries = List.copyOf(entries);
        }
    }

    /** Whether the sample's bytes, where this signature looks, are these (bytes not read never match). */
    boolean matches(Sample sample) {
        if (zip != null) {
            return sample.zipMatches(zip);
        }
        return bytesMatch(sample) && (check == null || check.holds(sample));
    }

    /** Whether the bytes match, the structural check aside. */
    boolean bytesMatch(Sample sample) {
        if (bytes == null) {
            return false;
        }
        long at = offset >= 0 ? offset : sample.size() + offset;
        if (at < 0 || at + bytes.length > sample.size()) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (mask[i] != 0) {
                int b = sample.byteAt(at + i);
                if (b < 0 || (byte) b != bytes[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** How far this signature reads from its start. */
    int length() {
        return bytes == null ? 0 : bytes.length;
    }
}
