package verify;

import errors.PrezipException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import provenance.RunRecord;
import provenance.Toolkit;
import scan.Extensions;
import zip.ZipEntryV1;
import zip.ZipLayout;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

/**
 * Reads the manifest once, streamed (its entries are never held), and checks it is a v1 manifest:
 * VZ_MANIFEST_INVALID and VZ_MANIFEST_VERSION. What passed is returned for the checks that use it.
 */
final class ManifestCheck {
    /** The v1 manifest's entry digest: the prefix and 64 lowercase hex digits. */
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** A toolkit version as the toolchain records it: major.minor.patch. */
    private static final Pattern TOOLKIT_VERSION = Pattern.compile("[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}");
    /** zlib's levels: what a manifest's deflate_level can be. */
    private static final int MIN_DEFLATE_LEVEL = 0;
    private static final int MAX_DEFLATE_LEVEL = 9;
    /** The v1 file mode as the manifest's metadata writes it. */
    private static final String METADATA_FILE_MODE = "0" + Integer.toOctalString(ZipPolicyV1.FILE_MODE);

    private final Findings findings;

    ManifestCheck(Findings findings) {
        this.findings = findings;
    }

    /** The parts of the manifest that passed validation; a part that did not is null and not compared. */
    static final class Usable {
        /** Its entries array passed validation: they are read again, one at a time, to be compared. */
        boolean entriesValid;
        Long fixedEpochMs;
        String zipSha256;
        long zipBytes;
        Set<String> storedExtensions = Set.copyOf(ZipPolicyV1.STORED_EXTENSIONS);
        /** Held to the 1.1.0 layout unless the manifest says an earlier toolkit wrote the zip. */
        boolean layoutSince110 = true;
        /** The manifest's entry_name_form is NFC (since 1.4.0): every name must be composed; absent, names are the source's. */
        boolean namesComposed;
        RunRecord run;
        /** The metadata as written, for --rebuild to compare with what this toolkit writes; null when absent. */
        ZipPackagingMetadataV1 metadata;
    }

