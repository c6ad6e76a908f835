package zip;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** The spec's ZipEntryDraftV1 made active: one manifest line per zip entry, in zip order. */
// Fields a later v1 toolkit adds are ignored: only a schema_version change may break readers.
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ZipEntryV1(String relativePath, String sha256OrBlake3, long uncompressedBytes, String normalizedMode) {

    /** The digest is always sha256 here; the prefix says so, as the field name allows blake3 too. */
    public static final String SHA256_PREFIX = "sha256:";

    /** Hex digits of a sha256. */
    private static final int SHA256_HEX_DIGITS = 64;

    /**
     * Whether a manifest entry's digest is as the v1 manifest writes it: the prefix and 64 lowercase hex
     * digits. Checked by hand, not by a pattern: it runs once per entry of manifests of millions.
     */
    public static boolean isSha256Digest(String sha256OrBlake3) {
        int prefix = SHA256_PREFIX.length();
        if (sha256OrBlake3 == null || sha256OrBlake3.length() != prefix + SHA256_HEX_DIGITS
                || !sha256OrBlake3.startsWith(SHA256_PREFIX)) {
            return false;
        }
        for (int i = prefix; i < sha256OrBlake3.length(); i++) {
            char c = sha256OrBlake3.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    public static ZipEntryV1 of(String relativePath, String sha256Hex, long bytes) {
        return new ZipEntryV1(relativePath, SHA256_PREFIX + sha256Hex, bytes, ZipPolicyV1.NORMALIZED_MODE);
    }

    /**
     * The entries of these staged files, made one at a time as they are read: the manifest of a
     * 100,000-file commit is written from this without 100,000 entries and digest strings in memory at once.
     */
    public static List<ZipEntryV1> of(List<StagedFile> staged) {
        return new StagedView(List.copyOf(staged));
    }

    /** An immutable view: {@link ZipManifest} keeps it as it is instead of copying it. */
    static final class StagedView extends AbstractList<ZipEntryV1> implements RandomAccess {
        private final List<StagedFile> staged;

        private StagedView(List<StagedFile> staged) {
            this.staged = staged;
        }

        @Override
        public ZipEntryV1 get(int index) {
            StagedFile file = staged.get(index);
            return of(file.relativePath(), file.sha256Hex(), file.size());
        }

        @Override
        public int size() {
            return staged.size();
        }
    }
}
