package verify;

import console.Progress;
import deflate.Deflaters;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import policy.BanRules;
import policy.Classifier;
import provenance.RunRecord;
import secrets.ContentScan;
import types.TypePolicy;
import zip.ZipManifest;

/**
 * Checks a zip against Deterministic ZIP v1, its manifest and, optionally, its source folder and its
 * project's policy. Every check runs that can run, so one pass lists every failure; the zip is read
 * once through its central directory with fixed buffers, however large or hostile it is. This class
 * holds the order of the checks; each concern's checks are a class of their own.
 */
public final class ZipVerifier {

    /**
     * What to verify.
     *
     * @param contentDir the source folder to compare with, or null
     * @param projectPolicy the project's allowlist and bans, or null when no --project-id was given
     * @param bans the global bans, used to decide eligibility under --content-dir without a project
     * @param publicKey the key the manifest's signature must verify with, or null
     * @param contentScan with --scan-secrets, the credential scan every entry's content goes through; else null
     * @param rebuild with --rebuild: the manifest's entries packed again from {@code contentDir}, held against the zip
     * @param types what the policy does with a file's type: with --project-id each entry's (its bytes as decoded) is
     *        judged by it, and with --content-dir a source file it leaves out is not missing from the zip; else null
     */
    public record Request(Path zip, Path manifest, Path contentDir, Classifier projectPolicy, BanRules bans, PublicKey publicKey,
                          ContentScan contentScan, boolean rebuild, TypePolicy types) {

        public Request {
            if (rebuild && contentDir == null) {
                throw new IllegalArgumentException("a rebuild packs the entries from the content dir: it needs one");
            }
        }

        public Request(Path zip, Path manifest, Path contentDir, Classifier projectPolicy, BanRules bans) {
            this(zip, manifest, contentDir, projectPolicy, bans, null, null, false, null);
        }

        /** Without the content types check. */
        public Request(Path zip, Path manifest, Path contentDir, Classifier projectPolicy, BanRules bans, PublicKey publicKey,
                       ContentScan contentScan, boolean rebuild) {
            this(zip, manifest, contentDir, projectPolicy, bans, publicKey, contentScan, rebuild, null);
        }
    }

    /**
     * @param checked the checks that ran; a check that could not run (no input for it) is absent
     * @param run the provenance the manifest records (null before 1.2.0 or when the manifest is unreadable)
     * @param rebuiltWith with --rebuild, the deflater that packed the entries again (provenance: the bytes are the same
     *                    either way); null when no rebuild was compared
     */
    public record Result(Path zip, Path manifest, int entries, Set<VerifyCheck> checked, List<VerifyFinding> findings,
                         int failuresInAll, RunRecord run, RunRecord.Deflater rebuiltWith) {
        public boolean valid() {
            return findings.isEmpty();
        }
    }

    /** The checks that run once the zip parses. */
    private static final EnumSet<VerifyCheck> ZIP_CHECKS = EnumSet.range(VerifyCheck.VZ_ZIP_UNREADABLE, VerifyCheck.VZ_COMPRESSION_METHOD);

    private final Request request;
    /** Whether the entries' data is read (inflated, CRC and sha256): not when only the structure is checked. */
    private boolean readData = true;
    /** The most the manifest may hold, from the zip's size once: each read of the manifest holds it to the same bound. */
    private long manifestMaxBytes;
    /** The status line: the current phase, replaced by the next ({@link Progress#next}). */
    private Progress progress;
    private final Findings findings = new Findings();

    private ZipVerifier(Request request, Progress progress) {
        this.request = request;
        this.progress = progress;
    }

    public static Result verify(Request request) throws IOException {
        return verify(request, Progress.NONE);
    }

    /** @param progress the status line, its first phase the manifest's read; entries read advance it (entries, uncompressed bytes) */
    public static Result verify(Request request, Progress progress) throws IOException {
        return new ZipVerifier(request, progress).run();
    }

