package verify;

import console.Progress;
import errors.PrezipException;
import io.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import policy.BanRules;
import policy.Classification;
import policy.Classifier;
import policy.Decision;
import policy.NameCollisions;
import policy.NameSafety;
import provenance.RunRecord;
import scan.Extensions;
import scan.ScannedEntry;
import scan.TreeScanner;
import secrets.ContentScan;
import secrets.SecretFinding;
import secrets.SecretScanner;
import text.Counts;
import text.Printable;
import zip.DeliveryJournal;
import zip.ManifestSignature;
import zip.ZipEntryV1;
import zip.ZipLayout;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

/**
 * Checks a zip against Deterministic ZIP v1, its manifest and, optionally, its source folder and its
 * project's policy. Every check runs that can run, so one pass lists every failure; the zip is read
 * once through its central directory with fixed buffers, however large or hostile it is.
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
     */
    public record Request(Path zip, Path manifest, Path contentDir, Classifier projectPolicy, BanRules bans, PublicKey publicKey,
                          ContentScan contentScan) {

        public Request(Path zip, Path manifest, Path contentDir, Classifier projectPolicy, BanRules bans) {
            this(zip, manifest, contentDir, projectPolicy, bans, null, null);
        }
    }

    /**
     * @param checked the checks that ran; a check that could not run (no input for it) is absent
     * @param run the provenance the manifest records (null before 1.2.0 or when the manifest is unreadable)
     */
    public record Result(Path zip, Path manifest, int entries, Set<VerifyCheck> checked, List<VerifyFinding> findings,
                         int failuresInAll, RunRecord run) {
        public boolean valid() {
            return findings.isEmpty();
        }
    }

    /** The v1 manifest's entry digest: the prefix and 64 lowercase hex digits. */
    private static final Pattern SHA256_DIGEST = Pattern.compile(Pattern.quote(ZipEntryV1.SHA256_PREFIX) + "[0-9a-f]{64}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** A toolkit version as the toolchain records it: major.minor.patch. */
    private static final Pattern TOOLKIT_VERSION = Pattern.compile("[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}");
    /** zlib's levels: what a manifest's deflate_level can be. */
    private static final int MIN_DEFLATE_LEVEL = 0;
    private static final int MAX_DEFLATE_LEVEL = 9;
    /** The Unix file-type bits of a mode, and the types the verifier names. */
    private static final int MODE_TYPE_MASK = 0170000;
    private static final int MODE_SYMLINK = 0120000;
    private static final int MODE_DIRECTORY = 0040000;
    /** MS-DOS attribute bit for a directory, in the low byte of the external attributes. */
    private static final int DOS_DIRECTORY = 0x10;
    private static final int DOS_EPOCH_YEAR = 1980;
    /** The v1 file mode as the manifest's metadata writes it. */
    private static final String METADATA_FILE_MODE = "0" + Integer.toOctalString(ZipPolicyV1.FILE_MODE);
    private static final EnumSet<VerifyCheck> ZIP_CHECKS = EnumSet.range(VerifyCheck.VZ_ZIP_UNREADABLE, VerifyCheck.VZ_COMPRESSION_METHOD);
    /** The checks of the record layout written since toolkit 1.1.0; a 1.0.0 zip (data descriptors, Zip4j's zip64) skips them. */
    private static final EnumSet<VerifyCheck> LAYOUT_CHECKS = EnumSet.range(VerifyCheck.VZ_ENTRY_FLAGS, VerifyCheck.VZ_END_RECORDS);
    /** The flag bits VZ_ENCRYPTED_ENTRY reports: not reported again as VZ_ENTRY_FLAGS. */
    private static final int ENCRYPTION_FLAGS = ZipStructure.FLAG_ENCRYPTED | ZipStructure.FLAG_STRONG_ENCRYPTION
            | ZipStructure.FLAG_MASKED_LOCAL_HEADER;

    private final Request request;
    /** The most the manifest may hold, from the zip's size once: each read of the manifest holds it to the same bound. */
    private long manifestMaxBytes;
    /** The status line: the current phase, replaced by the next ({@link Progress#next}). */
    private Progress progress;
    private final List<VerifyFinding> findings = new ArrayList<>();
    private final Map<VerifyCheck, Integer> findingsPerCheck = new EnumMap<>(VerifyCheck.class);
    /** Findings listed per check; past it they are counted in one more finding. */
    static final int FINDINGS_PER_CHECK = 100;
    private final EnumSet<VerifyCheck> checked = EnumSet.noneOf(VerifyCheck.class);

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

    /** One central directory entry and what reading it found. */
    private static final class Entry {
        final ZipStructure.CentralHeader central;
        final String name;
        final String shown;
        ZipStructure.LocalHeader local;
        ZipStructure.DataDescriptor descriptor;
        long recordEnd;
        /** Its data cannot be located (no local header, or beyond the entry area): nothing more is read. */
        boolean unlocatable;
        /** Its bytes lie inside another entry's: never inflated, or overlapping entries multiply a bomb. */
        boolean overlapping;
        /** sha256 of the bytes read, when the whole entry was read and had its declared size. */
        String sha256Hex;
        long bytesRead = -1;

        Entry(ZipStructure.CentralHeader central) {
            this.central = central;
            this.name = new String(central.rawName(), StandardCharsets.UTF_8);
            this.shown = quote(name);
        }
    }

    private Result run() throws IOException {
        manifestMaxBytes = ZipManifest.maxBytesFor(Files.size(request.zip()));
        checked.add(VerifyCheck.VZ_INTERRUPTED_DELIVERY);
        Path journal = DeliveryJournal.pathFor(request.zip());
        if (Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
            // Named, never repaired here: verify_zip changes nothing (it may run on read-only media).
            archive(VerifyCheck.VZ_INTERRUPTED_DELIVERY, "a commit was killed while putting this delivery into place ("
                    + quote(journal.getFileName().toString()) + " is left): the zip and its sidecars may be of two deliveries;"
                    + " run prezip_stager --commit to this zip again, which finishes the interrupted delivery first");
        }
        Manifest manifest = readManifest();
        if (request.publicKey() != null) {
            checkSignature();
        }
        if (manifest.zipSha256 != null) {
            progress = progress.next("zip sha256");
            checkZipDigest(manifest);
        }
        List<Entry> entries;
        try (FileChannel channel = FileChannel.open(request.zip(), StandardOpenOption.READ)) {
            progress = progress.next("entries");
            entries = readZip(channel, manifest);
        }
        if (entries != null) {
            if (manifest.entriesValid) {
                checked.add(VerifyCheck.VZ_MANIFEST_MISMATCH);
                progress = progress.next("compare manifest");
                compareManifest(entries);
            }
            if (request.contentDir() != null) {
                progress = progress.next("compare sources");
                compareSources(entries);
            }
            if (request.projectPolicy() != null) {
                checkPolicy(entries);
            }
        }
        findingsPerCheck.forEach((check, count) -> {
            if (count > FINDINGS_PER_CHECK) {
                findings.add(VerifyFinding.archive(check, Counts.of(count - FINDINGS_PER_CHECK, "more " + check.name()
                        + " failure", "more " + check.name() + " failures") + " not listed (" + Counts.number(count) + " in all)"));
            }
        });
        // Grouped by check (stable, so each group keeps zip order): one code's failures read together.
        List<VerifyFinding> sorted = new ArrayList<>(findings);
        sorted.sort(Comparator.comparing(VerifyFinding::check));
        return new Result(request.zip(), request.manifest(), entries == null ? 0 : entries.size(),
                Collections.unmodifiableSet(EnumSet.copyOf(checked)), List.copyOf(sorted),
                findingsPerCheck.values().stream().mapToInt(Integer::intValue).sum(), manifest.run);
    }

    // ---------------------------------------------------------------------------------------------
    // The manifest

    /** The parts of the manifest that passed validation; a part that did not is null and not compared. */
    private static final class Manifest {
        /** Its entries array passed validation: they are read again, one at a time, to be compared. */
        boolean entriesValid;
        Long fixedEpochMs;
        String zipSha256;
        long zipBytes;
        Set<String> storedExtensions = Set.copyOf(ZipPolicyV1.STORED_EXTENSIONS);
        /** Held to the 1.1.0 layout unless the manifest says an earlier toolkit wrote the zip. */
        boolean layoutSince110 = true;
        RunRecord run;
    }

    private Manifest readManifest() throws IOException {
        checked.add(VerifyCheck.VZ_MANIFEST_INVALID);
        checked.add(VerifyCheck.VZ_MANIFEST_VERSION);
        Manifest usable = new Manifest();
        ZipManifest manifest;
        EntryProblems problems = new EntryProblems();
        try {
            manifest = ZipManifest.read(request.manifest(), manifestMaxBytes, problems);
        } catch (PrezipException e) {
            switch (e.code()) {
                case PZ_MANIFEST_VERSION -> archive(VerifyCheck.VZ_MANIFEST_VERSION, e.getMessage());
                case PZ_MANIFEST_INVALID -> archive(VerifyCheck.VZ_MANIFEST_INVALID, e.getMessage());
                default -> throw e;
            }
            return usable;
        }
        usable.run = manifest.run();
        ZipPackagingMetadataV1 metadata = manifest.metadata();
        if (metadata == null) {
            archive(VerifyCheck.VZ_MANIFEST_INVALID, "the manifest has no metadata");
        } else {
            requireField("metadata.format", metadata.format(), ZipPolicyV1.FORMAT);
            requireField("metadata.entry_order", metadata.entryOrder(), ZipPolicyV1.ENTRY_ORDER);
            requireField("metadata.timestamp_policy", metadata.timestampPolicy(), ZipPolicyV1.TIMESTAMP_POLICY);
            requireField("metadata.permission_policy", metadata.permissionPolicy(), ZipPolicyV1.PERMISSION_POLICY);
            requireField("metadata.file_mode", metadata.fileMode(), METADATA_FILE_MODE);
            long epoch = metadata.fixedEpochMs();
            if (epoch < ZipPolicyV1.DEFAULT_EPOCH_MS || epoch > ZipPolicyV1.MAX_EPOCH_MS
                    || Math.floorMod(epoch, ZipPolicyV1.DOS_RESOLUTION_MS) != 0) {
                archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.fixed_epoch_ms is " + epoch
                        + ", not an even second a zip can hold (1980-01-01T00:00:00Z to 2107-12-31T23:59:58Z)");
            } else {
                usable.fixedEpochMs = epoch;
            }
            if (metadata.deflateLevel() < MIN_DEFLATE_LEVEL || metadata.deflateLevel() > MAX_DEFLATE_LEVEL) {
                archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.deflate_level is " + metadata.deflateLevel()
                        + ", not a zlib level (" + MIN_DEFLATE_LEVEL + " to " + MAX_DEFLATE_LEVEL + ")");
            }
            if ((metadata.blockDeflateMinBytes() != null && metadata.blockDeflateMinBytes() < 0)
                    || (metadata.deflateBlockBytes() != null && metadata.deflateBlockBytes() <= 0)) {
                archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.block_deflate_min_bytes is " + metadata.blockDeflateMinBytes()
                        + " and metadata.deflate_block_bytes is " + metadata.deflateBlockBytes() + ": sizes, the block size above 0");
            }
            ZipPackagingMetadataV1.Toolchain toolchain = metadata.toolchain();
            if (toolchain != null && (toolchain.toolkitVersion() == null || !TOOLKIT_VERSION.matcher(toolchain.toolkitVersion()).matches())) {
                archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.toolchain.toolkit_version is "
                        + quote(String.valueOf(toolchain.toolkitVersion())) + ", not a version such as 1.2.0");
            } else if (toolchain != null) {
                usable.layoutSince110 = !writtenBeforeLayout(toolchain.toolkitVersion());
            }
            List<String> stored = metadata.storedExtensions();
            if (stored != null && stored.stream().anyMatch(e -> e == null || !Extensions.isValid(Extensions.normalize(e)))) {
                archive(VerifyCheck.VZ_MANIFEST_INVALID, "metadata.stored_extensions holds a value that is not an extension");
            } else if (stored != null) {
                // The values the zip was built with decide what should be stored, not this toolkit's list.
                usable.storedExtensions = Set.copyOf(stored.stream().map(Extensions::normalize).toList());
            }
        }
        if (manifest.zipSha256() == null || !SHA256_HEX.matcher(manifest.zipSha256()).matches() || manifest.zipBytes() < 0) {
            archive(VerifyCheck.VZ_MANIFEST_INVALID, "zip_sha256 must be 64 lowercase hex digits and zip_bytes a size; found "
                    + manifest.zipSha256() + " and " + manifest.zipBytes());
        } else {
            usable.zipSha256 = manifest.zipSha256();
            usable.zipBytes = manifest.zipBytes();
        }
        if (manifest.entries() == null) {
            archive(VerifyCheck.VZ_MANIFEST_INVALID, "the manifest has no entries list");
            return usable;
        }
        problems.found.recordInto(this);
        usable.entriesValid = problems.found.count == 0;
        return usable;
    }

    /** What is wrong with a manifest entry, or null: checked before any entry is compared. */
    private static String problemOf(ZipEntryV1 e) {
        return e.relativePath() == null || e.relativePath().isEmpty() ? "has no relative_path"
                : e.sha256OrBlake3() == null || !SHA256_DIGEST.matcher(e.sha256OrBlake3()).matches()
                ? "sha256_or_blake3 is " + e.sha256OrBlake3() + ", not sha256:<64 lowercase hex>"
                : e.uncompressedBytes() < 0 ? "uncompressed_bytes is negative"
                : e.normalizedMode() == null ? "has no normalized_mode" : null;
    }

    /**
     * The manifest entries' problems as they stream past, the first {@link #FINDINGS_PER_CHECK} kept:
     * they are recorded only once the manifest's version is known to be this verifier's.
     */
    private static final class EntryProblems implements Consumer<ZipEntryV1> {
        final Deferred found = new Deferred();
        int index;

        @Override
        public void accept(ZipEntryV1 e) {
            String problem = problemOf(e);
            if (problem != null) {
                found.add(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_INVALID, e.relativePath() == null ? null : quote(e.relativePath()),
                        "manifest entries[" + index + "] " + problem));
            }
            index++;
        }
    }

    private void requireField(String field, String actual, String expected) {
        if (!expected.equals(actual)) {
            archive(VerifyCheck.VZ_MANIFEST_INVALID, field + " is " + (actual == null ? "missing" : "'" + actual + "'")
                    + "; v1 requires '" + expected + "'");
        }
    }

    private void checkSignature() throws IOException {
        checked.add(VerifyCheck.VZ_MANIFEST_SIGNATURE);
        Path signature = ManifestSignature.pathFor(request.manifest());
        if (!ManifestSignature.verify(request.manifest(), request.publicKey(), manifestMaxBytes)) {
            archive(VerifyCheck.VZ_MANIFEST_SIGNATURE, Files.isRegularFile(signature)
                    ? signature + " is not a valid signature of the manifest by the given key"
                    : "no signature " + signature + " beside the manifest");
        }
    }

    private void checkZipDigest(Manifest manifest) throws IOException {
        checked.add(VerifyCheck.VZ_ZIP_SHA256);
        MessageDigest sha256 = Sha256.newDigest();
        long size = 0;
        byte[] buffer = new byte[EntryDataReader.BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(request.zip())) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        String actual = HexFormat.of().formatHex(sha256.digest());
        if (size != manifest.zipBytes || !actual.equals(manifest.zipSha256)) {
            archive(VerifyCheck.VZ_ZIP_SHA256, "the zip is " + size + " bytes with sha256 " + actual + "; the manifest says "
                    + manifest.zipBytes + " bytes with sha256 " + manifest.zipSha256);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The zip

    /** Every zip check; null when the zip cannot be parsed at all (reported as VZ_ZIP_UNREADABLE). */
    private List<Entry> readZip(FileChannel channel, Manifest manifest) throws IOException {
        checked.add(VerifyCheck.VZ_ZIP_UNREADABLE);
        ZipStructure.End end;
        List<Entry> entries = new ArrayList<>();
        try {
            end = ZipStructure.readEnd(channel);
            for (ZipStructure.CentralHeader header : ZipStructure.readCentralDirectory(channel, end)) {
                entries.add(new Entry(header));
            }
        } catch (ZipStructure.MalformedZipException e) {
            record(VerifyFinding.entry(VerifyCheck.VZ_ZIP_UNREADABLE, e.entry(), e.getMessage()));
            return null;
        }
        checked.addAll(ZIP_CHECKS);
        int[] fixedDos = manifest.fixedEpochMs == null ? null : dosDateTime(manifest.fixedEpochMs);
        for (Entry entry : entries) {
            checkName(entry);
            checkAttributes(entry, fixedDos, entries.get(0), manifest.storedExtensions);
        }
        for (Entry entry : entries) {
            locate(channel, end, entry);
        }
        checkLayout(channel, end, entries);
        if (manifest.layoutSince110) {
            checked.addAll(LAYOUT_CHECKS);
            for (Entry entry : entries) {
                checkRecordFields(entry);
            }
            checkEndRecords(end);
        }
        if (request.contentScan() != null) {
            checked.add(VerifyCheck.VZ_SECRET);
        }
        progress.total(entries.size(), entries.stream().mapToLong(e -> e.central.uncompressedSize()).sum());
        try (EntryDataReader reader = new EntryDataReader(channel)) {
            for (Entry entry : entries) {
                if (!entry.unlocatable) {
                    compareLocalHeader(entry);
                    readData(reader, entry);
                }
                progress.advance(1, entry.central.uncompressedSize());
            }
        }
        progress.done();
        checkOrder(entries);
        checkDuplicates(entries);
        return entries;
    }

    private void checkName(Entry entry) {
        byte[] raw = entry.central.rawName();
        String name = entry.name;
        boolean directory = name.endsWith("/") || isDirectoryMode(entry.central.externalAttributes());
        if (directory) {
            add(VerifyCheck.VZ_DIRECTORY_ENTRY, entry, "a directory entry; v1 zips hold regular files only");
        }
        String problem = unsafeNameProblem(raw, name, entry.central.flags());
        if (problem != null) {
            add(VerifyCheck.VZ_UNSAFE_NAME, entry, problem);
        }
        for (String component : stripTrailingSlash(name).split("/", -1)) {
            if (component.startsWith(".") && !component.equals(".") && !component.equals("..")) {
                add(VerifyCheck.VZ_HIDDEN_ENTRY, entry, "'" + quote(component) + "' is hidden (starts with a dot)");
                break;
            }
        }
    }

    /** What makes a name unsafe to extract, or null. Zip-specific dangers first, then the stager's portability rules. */
    static String unsafeNameProblem(byte[] raw, String name, int flags) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
        } catch (CharacterCodingException e) {
            return "the name is not valid UTF-8";
        }
        boolean ascii = true;
        for (byte b : raw) {
            ascii &= b >= 0;
        }
        if (!ascii && (flags & ZipStructure.FLAG_UTF8) == 0) {
            return "a non-ASCII name without the UTF-8 flag (bit 11): readers decode it as CP437, each differently";
        }
        if (name.isEmpty()) {
            return "an empty name";
        }
        if (name.startsWith("/")) {
            return "an absolute path";
        }
        if (name.indexOf('\\') >= 0) {
            return "a backslash, a folder separator on Windows";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "a drive letter";
        }
        for (String component : stripTrailingSlash(name).split("/", -1)) {
            if (component.equals("..")) {
                return "a '..' component, which climbs out of the extraction folder";
            }
            if (component.equals(".")) {
                return "a '.' component";
            }
        }
        return NameSafety.problem(stripTrailingSlash(name)).orElse(null);
    }

    private static String stripTrailingSlash(String name) {
        return name.endsWith("/") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
    }

    private void checkAttributes(Entry entry, int[] fixedDos, Entry first, Set<String> storedExtensions) {
        ZipStructure.CentralHeader c = entry.central;
        int mode = (int) (c.externalAttributes() >>> 16);
        boolean symlink = (mode & MODE_TYPE_MASK) == MODE_SYMLINK;
        if (symlink) {
            add(VerifyCheck.VZ_SYMLINK_ENTRY, entry, "the mode " + octal(mode) + " is a symbolic link");
        } else if (!isDirectoryMode(c.externalAttributes()) && c.externalAttributes() != ZipPolicyV1.EXTERNAL_ATTRIBUTES) {
            add(VerifyCheck.VZ_ENTRY_MODE, entry, String.format(Locale.ROOT,
                    "external attributes 0x%08x (mode %s, DOS bits 0x%02x); v1 is 0x%08x (mode %s)",
                    c.externalAttributes(), octal(mode), c.externalAttributes() & 0xFF,
                    ZipPolicyV1.EXTERNAL_ATTRIBUTES, octal(ZipPolicyV1.FILE_MODE)));
        }
        if (c.hostByte() != ZipPolicyV1.HOST_UNIX) {
            add(VerifyCheck.VZ_HOST_BYTE, entry, "host byte " + c.hostByte() + "; v1 is " + ZipPolicyV1.HOST_UNIX
                    + " (Unix), without which readers ignore the mode");
        }
        if ((c.flags() & (ZipStructure.FLAG_ENCRYPTED | ZipStructure.FLAG_STRONG_ENCRYPTION | ZipStructure.FLAG_MASKED_LOCAL_HEADER)) != 0) {
            add(VerifyCheck.VZ_ENCRYPTED_ENTRY, entry, String.format(Locale.ROOT, "encrypted (general-purpose flags 0x%04x)", c.flags()));
        }
        if (fixedDos != null) {
            if (c.dosDate() != fixedDos[0] || c.dosTime() != fixedDos[1]) {
                add(VerifyCheck.VZ_ENTRY_TIME, entry, "time " + describeDos(c.dosDate(), c.dosTime())
                        + "; the manifest's fixed_epoch_ms is " + describeDos(fixedDos[0], fixedDos[1]) + " (UTC)");
            }
        } else if (c.dosDate() != first.central.dosDate() || c.dosTime() != first.central.dosTime()) {
            add(VerifyCheck.VZ_ENTRY_TIME, entry, "time " + describeDos(c.dosDate(), c.dosTime()) + " differs from "
                    + first.shown + "'s " + describeDos(first.central.dosDate(), first.central.dosTime())
                    + " (the manifest gives no usable fixed_epoch_ms)");
        }
        checkExtras(entry, c.extras(), "central");
        if (c.commentLength() > 0) {
            add(VerifyCheck.VZ_EXTRA_FIELD, entry, "an entry comment of " + c.commentLength() + " bytes");
        }
        int expected = isStored(entry.name, storedExtensions) ? ZipStructure.METHOD_STORED : ZipStructure.METHOD_DEFLATED;
        if (c.method() != expected) {
            String type = Extensions.of(entry.name.substring(entry.name.lastIndexOf('/') + 1)).map(e -> "." + e + " files")
                    .orElse("names without an extension");
            add(VerifyCheck.VZ_COMPRESSION_METHOD, entry, "method " + methodName(c.method()) + "; v1 uses "
                    + methodName(expected) + " for " + type);
        }
    }

    private void checkExtras(Entry entry, ZipStructure.Extras extras, String where) {
        if (extras.problem() != null) {
            add(VerifyCheck.VZ_EXTRA_FIELD, entry, "malformed extra block in the " + where + " header: " + extras.problem());
        }
        for (ZipStructure.ExtraField field : extras.fields()) {
            if (field.id() != ZipStructure.ZIP64_EXTRA_ID) {
                add(VerifyCheck.VZ_EXTRA_FIELD, entry, String.format(Locale.ROOT,
                        "extra field 0x%04x (%d bytes) in the %s header; v1 allows only zip64 (0x0001)",
                        field.id(), field.data().length, where));
            }
        }
    }

    private static boolean isStored(String name, Set<String> storedExtensions) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return Extensions.of(fileName).map(storedExtensions::contains).orElse(false);
    }

    private static boolean isDirectoryMode(long externalAttributes) {
        int mode = (int) (externalAttributes >>> 16);
        return (mode & MODE_TYPE_MASK) == MODE_DIRECTORY || (externalAttributes & DOS_DIRECTORY) != 0;
    }

    /** Reads the local header and data descriptor, to know where the entry's bytes are and end. */
    private void locate(FileChannel channel, ZipStructure.End end, Entry entry) throws IOException {
        long limit = end.centralOffset();
        try {
            entry.local = ZipStructure.readLocalHeader(channel, entry.central.localHeaderOffset(), limit, entry.shown);
            long dataEnd = entry.local.dataOffset() + entry.central.compressedSize();
            if (entry.central.compressedSize() > limit - entry.local.dataOffset()) {
                throw new ZipStructure.MalformedZipException(entry.shown, "the entry's " + entry.central.compressedSize()
                        + " compressed bytes run past the start of the central directory: truncated");
            }
            entry.recordEnd = dataEnd;
            if ((entry.local.flags() & ZipStructure.FLAG_DATA_DESCRIPTOR) != 0) {
                entry.descriptor = ZipStructure.readDataDescriptor(channel, dataEnd, limit, entry.local.zip64(), entry.shown);
                entry.recordEnd = dataEnd + entry.descriptor.length();
            }
        } catch (ZipStructure.MalformedZipException e) {
            entry.unlocatable = true;
            add(VerifyCheck.VZ_ZIP_UNREADABLE, entry, e.getMessage());
        }
    }

    private void checkLayout(FileChannel channel, ZipStructure.End end, List<Entry> entries) throws IOException {
        List<Entry> byOffset = entries.stream().filter(e -> !e.unlocatable)
                .sorted((a, b) -> Long.compare(a.central.localHeaderOffset(), b.central.localHeaderOffset())).toList();
        long expected = 0;
        Entry previous = null;
        for (Entry entry : byOffset) {
            long start = entry.central.localHeaderOffset();
            if (start < expected) {
                entry.overlapping = true;
                add(VerifyCheck.VZ_LAYOUT, entry, "its bytes (from offset " + start + ") overlap "
                        + previous.shown + "'s (up to offset " + expected + "); overlapping entries are not read");
            } else if (start > expected) {
                record(VerifyFinding.entry(VerifyCheck.VZ_LAYOUT, entry.shown, (start - expected) + " bytes at offset "
                        + expected + " belong to no entry" + (previous == null ? " (before the first entry)" : "")));
            }
            if (entry.recordEnd > expected) {
                expected = entry.recordEnd;
                previous = entry;
            }
        }
        if (expected < end.centralOffset()) {
            archive(VerifyCheck.VZ_LAYOUT, (end.centralOffset() - expected) + " bytes at offset " + expected
                    + " belong to no entry (before the central directory)");
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).central.localHeaderOffset() < entries.get(i - 1).central.localHeaderOffset()) {
                add(VerifyCheck.VZ_LAYOUT, entries.get(i), "its data comes before " + entries.get(i - 1).shown
                        + "'s in the file, but after it in the central directory");
                break;
            }
        }
        long directoryEnd = end.centralOffset() + end.centralSize();
        long next = end.zip64() ? end.zip64EndOffset() : end.endOffset();
        if (directoryEnd != next) {
            archive(VerifyCheck.VZ_LAYOUT, (next - directoryEnd) + " bytes between the central directory and the end records");
        }
        if (end.zip64() && end.zip64EndOffset() + end.zip64EndLength() != end.endOffset() - ZipStructure.ZIP64_LOCATOR_BYTES) {
            archive(VerifyCheck.VZ_LAYOUT, "bytes between the zip64 end record and its locator");
        }
        if (end.commentLength() > 0) {
            archive(VerifyCheck.VZ_LAYOUT, "an archive comment of " + end.commentLength() + " bytes; v1 writes none");
        }
        long trailing = channel.size() - (end.endOffset() + ZipStructure.END_FIXED_BYTES + end.commentLength());
        if (trailing != 0) {
            archive(VerifyCheck.VZ_LAYOUT, trailing > 0 ? trailing + " bytes after the end record"
                    : "the archive comment runs " + (-trailing) + " bytes past the end of the file");
        }
    }

    /**
     * A toolkit version before the one that writes {@link ZipLayout} (its zips have data descriptors and
     * Zip4j's zip64 choices). Compared by major and minor; a version that does not parse is held to the layout.
     */
    static boolean writtenBeforeLayout(String toolkitVersion) {
        int[] version = majorMinor(toolkitVersion);
        int[] since = majorMinor(ZipLayout.SINCE_TOOLKIT_VERSION);
        return version != null && (version[0] < since[0] || (version[0] == since[0] && version[1] < since[1]));
    }

    private static int[] majorMinor(String version) {
        String[] parts = version.split("[.-]", 3);
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The 1.1.0 layout of one entry's headers: flags, versions, internal attributes, zip64 extras. */
    private void checkRecordFields(Entry entry) {
        ZipStructure.CentralHeader c = entry.central;
        int flags = c.flags() & ~ENCRYPTION_FLAGS;
        if (flags != ZipLayout.FLAGS) {
            add(VerifyCheck.VZ_ENTRY_FLAGS, entry, String.format(Locale.ROOT, "general-purpose flags 0x%04x; the layout sets exactly"
                    + " bit 11 (0x%04x)%s", c.flags(), ZipLayout.FLAGS, (c.flags() & ZipStructure.FLAG_DATA_DESCRIPTOR) != 0
                    ? ": bit 3 (a data descriptor) leaves streaming readers without the sizes" : ""));
        }
        int centralZip64 = (ZipLayout.overflows(c.uncompressedSize()) ? ZipStructure.DEFERRED_SIZE : 0)
                | (ZipLayout.overflows(c.compressedSize()) ? ZipStructure.DEFERRED_COMPRESSED_SIZE : 0)
                | (ZipLayout.overflows(c.localHeaderOffset()) ? ZipStructure.DEFERRED_OFFSET : 0);
        int needed = centralZip64 != 0 ? ZipLayout.VERSION_ZIP64
                : c.method() == ZipStructure.METHOD_STORED ? ZipLayout.VERSION_STORED : ZipLayout.VERSION_DEFLATED;
        // Another method is VZ_COMPRESSION_METHOD's finding; the version it needs is then beside the point.
        boolean knownMethod = c.method() == ZipStructure.METHOD_STORED || c.method() == ZipStructure.METHOD_DEFLATED;
        if (knownMethod && c.versionNeeded() != needed) {
            add(VerifyCheck.VZ_ENTRY_VERSION, entry, "version needed " + version(c.versionNeeded()) + "; the layout writes "
                    + version(needed) + " for this entry");
        }
        if (c.hostByte() == ZipPolicyV1.HOST_UNIX && c.versionMadeBy() != ZipLayout.VERSION_MADE_BY) {
            add(VerifyCheck.VZ_ENTRY_VERSION, entry, "version made by " + version(c.versionMadeBy() & 0xFF)
                    + "; the layout writes " + version(ZipLayout.SPEC_VERSION));
        }
        if (c.internalAttributes() != ZipLayout.INTERNAL_ATTRIBUTES) {
            add(VerifyCheck.VZ_INTERNAL_ATTRIBUTES, entry, String.format(Locale.ROOT, "internal attributes 0x%04x; the layout writes 0",
                    c.internalAttributes()));
        }
        checkZip64Extra(entry, "central", c.extras(), c.deferred(), centralZip64);
        if (entry.local != null) {
            // A local zip64 extra holds both sizes whenever one of them overflows (APPNOTE 4.5.3).
            boolean sizesOverflow = (centralZip64 & ~ZipStructure.DEFERRED_OFFSET) != 0;
            checkZip64Extra(entry, "local", entry.local.extras(), entry.local.deferred(),
                    sizesOverflow ? ZipStructure.DEFERRED_SIZE | ZipStructure.DEFERRED_COMPRESSED_SIZE : 0);
        }
    }

    /** One header's zip64 use: exactly one extra, holding exactly the {@code expected} DEFERRED_ values, or none. */
    private void checkZip64Extra(Entry entry, String header, ZipStructure.Extras extras, int deferred, int expected) {
        long count = extras.fields().stream().filter(f -> f.id() == ZipStructure.ZIP64_EXTRA_ID).count();
        ZipStructure.ExtraField zip64 = extras.find(ZipStructure.ZIP64_EXTRA_ID);
        if (count > 1) {
            add(VerifyCheck.VZ_ZIP64_EXTRA, entry, "the " + header + " header holds " + count + " zip64 extras; readers take the first");
        } else if (deferred != expected || (zip64 == null) != (expected == 0)
                || (zip64 != null && zip64.data().length != Integer.bitCount(expected) * Long.BYTES)) {
            add(VerifyCheck.VZ_ZIP64_EXTRA, entry, "the " + header + " header's zip64 use (" + zip64Use(deferred, zip64)
                    + ") is not the layout's for this entry (" + zip64Use(expected, null) + ")");
        }
    }

    /** The 1.1.0 end records: zip64 ones only where a value overflows, then markers exactly there; one disk. */
    private void checkEndRecords(ZipStructure.End end) {
        ZipStructure.Classic classic = end.classic();
        boolean countOverflows = end.entryCount() >= ZipLayout.MARKER_16_VALUE;
        boolean needed = countOverflows || ZipLayout.overflows(end.centralSize()) || ZipLayout.overflows(end.centralOffset());
        if (end.zip64() != needed) {
            archive(VerifyCheck.VZ_END_RECORDS, needed ? "no zip64 end record, although the entry count or the central directory's"
                    + " size or offset does not fit the classic one" : "a zip64 end record and locator, although every value"
                    + " fits the classic end record (" + end.entryCount() + " entries)");
        }
        if (classic.disk() != 0 || classic.centralDisk() != 0) {
            archive(VerifyCheck.VZ_END_RECORDS, "the end record names disk " + classic.disk() + " and central-directory disk "
                    + classic.centralDisk() + "; a delivery is one disk, 0 (readers take other values for a split archive)");
        }
        if (end.zip64()) {
            int entries = countOverflows ? ZipLayout.MARKER_16_VALUE : (int) end.entryCount();
            long size = ZipLayout.overflows(end.centralSize()) ? ZipStructure.ZIP64_MARKER_32 : end.centralSize();
            long offset = ZipLayout.overflows(end.centralOffset()) ? ZipStructure.ZIP64_MARKER_32 : end.centralOffset();
            if (classic.entries() != entries || classic.entriesHere() != entries || classic.centralSize() != size
                    || classic.centralOffset() != offset) {
                archive(VerifyCheck.VZ_END_RECORDS, "the classic end record beside the zip64 one holds " + classic.entries()
                        + " entries, size " + classic.centralSize() + ", offset " + classic.centralOffset()
                        + "; the layout writes the real values where they fit and the marker only where they do not");
            }
            if (end.zip64EndLength() != ZipLayout.ZIP64_END_BYTES || end.zip64VersionMadeBy() != ZipLayout.VERSION_MADE_BY
                    || end.zip64VersionNeeded() != ZipLayout.VERSION_ZIP64) {
                archive(VerifyCheck.VZ_END_RECORDS, String.format(Locale.ROOT, "the zip64 end record is %d bytes, made by 0x%04x,"
                        + " needs %s; the layout writes %d bytes, 0x%04x, %s", end.zip64EndLength(), end.zip64VersionMadeBy(),
                        version(end.zip64VersionNeeded()), ZipLayout.ZIP64_END_BYTES, ZipLayout.VERSION_MADE_BY,
                        version(ZipLayout.VERSION_ZIP64)));
            }
        }
    }

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

    private void compareLocalHeader(Entry entry) {
        ZipStructure.CentralHeader c = entry.central;
        ZipStructure.LocalHeader l = entry.local;
        List<String> differences = new ArrayList<>();
        if (!Arrays.equals(c.rawName(), l.rawName())) {
            differences.add("name '" + ZipStructure.Names.display(l.rawName()) + "'");
        }
        differ(differences, "version needed", l.versionNeeded(), c.versionNeeded());
        differ(differences, "flags", l.flags(), c.flags());
        differ(differences, "method", l.method(), c.method());
        if (l.dosDate() != c.dosDate() || l.dosTime() != c.dosTime()) {
            differences.add("time " + describeDos(l.dosDate(), l.dosTime()) + " vs " + describeDos(c.dosDate(), c.dosTime()));
        }
        if ((l.flags() & ZipStructure.FLAG_DATA_DESCRIPTOR) != 0) {
            // With a data descriptor the local fields may be zero (APPNOTE 4.4.4); if not, they must agree.
            differIfSet(differences, "local CRC", l.crc(), c.crc());
            differIfSet(differences, "local compressed size", l.compressedSize(), c.compressedSize());
            differIfSet(differences, "local uncompressed size", l.uncompressedSize(), c.uncompressedSize());
            ZipStructure.DataDescriptor d = entry.descriptor;
            differ(differences, "data descriptor CRC", d.crc(), c.crc());
            differ(differences, "data descriptor compressed size", d.compressedSize(), c.compressedSize());
            differ(differences, "data descriptor uncompressed size", d.uncompressedSize(), c.uncompressedSize());
        } else {
            differ(differences, "CRC", l.crc(), c.crc());
            differ(differences, "compressed size", l.compressedSize(), c.compressedSize());
            differ(differences, "uncompressed size", l.uncompressedSize(), c.uncompressedSize());
        }
        if (!differences.isEmpty()) {
            add(VerifyCheck.VZ_LOCAL_HEADER_MISMATCH, entry, "the local header differs from the central directory: "
                    + String.join("; ", differences));
        }
        checkExtras(entry, l.extras(), "local");
    }

    private static void differ(List<String> differences, String what, long local, long central) {
        if (local != central) {
            differences.add(String.format(Locale.ROOT, "%s 0x%x vs 0x%x", what, local, central));
        }
    }

    private static void differIfSet(List<String> differences, String what, long local, long central) {
        if (local != 0) {
            differ(differences, what, local, central);
        }
    }

    private void readData(EntryDataReader reader, Entry entry) throws IOException {
        ZipStructure.CentralHeader c = entry.central;
        boolean encrypted = (c.flags() & (ZipStructure.FLAG_ENCRYPTED | ZipStructure.FLAG_STRONG_ENCRYPTION)) != 0;
        boolean decodable = c.method() == ZipStructure.METHOD_STORED || c.method() == ZipStructure.METHOD_DEFLATED;
        if (entry.overlapping || encrypted || !decodable) {
            return;
        }
        ContentScan scan = request.contentScan();
        SecretScanner scanner = scan == null ? null : scan.scannerFor(entry.name, c.uncompressedSize());
        EntryDataReader.Outcome outcome = reader.read(c.method(), entry.local.dataOffset(), c.compressedSize(), c.uncompressedSize(),
                scanner);
        switch (outcome.status()) {
            case EXCEEDED -> add(VerifyCheck.VZ_DECLARED_SIZE_EXCEEDED, entry, "decodes to more than its declared "
                    + c.uncompressedSize() + " bytes; reading stopped at " + outcome.produced());
            case CORRUPT -> add(VerifyCheck.VZ_ZIP_UNREADABLE, entry, outcome.problem());
            case SHORT -> add(VerifyCheck.VZ_CRC_MISMATCH, entry, "decodes to " + outcome.produced()
                    + " bytes; the central directory declares " + c.uncompressedSize());
            case COMPLETE -> {
                entry.sha256Hex = outcome.sha256Hex();
                entry.bytesRead = outcome.produced();
                if (outcome.crc() != c.crc()) {
                    add(VerifyCheck.VZ_CRC_MISMATCH, entry, String.format(Locale.ROOT,
                            "CRC-32 of the bytes read is %08x; the central directory says %08x", outcome.crc(), c.crc()));
                }
                if (scan != null) {
                    List<SecretFinding> secrets = scan.findings(scanner, entry.name, c.uncompressedSize(),
                            () -> reader.open(c.method(), entry.local.dataOffset(), c.compressedSize()));
                    for (SecretFinding finding : scan.judge(secrets)) {
                        if (!finding.approved()) {
                            add(VerifyCheck.VZ_SECRET, entry, finding.rule() + " at "
                                    + quote(finding.inFile())
                                    + " (starts " + finding.preview() + "), fingerprint " + finding.fingerprint());
                        }
                    }
                }
            }
        }
    }

    private void checkOrder(List<Entry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            Entry before = entries.get(i - 1);
            Entry entry = entries.get(i);
            if (Arrays.compareUnsigned(before.central.rawName(), entry.central.rawName()) > 0) {
                add(VerifyCheck.VZ_ENTRY_ORDER, entry, "comes after " + before.shown
                        + " but sorts before it (v1 order: unsigned bytes of the UTF-8 name)");
            }
        }
    }

    private void checkDuplicates(List<Entry> entries) {
        Map<String, Entry> byName = new HashMap<>();
        Map<String, Entry> byKey = new HashMap<>();
        // Each name's key once (folding and NFC cost its length): both checks below read it.
        String[] keys = new String[entries.size()];
        for (int i = 0; i < keys.length; i++) {
            Entry entry = entries.get(i);
            String name = stripTrailingSlash(entry.name);
            keys[i] = NameCollisions.key(name);
            Entry same = byName.putIfAbsent(name, entry);
            if (same != null) {
                add(VerifyCheck.VZ_DUPLICATE_NAME, entry, "the zip holds this name more than once");
                continue;
            }
            Entry folded = byKey.putIfAbsent(keys[i], entry);
            if (folded != null) {
                add(VerifyCheck.VZ_DUPLICATE_NAME, entry, "same name as " + folded.shown + " after case folding and NFC normalisation");
            }
        }
        // A name used as a file and as a folder ("a" and "a/b", also folded) cannot both be extracted. Each
        // folder of a name is looked up by a hash of its key, extended one character at a time along the
        // name's own key (folding and NFC keep '/' where it is), so a name costs its length, not its length
        // times its depth (40 names of 32,000 folders took 141 s); a hit is confirmed on the exact key.
        Map<Long, List<Map.Entry<String, Entry>>> filesByKeyHash = new HashMap<>();
        byKey.forEach((key, file) -> {
            if (!file.name.endsWith("/") && !isDirectoryMode(file.central.externalAttributes())) {
                filesByKeyHash.computeIfAbsent(extendHash(0, key, 0, key.length()), h -> new ArrayList<>()).add(Map.entry(key, file));
            }
        });
        Set<Entry> reported = new HashSet<>();
        for (int i = 0; i < keys.length; i++) {
            Entry entry = entries.get(i);
            String key = keys[i];
            long hash = 0;
            int hashed = 0;
            for (int slash = key.indexOf('/'); slash > 0; slash = key.indexOf('/', slash + 1)) {
                hash = extendHash(hash, key, hashed, slash);
                hashed = slash;
                List<Map.Entry<String, Entry>> files = filesByKeyHash.get(hash);
                if (files == null) {
                    continue;
                }
                for (Map.Entry<String, Entry> file : files) {
                    // The stored key is compared in place: no substring, no second folding.
                    if (file.getKey().length() == slash && key.startsWith(file.getKey()) && reported.add(entry)) {
                        add(VerifyCheck.VZ_DUPLICATE_NAME, entry, "a folder of it is also the file " + file.getValue().shown);
                    }
                }
            }
        }
    }

    /** A polynomial hash of key[from, to) appended to {@code hash}: the same value for a key hashed whole or in runs. */
    private static long extendHash(long hash, String key, int from, int to) {
        for (int i = from; i < to; i++) {
            hash = hash * 1_000_003L + key.charAt(i);
        }
        return hash;
    }

    /**
     * Compares the zip with its manifest, whose entries are read a second time, one at a time (they were
     * validated in the first read): what is kept is per zip entry, plus a 64-bit hash (16 to 32 bytes of table) per manifest path
     * that is not in the zip, so a hostile manifest of millions of entries costs megabytes, not its size.
     */
    private void compareManifest(List<Entry> entries) throws IOException {
        Map<String, Integer> zipIndex = new HashMap<>();
        for (int j = 0; j < entries.size(); j++) {
            zipIndex.putIfAbsent(entries.get(j).name, j);
        }
        ZipEntryV1[] listedFor = new ZipEntryV1[entries.size()];
        int[] inManifestOrder = new int[entries.size()];
        int[] common = {0};
        LongHashSet elsewhere = new LongHashSet();
        Deferred repeated = new Deferred();
        Deferred notInZip = new Deferred();
        ZipManifest.read(request.manifest(), manifestMaxBytes, m -> {
            if (problemOf(m) != null) {
                return; // the manifest changed since it was validated: its entries are not compared
            }
            Integer j = zipIndex.get(m.relativePath());
            boolean first = j != null ? listedFor[j] == null : elsewhere.add(LongHashSet.hash(m.relativePath()));
            if (!first) {
                repeated.add(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, quote(m.relativePath()),
                        "the manifest lists this path more than once"));
            } else if (j != null) {
                listedFor[j] = m;
                inManifestOrder[common[0]++] = j;
            } else {
                notInZip.add(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, quote(m.relativePath()),
                        "in the manifest but not in the zip"));
            }
        });
        repeated.recordInto(this);
        int[] inZipOrder = new int[common[0]];
        int inZip = 0;
        for (int j = 0; j < entries.size(); j++) {
            Entry entry = entries.get(j);
            if (zipIndex.get(entry.name) != j) {
                continue; // a repeated name in the zip: its own check names it
            }
            ZipEntryV1 m = listedFor[j];
            if (m == null) {
                add(VerifyCheck.VZ_MANIFEST_MISMATCH, entry, "in the zip but not in the manifest");
                continue;
            }
            inZipOrder[inZip++] = j;
            long size = entry.bytesRead >= 0 ? entry.bytesRead : entry.central.uncompressedSize();
            if (size != m.uncompressedBytes()) {
                add(VerifyCheck.VZ_MANIFEST_MISMATCH, entry, "the zip holds " + size + " bytes; the manifest says " + m.uncompressedBytes());
            }
            if (entry.sha256Hex != null && !m.sha256OrBlake3().equals(ZipEntryV1.SHA256_PREFIX + entry.sha256Hex)) {
                add(VerifyCheck.VZ_MANIFEST_MISMATCH, entry, "sha256 of the bytes read is " + entry.sha256Hex
                        + "; the manifest says " + m.sha256OrBlake3().substring(ZipEntryV1.SHA256_PREFIX.length()));
            }
            if (!ZipPolicyV1.NORMALIZED_MODE.equals(m.normalizedMode())) {
                add(VerifyCheck.VZ_MANIFEST_MISMATCH, entry, "the manifest gives mode " + m.normalizedMode()
                        + "; v1 entries are " + ZipPolicyV1.NORMALIZED_MODE);
            }
        }
        notInZip.recordInto(this);
        for (int i = 0; i < inZip; i++) {
            if (inZipOrder[i] != inManifestOrder[i]) {
                record(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, entries.get(inZipOrder[i]).shown,
                        "the zip and the manifest list the entries in a different order (from position " + (i + 1)
                                + " the manifest has " + entries.get(inManifestOrder[i]).shown + ")"));
                break;
            }
        }
    }

    /**
     * Findings of one check held back while a stream is read, the first {@link #FINDINGS_PER_CHECK} kept
     * and the rest counted: recorded once it is known they apply, and in the order of their group.
     */
    private static final class Deferred {
        final List<VerifyFinding> first = new ArrayList<>();
        int count;

        void add(VerifyFinding finding) {
            if (++count <= FINDINGS_PER_CHECK) {
                first.add(finding);
            }
        }

        void recordInto(ZipVerifier verifier) {
            first.forEach(verifier::record);
            if (count > first.size()) {
                verifier.findingsPerCheck.merge(first.get(0).check(), count - first.size(), Integer::sum);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The source folder and the project's policy

    private void compareSources(List<Entry> entries) throws IOException {
        checked.add(VerifyCheck.VZ_SOURCE_MISMATCH);
        checked.add(VerifyCheck.VZ_SOURCE_MISSING);
        TreeScanner.ScanResult scan = TreeScanner.scan(request.contentDir());
        Map<String, ScannedEntry> sources = new HashMap<>();
        for (ScannedEntry source : scan.entries()) {
            sources.put(source.relativePath(), source);
        }
        Set<String> zipNames = new HashSet<>();
        Set<String> zipExtensions = new HashSet<>();
        for (Entry entry : entries) {
            zipNames.add(entry.name);
            Extensions.of(entry.name.substring(entry.name.lastIndexOf('/') + 1)).ifPresent(zipExtensions::add);
            // A lookup by string, never a path resolved against the folder: '../x' must not reach outside.
            ScannedEntry source = sources.get(entry.name);
            if (source == null || source.kind() != ScannedEntry.Kind.REGULAR) {
                add(VerifyCheck.VZ_SOURCE_MISMATCH, entry, source == null ? "no file at this path in the content dir"
                        : "the content dir has a " + source.kind().name().toLowerCase(Locale.ROOT) + " at this path, not a regular file");
                continue;
            }
            if (entry.sha256Hex == null) {
                continue;
            }
            String[] digest = sha256(source.path());
            if (Long.parseLong(digest[1]) != entry.bytesRead || !digest[0].equals(entry.sha256Hex)) {
                add(VerifyCheck.VZ_SOURCE_MISMATCH, entry, "the entry (" + entry.bytesRead + " bytes, sha256 " + entry.sha256Hex
                        + ") differs from the source file (" + digest[1] + " bytes, sha256 " + digest[0] + ")");
            }
        }
        // Without a project the allowlist is unknown; any allowlist that let the zip's files through lets
        // through every file of the same extensions, so those are the ones that must not be missing.
        Classifier eligibility = request.projectPolicy() != null ? request.projectPolicy()
                : new Classifier(zipExtensions, request.bans());
        for (Classification.Item item : Classification.of(scan, eligibility).eligible()) {
            String path = item.entry().relativePath();
            if (!zipNames.contains(path)) {
                record(VerifyFinding.entry(VerifyCheck.VZ_SOURCE_MISSING, quote(path),
                        "an eligible source file that is not in the zip"));
            }
        }
    }

    /** sha256 hex and byte count of a source file, read without following a link. */
    private static String[] sha256(Path file) throws IOException {
        MessageDigest sha256 = Sha256.newDigest();
        long size = 0;
        byte[] buffer = new byte[EntryDataReader.BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
                size += n;
            }
        }
        return new String[] {HexFormat.of().formatHex(sha256.digest()), Long.toString(size)};
    }

    private void checkPolicy(List<Entry> entries) {
        checked.add(VerifyCheck.VZ_POLICY);
        for (Entry entry : entries) {
            ScannedEntry asFile = new ScannedEntry(entry.name, null, ScannedEntry.Kind.REGULAR,
                    entry.central.uncompressedSize(), 0, null);
            if (request.projectPolicy().classify(asFile) instanceof Decision.Excluded excluded) {
                add(VerifyCheck.VZ_POLICY, entry, "the project would not ship it: " + excluded.reason().code()
                        + (excluded.detail() == null ? "" : " (" + excluded.detail() + ")"));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** The DOS {date, time} fields of an instant read as UTC wall clock, as v1 writes them. */
    public static int[] dosDateTime(long epochMs) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMs, 1000), 0, ZoneOffset.UTC);
        int date = ((t.getYear() - DOS_EPOCH_YEAR) << 9) | (t.getMonthValue() << 5) | t.getDayOfMonth();
        int time = (t.getHour() << 11) | (t.getMinute() << 5) | (t.getSecond() / 2);
        return new int[] {date, time};
    }

    public static String describeDos(int date, int time) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d", DOS_EPOCH_YEAR + (date >>> 9), (date >>> 5) & 0xF,
                date & 0x1F, time >>> 11, (time >>> 5) & 0x3F, (time & 0x1F) * 2);
    }

    private static String methodName(int method) {
        return switch (method) {
            case ZipStructure.METHOD_STORED -> "STORED";
            case ZipStructure.METHOD_DEFLATED -> "DEFLATED";
            default -> Integer.toString(method);
        };
    }

    private static String octal(int mode) {
        return "0" + Integer.toOctalString(mode);
    }

    private void add(VerifyCheck check, Entry entry, String message) {
        record(VerifyFinding.entry(check, entry.shown, message));
    }

    /**
     * Keeps a finding, at most {@link #FINDINGS_PER_CHECK} per check (the rest are counted): a zip of a
     * million bad entries gives a report of a few hundred lines, not a million.
     */
    private void record(VerifyFinding finding) {
        if (findingsPerCheck.merge(finding.check(), 1, Integer::sum) <= FINDINGS_PER_CHECK) {
            findings.add(finding);
        }
    }

    /** A name as a message quotes it: control characters escaped, at most a few hundred characters. */
    private static String quote(String name) {
        return Printable.of(name, Printable.QUOTED_CHARS);
    }

    private void archive(VerifyCheck check, String message) {
        record(VerifyFinding.archive(check, message));
    }
}
