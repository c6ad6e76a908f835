package secrets;

import console.Progress;
import errors.ErrorCode;
import errors.PrezipException;
import io.DaemonThreads;
import io.Sha256;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import scan.Extensions;
import scan.ScannedEntry;
import types.Sniffer;
import types.TypeFinding;
import types.TypePolicy;

/**
 * How each file's content is scanned for credentials: text as it streams past ({@link #scannerFor}), zip
 * and gzip containers member by member, up to {@link #MAX_CONTAINER_DEPTH} deep ({@link #scanContainer}),
 * media that is STORED not at all unless a rule is meant for binary content; and what each file is by
 * its bytes, from the same bytes ({@link #snifferFor}, {@link #typeOf}). The dry-run reads the eligible
 * files for it ({@link #scanFiles}); a commit scans the bytes it copies anyway.
 */
public final class ContentScan {
    /**
     * Containers whose text is inside, deflated: zip-based office documents, zip archives and gzip files
     * (a .csv.gz), scanned member by member.
     */
    static final Set<String> CONTAINER_EXTENSIONS = Set.of("docx", "xlsx", "pptx", "odt", "ods", "odp", "zip", "gz");
    /** Containers opened inside each other at most (a .docx inside a .zip is two): a deeper one is not scanned. */
    static final int MAX_CONTAINER_DEPTH = 2;
    /** Members of one container scanned at most: a real document has tens to a few thousand. */
    static final int MAX_CONTAINER_MEMBERS = 10_000;
    /** Bytes inflated per container, as a multiple of its size (plus a floor): a deflate bomb stops here. */
    static final long MAX_INFLATION_RATIO = 100;
    /** The floor of that bound, so a tiny document with very compressible XML still scans whole. */
    static final long MIN_INFLATED_BYTES = 64L << 20;
    /** The finding for a container that could not be scanned to its end: fail closed, approvable like any. */
    static final String UNSCANNABLE_RULE = "container-not-scannable";
    private static final int BUFFER_BYTES = 1 << 16;
    /** Opened for reading, never through a link: one set for every file (FileChannel.open(path, options...) makes one per call). */
    private static final Set<OpenOption> READ_NO_LINKS = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    /** Files per task of the dry-run's scan at most: a slow large file holds up no more than its slice. */
    static final int SLICE_FILES = 256;
    /** Tasks per thread at least, so the threads stay busy to the end. */
    static final int SLICES_PER_THREAD = 8;

    private final SecretRules rules;
    private final SecretApprovals approvals;
    private final Predicate<String> stored;
    /**
     * The files of this run whose content was not read (media, binary), noted by the threads that met them:
     * the run's report lists them. One content scan serves one run.
     */
    private final Queue<NotScanned> notScanned = new ConcurrentLinkedQueue<>();
    /** What the run does with the files' types; null where types are not checked. */
    private final TypePolicy types;
    /** The type findings of this run's files, noted as each file's bytes went by. */
    private final Queue<TypeFinding> typeFindings = new ConcurrentLinkedQueue<>();

    /** @param stored whether a path's type is STORED in the zip (already-compressed media) */
    public ContentScan(SecretRules rules, SecretApprovals approvals, Predicate<String> stored) {
        this(rules, approvals, stored, null);
    }

    /** @param types what the run does with the files' types (the bytes the scan reads tell them), or null */
    public ContentScan(SecretRules rules, SecretApprovals approvals, Predicate<String> stored, TypePolicy types) {
        this.rules = rules;
        this.approvals = approvals;
        this.stored = stored;
        this.types = types;
    }

    /** A detector to feed a file's bytes to as they are read, or null where types are not checked. */
    public Sniffer snifferFor(long size) {
        return types == null ? null : types.table().sniffer(size);
    }

    /** The file's type finding once its bytes went through {@code sniffer} (noted for the report), or null. */
    public TypeFinding typeOf(String relativePath, Sniffer sniffer) {
        if (sniffer == null) {
            return null;
        }
        TypeFinding finding = types.judge(relativePath, sniffer.finish());
        if (finding != null) {
            typeFindings.add(finding);
        }
        return finding;
    }

    /** This run's type findings in the v1 order of their paths; null where types are not checked. */
    public List<TypeFinding> typeFindings() {
        return types == null ? null
                : typeFindings.stream().sorted(java.util.Comparator.comparing(TypeFinding::path, scan.PathOrder.UTF8_BYTES)).toList();
    }

    public SecretApprovals approvals() {
        return approvals;
    }

    /** The findings, those the project approved marked so. */
    public List<SecretFinding> judge(List<SecretFinding> findings) {
        return approvals.apply(findings);
    }

    public static boolean isContainer(String relativePath) {
        return Extensions.ofPath(relativePath).map(CONTAINER_EXTENSIONS::contains).orElse(false);
    }

    /**
     * A scanner to feed this file's bytes to as they are read, or null when its bytes are not scanned
     * that way (a container is scanned by {@link #scanContainer}; STORED media is not scanned unless a
     * rule is meant for binary content).
     */
    public SecretScanner scannerFor(String relativePath, long size) {
        if (isContainer(relativePath)) {
            return null;
        }
        if (stored.test(relativePath) && !rules.anyBinaryRule) {
            notScanned.add(new NotScanned(relativePath, NotScanned.MEDIA));
            return null;
        }
        return new SecretScanner(rules, relativePath, null, size);
    }