    /**
     * A zip's structure and manifest checked as {@link #verify} checks them, without reading the entries'
     * data (no inflating, no CRC or sha256 of the content) and without the whole-file checks (its sha256,
     * a journal beside it): for a caller that has checked the file's sha256 against the manifest and reads
     * the data it uses itself (a commit copying an earlier zip's unchanged entries).
     *
     * @return every failure found, in check order; empty when the structure is sound
     */
    public static List<String> checkStructure(Path zip, Path manifestFile) throws IOException {
        ZipVerifier verifier = new ZipVerifier(new Request(zip, manifestFile, null, null, null), Progress.NONE);
        verifier.readData = false;
        verifier.manifestMaxBytes = ZipManifest.maxBytesFor(Files.size(zip));
        ManifestCheck.Usable manifest = new ManifestCheck(verifier.findings).read(manifestFile, verifier.manifestMaxBytes);
        List<EntryState> entries;
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            entries = verifier.readZip(channel, manifest);
        }
        if (entries != null && manifest.entriesValid) {
            new ManifestComparison(verifier.findings).compare(manifestFile, verifier.manifestMaxBytes, entries);
        }
        return verifier.findings.inCheckOrder().stream()
                .map(f -> f.check().name() + ": " + (f.entry() == null ? "" : f.entry() + ": ") + f.message()).toList();
    }

    private Result run() throws IOException {
        manifestMaxBytes = ZipManifest.maxBytesFor(Files.size(request.zip()));
        FileChecks files = new FileChecks(findings);
        files.checkInterruptedDelivery(request.zip());
        ManifestCheck.Usable manifest = new ManifestCheck(findings).read(request.manifest(), manifestMaxBytes);
        if (request.publicKey() != null) {
            files.checkSignature(request.manifest(), request.publicKey(), manifestMaxBytes);
        }
        FileDigest zipDigest = null;
        if (manifest.zipSha256 != null) {
            progress = progress.next("zip sha256");
            zipDigest = files.checkZipDigest(request.zip(), manifest.zipBytes, manifest.zipSha256);
        }
        List<EntryState> entries;
        try (FileChannel channel = FileChannel.open(request.zip(), StandardOpenOption.READ)) {
            progress = progress.next("entries");
            entries = readZip(channel, manifest);
        }
        SourceTree sources = null;
        if (entries != null) {
            if (manifest.entriesValid) {
                findings.ran(VerifyCheck.VZ_MANIFEST_MISMATCH);
                progress = progress.next("compare manifest");
                new ManifestComparison(findings).compare(request.manifest(), manifestMaxBytes, entries);
            }
            if (request.contentDir() != null) {
                progress = progress.next("compare sources");
                sources = SourceTree.of(request.contentDir(), manifest.namesComposed);
                new SourceCheck(findings).compare(sources, request.projectPolicy(), request.bans(), request.types(), entries);
            }
            if (request.projectPolicy() != null) {
                new PolicyCheck(findings).check(request.projectPolicy(), entries);
            }
        }
        if (manifest.entriesValid) {
            new ContentsCheck(findings).check(request.zip(), request.manifest(), manifestMaxBytes);
        }
        RunRecord.Deflater rebuiltWith = request.rebuild() ? rebuild(manifest, zipDigest, sources, entries) : null;
        return new Result(request.zip(), request.manifest(), entries == null ? 0 : entries.size(), findings.checked(),
                findings.inCheckOrder(), findings.inAll(), manifest.run, rebuiltWith);
    }

    /**
     * The manifest's entries packed again from the content folder and held against the zip; the status
     * line counts them against the zip's own entries (the manifest's are not counted before).
     * @param zipDigest the zip's digest if the manifest's was checked, else null
     * @param sources the content folder if the source check scanned it, else null
     * @param entries the zip's entries, or null when it does not parse
     * @return the deflater that packed the entries again, once they were compared; else null
     */
    private RunRecord.Deflater rebuild(ManifestCheck.Usable manifest, FileDigest zipDigest, SourceTree sources,
                                       List<EntryState> entries) throws IOException {
        progress = progress.next("rebuild");
        if (entries != null) {
            countAgainst(entries);
        }
        SourceTree tree = sources != null ? sources : SourceTree.of(request.contentDir(), manifest.namesComposed);
        new RebuildCheck(findings).check(request.zip(), zipDigest != null ? zipDigest : FileDigest.of(request.zip()),
                request.manifest(), manifestMaxBytes, manifest, tree, progress);
        if (!findings.checked().contains(VerifyCheck.VZ_REBUILD_DIFFERS)) {
            return null;
        }
        Deflaters.Choice choice = Deflaters.choice();
        return new RunRecord.Deflater(choice.deflater(), choice.reason());
    }

    /** The status line's totals: the zip's entries and their uncompressed bytes. */
    private void countAgainst(List<EntryState> entries) {
        progress.total(entries.size(), entries.stream().mapToLong(e -> e.central.uncompressedSize()).sum());
    }

    /** Every zip check; null when the zip cannot be parsed at all (reported as VZ_ZIP_UNREADABLE). */
    private List<EntryState> readZip(FileChannel channel, ManifestCheck.Usable manifest) throws IOException {
        findings.ran(VerifyCheck.VZ_ZIP_UNREADABLE);
        ZipStructure.End end;
        List<EntryState> entries = new ArrayList<>();
        try {
            end = EndRecords.read(channel);
            for (ZipStructure.CentralHeader header : CentralDirectory.read(channel, end)) {
                entries.add(new EntryState(header));
            }
        } catch (ZipStructure.MalformedZipException e) {
            findings.record(VerifyFinding.entry(VerifyCheck.VZ_ZIP_UNREADABLE, e.entry(), e.getMessage()));
            return null;
        }
        findings.ran(ZIP_CHECKS);
        NameCheck names = new NameCheck(findings, manifest.namesComposed);
        AttributeCheck attributes = new AttributeCheck(findings, manifest.fixedEpochMs, manifest.storedExtensions);
        for (EntryState entry : entries) {
            names.check(entry);
            attributes.check(entry, entries.get(0));
        }
        LayoutCheck layout = new LayoutCheck(findings);
        for (EntryState entry : entries) {
            layout.locate(channel, end, entry);
        }
        layout.check(channel, end, entries);
        if (manifest.layoutSince110) {
            findings.ran(RecordFieldCheck.LAYOUT_CHECKS);
            RecordFieldCheck recordFields = new RecordFieldCheck(findings);
            for (EntryState entry : entries) {
                recordFields.check(entry);
            }
            recordFields.checkEndRecords(end);
        }
        readEntries(channel, entries, attributes);
        layout.checkOrder(entries);
        names.checkDuplicates(entries);
        return entries;
    }

    /** Each located entry's local header, then its data, in zip order; the status line counts them. */
    private void readEntries(FileChannel channel, List<EntryState> entries, AttributeCheck attributes) throws IOException {
        if (request.contentScan() != null) {
            findings.ran(VerifyCheck.VZ_SECRET);
        }
        // The entries' types are judged against a project's policy; without one, types only tell the sources apart.
        TypePolicy entryTypes = request.projectPolicy() != null ? request.types() : null;
        if (entryTypes != null) {
            findings.ran(VerifyCheck.VZ_CONTENT_TYPE);
        }
        LocalHeaderCheck localHeaders = new LocalHeaderCheck(findings);
        EntryDataCheck data = new EntryDataCheck(findings, request.contentScan(), entryTypes);
        countAgainst(entries);
        try (EntryDataReader reader = new EntryDataReader(channel)) {
            for (EntryState entry : entries) {
                if (!entry.unlocatable) {
                    localHeaders.check(entry);
                    attributes.checkExtras(entry, entry.local.extras(), "local");
                    if (readData) {
                        data.read(reader, entry);
                    }
                }
                progress.advance(1, entry.central.uncompressedSize());
            }
        }
        progress.done();
    }
}