    /** @param maxBytes the most the manifest may hold (from the zip's size): every read of it is held to the same bound */
    Usable read(Path manifestFile, long maxBytes) throws IOException {
        findings.ran(VerifyCheck.VZ_MANIFEST_INVALID);
        findings.ran(VerifyCheck.VZ_MANIFEST_VERSION);
        Usable usable = new Usable();
        ZipManifest manifest;
        EntryProblems problems = new EntryProblems();
        try {
            manifest = ZipManifest.read(manifestFile, maxBytes, problems);
        } catch (PrezipException e) {
            switch (e.code()) {
                case PZ_MANIFEST_VERSION -> findings.archive(VerifyCheck.VZ_MANIFEST_VERSION, e.getMessage());
                case PZ_MANIFEST_INVALID -> findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, e.getMessage());
                default -> throw e;
            }
            return usable;
        }
        usable.run = manifest.run();
        if (manifest.metadata() == null) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "the manifest has no metadata");
        } else {
            checkMetadata(manifest.metadata(), usable);
        }
        if (manifest.zipSha256() == null || !SHA256_HEX.matcher(manifest.zipSha256()).matches() || manifest.zipBytes() < 0) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "zip_sha256 must be 64 lowercase hex digits and zip_bytes a size; found "
                    + manifest.zipSha256() + " and " + manifest.zipBytes());
        } else {
            usable.zipSha256 = manifest.zipSha256();
            usable.zipBytes = manifest.zipBytes();
        }
        if (manifest.entries() == null) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "the manifest has no entries list");
            return usable;
        }
        problems.found.recordInto(findings);
        usable.entriesValid = problems.found.count() == 0;
        return usable;
    }

    private void checkMetadata(ZipPackagingMetadataV1 metadata, Usable usable) {
        usable.metadata = metadata;
        requireField("metadata.format", metadata.format(), ZipPolicyV1.FORMAT);
        requireField("metadata.entry_order", metadata.entryOrder(), ZipPolicyV1.ENTRY_ORDER);
        requireField("metadata.timestamp_policy", metadata.timestampPolicy(), ZipPolicyV1.TIMESTAMP_POLICY);
        requireField("metadata.permission_policy", metadata.permissionPolicy(), ZipPolicyV1.PERMISSION_POLICY);
        requireField("metadata.file_mode", metadata.fileMode(), METADATA_FILE_MODE);
        long epoch = metadata.fixedEpochMs();
        if (epoch < ZipPolicyV1.DEFAULT_EPOCH_MS || epoch > ZipPolicyV1.MAX_EPOCH_MS
                || Math.floorMod(epoch, ZipPolicyV1.DOS_RESOLUTION_MS) != 0) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.fixed_epoch_ms is " + epoch
                    + ", not an even second a zip can hold (1980-01-01T00:00:00Z to 2107-12-31T23:59:58Z)");
        } else {
            usable.fixedEpochMs = epoch;
        }
        if (metadata.deflateLevel() < MIN_DEFLATE_LEVEL || metadata.deflateLevel() > MAX_DEFLATE_LEVEL) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.deflate_level is " + metadata.deflateLevel()
                    + ", not a zlib level (" + MIN_DEFLATE_LEVEL + " to " + MAX_DEFLATE_LEVEL + ")");
        }
        if ((metadata.blockDeflateMinBytes() != null && metadata.blockDeflateMinBytes() < 0)
                || (metadata.deflateBlockBytes() != null && metadata.deflateBlockBytes() <= 0)) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.block_deflate_min_bytes is " + metadata.blockDeflateMinBytes()
                    + " and metadata.deflate_block_bytes is " + metadata.deflateBlockBytes() + ": sizes, the block size above 0");
        }
        ZipPackagingMetadataV1.Toolchain toolchain = metadata.toolchain();
        if (toolchain != null && (toolchain.toolkitVersion() == null || !TOOLKIT_VERSION.matcher(toolchain.toolkitVersion()).matches())) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.toolchain.toolkit_version is "
                    + VerifyFinding.quote(String.valueOf(toolchain.toolkitVersion())) + ", not a version such as 1.2.0");
        } else if (toolchain != null) {
            usable.layoutSince110 = !writtenBeforeLayout(toolchain.toolkitVersion());
        }
        String nameForm = metadata.entryNameForm();
        if (nameForm != null && !nameForm.equals(ZipPolicyV1.ENTRY_NAME_FORM)) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.entry_name_form is " + VerifyFinding.quote(nameForm)
                    + "; v1 knows '" + ZipPolicyV1.ENTRY_NAME_FORM + "' (or none, before toolkit 1.4.0)");
        }
        usable.namesComposed = ZipPolicyV1.ENTRY_NAME_FORM.equals(nameForm);
        List<String> stored = metadata.storedExtensions();
        if (stored != null && stored.stream().anyMatch(e -> e == null || !Extensions.isValid(Extensions.normalize(e)))) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.stored_extensions holds a value that is not an extension");
        } else if (stored != null) {
            // The values the zip was built with decide what should be stored, not this toolkit's list.
            usable.storedExtensions = Set.copyOf(stored.stream().map(Extensions::normalize).toList());
        }
    }

    private void requireField(String field, String actual, String expected) {
        if (!expected.equals(actual)) {
            findings.archive(VerifyCheck.VZ_MANIFEST_INVALID, field + " is " + (actual == null ? "missing" : "'" + actual + "'")
                    + "; v1 requires '" + expected + "'");
        }
    }

    /**
     * A toolkit version before the one that writes {@link ZipLayout} (its zips have data descriptors and
     * Zip4j's zip64 choices), as {@link Toolkit#compareVersions} orders them; one that does not parse is held to the layout.
     */
    static boolean writtenBeforeLayout(String toolkitVersion) {
        Integer order = Toolkit.compareVersions(toolkitVersion, ZipLayout.SINCE_TOOLKIT_VERSION);
        return order != null && order < 0;
    }

    /** What is wrong with a manifest entry, or null: checked before any entry is compared. */
    static String problemOf(ZipEntryV1 e) {
        return e.relativePath() == null || e.relativePath().isEmpty() ? "has no relative_path"
                : !ZipEntryV1.isSha256Digest(e.sha256OrBlake3())
                ? "sha256_or_blake3 is " + e.sha256OrBlake3() + ", not sha256:<64 lowercase hex>"
                : e.uncompressedBytes() < 0 ? "uncompressed_bytes is negative"
                : e.normalizedMode() == null ? "has no normalized_mode" : null;
    }

    /**
     * The manifest entries' problems as they stream past, the first {@link Findings#FINDINGS_PER_CHECK} kept:
     * they are recorded only once the manifest's version is known to be this verifier's.
     */
    private static final class EntryProblems implements Consumer<ZipEntryV1> {
        final Findings.Deferred found = new Findings.Deferred();
        int index;

        @Override
        public void accept(ZipEntryV1 e) {
            String problem = problemOf(e);
            if (problem != null) {
                found.add(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_INVALID, e.relativePath() == null ? null
                        : VerifyFinding.quote(e.relativePath()), "manifest entries[" + index + "] " + problem));
            }
            index++;
        }
    }
}