    /**
     * Scans a container's content: each member of a zip (an Office document, a zip archive) as a file of its
     * own, a container member one level further down ({@value #MAX_CONTAINER_DEPTH} levels in all: a .docx
     * inside a .zip), a gzip file's content as one file. A container that cannot be read to its end (not a
     * zip, too many members, too deep, inflating past the bound) gives one finding of {@value #UNSCANNABLE_RULE}:
     * what was not scanned cannot be said to be clean.
     */
    public List<SecretFinding> scanContainer(String relativePath, InputStream in, long size) throws IOException {
        List<SecretFinding> findings = new ArrayList<>();
        long[] budget = {Math.max(MIN_INFLATED_BYTES, Math.min(size, Long.MAX_VALUE / MAX_INFLATION_RATIO) * MAX_INFLATION_RATIO)};
        // The container's own bytes are hashed as they are read: an unscannable one is named by its content.
        DigestInputStream raw = new DigestInputStream(in, Sha256.newDigest());
        String problem;
        try {
            InputStream buffered = new BufferedInputStream(unclosable(raw), BUFFER_BYTES);
            problem = isGzip(relativePath) ? gunzip(relativePath, gunzipped(nameOf(relativePath)), buffered, budget, findings)
                    : members(relativePath, "", buffered, budget, 1, findings);
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // EOFException: a truncated container; IllegalArgumentException: a member name not valid in its charset.
            problem = "it is not a readable " + (isGzip(relativePath) ? "gzip file" : "zip container") + " (" + e.getMessage() + ")";
        }
        if (problem == null) {
            return findings;
        }
        byte[] rest = new byte[BUFFER_BYTES];
        while (raw.read(rest) >= 0) {
            // The rest of the container goes into its digest too.
        }
        return unscannable(relativePath, problem, raw.getMessageDigest().digest());
    }

    /**
     * Scans the members of the zip in {@code in}, named {@code prefix + name}, at container depth {@code depth}.
     *
     * @param budget the bytes left to inflate, shared by every level
     * @return why the scan stopped early, or null
     */
    private String members(String path, String prefix, InputStream in, long[] budget, int depth, List<SecretFinding> findings)
            throws IOException {
        int members = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry member; (member = zip.getNextEntry()) != null; ) {
                if (++members > MAX_CONTAINER_MEMBERS) {
                    return "more than " + MAX_CONTAINER_MEMBERS + " members";
                }
                String name = prefix + member.getName();
                String problem = null;
                if (member.isDirectory()) {
                    continue;
                } else if (isContainer(member.getName()) && depth >= MAX_CONTAINER_DEPTH) {
                    problem = name + " is a container more than " + MAX_CONTAINER_DEPTH + " levels deep";
                } else if (isGzip(member.getName())) {
                    problem = gunzip(path, gunzipped(name), unclosable(zip), budget, findings);
                } else if (isContainer(member.getName())) {
                    problem = members(path, name + "!", unclosable(zip), budget, depth + 1, findings);
                } else {
                    problem = feed(new SecretScanner(rules, path, name), zip, budget, findings);
                }
                if (problem != null) {
                    return problem;
                }
            }
        }
        return members == 0 ? "it holds no zip members" : null;
    }

    /** Scans a gzip stream's content as one file, named {@code entry}. */
    private String gunzip(String path, String entry, InputStream in, long[] budget, List<SecretFinding> findings) throws IOException {
        try (GZIPInputStream content = new GZIPInputStream(in, BUFFER_BYTES)) {
            return feed(new SecretScanner(rules, path, entry), content, budget, findings);
        }
    }

    /** Feeds a member's bytes to its scanner within the budget; returns why it stopped early, or null. */
    private static String feed(SecretScanner scanner, InputStream in, long[] budget, List<SecretFinding> findings) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int n; (n = in.read(buffer)) > 0; ) {
            budget[0] -= n;
            if (budget[0] < 0) {
                return "it inflates past " + MAX_INFLATION_RATIO + " times its size";
            }
            scanner.feed(buffer, 0, n);
        }
        findings.addAll(scanner.finish());
        return null;
    }

    private static boolean isGzip(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** What a gzip file holds, named as gzip names it: without its .gz. */
    private static String gunzipped(String name) {
        return name.substring(0, name.length() - ".gz".length());
    }

    /** A stream whose close leaves the one under it open: a member's reader must not close its container. */
    private static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // The container's stream is closed by whoever opened it.
            }
        };
    }

    /** The finding for a container that could not be read to its end; its fingerprint covers the container's bytes. */
    private List<SecretFinding> unscannable(String relativePath, String why, byte[] contentSha256) {
        return List.of(new SecretFinding(relativePath, null, 1, 1, UNSCANNABLE_RULE,
                FileFindings.fingerprint(UNSCANNABLE_RULE, relativePath, null, contentSha256, 0, contentSha256.length),
                "", false));
    }

    /** The files of this run whose content was not read, and why, in the v1 order of their paths. */
    public List<NotScanned> notScanned() {
        return notScanned.stream().sorted(java.util.Comparator.comparing(NotScanned::path, scan.PathOrder.UTF8_BYTES)).toList();
    }

    /** Opens a file's bytes again (a container is read as a zip, after the pass that read it as bytes). */
    public interface Reopen {
        InputStream open() throws IOException;
    }

    /**
     * A file's findings once its bytes went through {@code scanner} ({@link #scannerFor}, null when none
     * was made): a container, which no streaming scanner reads, is read again through {@code reopen}; a
     * file not scanned (STORED media) has none.
     */
    public List<SecretFinding> findings(SecretScanner scanner, String relativePath, long size, Reopen reopen) throws IOException {
        if (scanner != null) {
            List<SecretFinding> found = scanner.finish();
            if (scanner.binary()) {
                notScanned.add(new NotScanned(relativePath, NotScanned.BINARY));
            }
            return found;
        }
        if (!isContainer(relativePath)) {
            return List.of();
        }
        try (InputStream in = reopen.open()) {
            return scanContainer(relativePath, in, size);
        }
    }

    /**
     * Scans one file on disk (the dry-run), reading through the caller's buffer (one per thread), never
     * following a link. Only files the tree scan found regular come here; a file swapped for a FIFO since
     * would block the open (Java cannot open with O_NONBLOCK), a window a stat first would narrow, not
     * close, at a quarter of the cost of reading a small file.
     */
    private List<SecretFinding> scanFile(String relativePath, Path file, long size, byte[] buffer) throws IOException {
        SecretScanner scanner = scannerFor(relativePath, size);
        Sniffer sniffer = snifferFor(size);
        if (scanner == null) {
            if (sniffer != null && !isContainer(relativePath)) {
                // Media is not scanned, but what it is comes from its first bytes (and a zip's last).
                try (FileChannel channel = FileChannel.open(file, READ_NO_LINKS)) {
                    sniffer.read(channel);
                }
            }
            List<SecretFinding> found = findings(null, relativePath, size, () -> {
                InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                return sniffer == null ? in : sniffer.tee(in);
            });
            typeOf(relativePath, sniffer);
            return found;
        }
        // The scanned size is read, no more: a dry-run predicts the commit, which stops on a file that changed.
        if (size == 0) {
            typeOf(relativePath, sniffer);
            return findings(scanner, relativePath, size, null);
        }
        // A channel, not an InputStream over one: about a third less time per small file.
        ByteBuffer view = ByteBuffer.wrap(buffer);
        try (FileChannel channel = FileChannel.open(file, READ_NO_LINKS)) {
            long left = size;
            for (int n; left > 0 && (n = channel.read(view.clear().limit((int) Math.min(buffer.length, left)))) > 0; left -= n) {
                scanner.feed(buffer, 0, n);
                if (sniffer != null) {
                    sniffer.feed(buffer, 0, n);
                }
            }
        }
        typeOf(relativePath, sniffer);
        return findings(scanner, relativePath, size, null);
    }

    /**
     * The dry-run's scan of every eligible file, on {@code threads} threads, findings (judged) in the files' order.
     * A file that cannot be read now is an I/O error: the commit could not read it either.
     */
    public List<SecretFinding> scanFiles(List<ScannedEntry> files, int threads, Progress progress) {
        progress.total(files.size(), files.stream().mapToLong(ScannedEntry::size).sum());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("prezip-secret-scan"));
        try {
            // Slices of neighbouring files, a few per thread: a task per file costs more than a tiny file's read.
            int slice = Math.max(1, Math.min(SLICE_FILES, files.size() / (threads * SLICES_PER_THREAD) + 1));
            List<Future<List<SecretFinding>>> results = new ArrayList<>(files.size() / slice + 1);
            for (int from = 0; from < files.size(); from += slice) {
                List<ScannedEntry> part = files.subList(from, Math.min(files.size(), from + slice));
                results.add(pool.submit(() -> {
                    List<SecretFinding> found = new ArrayList<>();
                    byte[] buffer = new byte[BUFFER_BYTES];
                    for (ScannedEntry file : part) {
                        try {
                            found.addAll(scanFile(file.relativePath(), file.path(), file.size(), buffer));
                        } catch (IOException e) {
                            throw new UncheckedIOException(file.relativePath(), e);
                        }
                        progress.advance(1, file.size());
                    }
                    return found;
                }));
            }
            List<SecretFinding> all = new ArrayList<>();
            for (Future<List<SecretFinding>> result : results) {
                all.addAll(result.get());
            }
            progress.done();
            return judge(Collections.unmodifiableList(all));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrezipException(ErrorCode.PZ_IO, "interrupted while scanning content");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw errors.IoErrors.toPrezip(io.getCause(), "scanning the content of " + io.getMessage(), null);
            }
            if (e.getCause() instanceof PrezipException prezip) {
                throw prezip;
            }
            throw new PrezipException(ErrorCode.PZ_INTERNAL, "scanning content failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
