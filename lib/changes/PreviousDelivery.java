package changes;

import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import io.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import provenance.RunRecord;
import scan.PathOrder;
import text.Printable;
import zip.DeliveryJournal;
import zip.ZipEntryV1;
import zip.ZipManifest;

/**
 * The delivery a run follows: a zip and its manifest, the manifest read (streamed, checked in v1 order)
 * and held to the zip's size and sha256, so the changes computed from it are the zip's. Found at the
 * run's output zip (the delivery it replaces) or where {@code --since} points (a zip or a manifest).
 *
 * @param zip the previous zip, or null when only its manifest was given and no zip is beside it
 * @param header the manifest without its entries (metadata, run, the zip's recorded size and sha256, which the
 *        zip was held to when there is one)
 */
public record PreviousDelivery(Path zip, Path manifest, ZipManifest header, String manifestSha256, long manifestMaxBytes) {

    /** The input roles the run record gives the previous delivery: a signed manifest names what it followed. */
    public static final String ZIP_ROLE = "previous_zip";
    public static final String MANIFEST_ROLE = "previous_manifest";


    /** What a run found before it: nothing (a first delivery), a delivery it cannot compare, or one it can. */
    public sealed interface Lookup permits None, Unusable, Found {}

    /** No delivery before this one. */
    public record None() implements Lookup {}

    /** A delivery that cannot be compared: said in one line, and the run goes on as a first delivery. */
    public record Unusable(DeliveryChanges.Previous named, String why) implements Lookup {}

    public record Found(PreviousDelivery delivery) implements Lookup {}

    /**
     * The files a lookup reads: the zip (null when only a manifest was given and no zip is beside it) and
     * its manifest. For the output zip they may not exist (a first delivery).
     */
    public record Location(Path zip, Path manifest) {}

    /**
     * Where the previous delivery is: {@code since} if given (a zip, or a manifest ending in
     * {@code .manifest.json}), else the zip at {@code outputZip}.
     *
     * @throws PrezipException PZ_USAGE when {@code since} is no regular file (a link is not followed)
     */
    public static Location locate(Path since, Path outputZip) {
        if (since == null) {
            return new Location(outputZip, ZipManifest.pathFor(outputZip));
        }
        if (!Files.isRegularFile(since, LinkOption.NOFOLLOW_LINKS)) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--since " + Printable.path(since.toString())
                    + (Files.exists(since, LinkOption.NOFOLLOW_LINKS) ? ": not a regular file" : ": no such file")
                    + " (give the previous delivery's zip or its manifest)");
        }
        String name = since.getFileName().toString();
        if (name.endsWith(MANIFEST_SUFFIX) && name.length() > MANIFEST_SUFFIX.length()) {
            Path zip = since.resolveSibling(name.substring(0, name.length() - MANIFEST_SUFFIX.length()));
            return new Location(Files.exists(zip, LinkOption.NOFOLLOW_LINKS) ? zip : null, since);
        }
        return new Location(since, ZipManifest.pathFor(since));
    }

    /**
     * Looks for the previous delivery where {@link #locate} says, and checks it; without {@code since}
     * and no zip at {@code outputZip}, there is none.
     *
     * @throws PrezipException PZ_USAGE when {@code since} names nothing
     */
    public static Lookup find(Path since, Path outputZip) {
        Location at = locate(since, outputZip);
        return since == null && !Files.exists(outputZip, LinkOption.NOFOLLOW_LINKS) ? new None() : load(at.zip(), at.manifest());
    }

    /** What {@link ZipManifest#pathFor} appends to a zip's name. */
    private static final String MANIFEST_SUFFIX = ".manifest.json";

    /** Reads and checks a previous delivery; {@code zip} null compares from the manifest alone. */
    public static Lookup load(Path zip, Path manifest) {
        return load(zip, manifest, false);
    }

    /**
     * Reads and checks a delivery.
     *
     * @param zipDigestChecked the caller has held the zip's size and sha256 to the manifest's already (verify_zip
     *        did, for the zip it verified): it is not read again
     */
    public static Lookup load(Path zip, Path manifest, boolean zipDigestChecked) {
        DeliveryChanges.Previous named = new DeliveryChanges.Previous(zip == null ? null : zip.toString(), null,
                manifest.toString(), null, null, null);
        try {
            return check(zip, manifest, named, zipDigestChecked);
        } catch (PrezipException e) {
            return new Unusable(named, e.getMessage());
        } catch (IOException e) {
            return new Unusable(named, "cannot be read: " + IoErrors.describe(e));
        }
    }

    private static Lookup check(Path zip, Path manifest, DeliveryChanges.Previous named, boolean zipDigestChecked)
            throws IOException {
        if (zip != null && !Files.isRegularFile(zip, LinkOption.NOFOLLOW_LINKS)) {
            return new Unusable(named, Printable.path(zip.toString()) + " is not a regular file");
        }
        if (zip != null && Files.exists(DeliveryJournal.pathFor(zip), LinkOption.NOFOLLOW_LINKS)) {
            return new Unusable(named, "a commit was killed while putting it into place: its zip and manifest may be of two"
                    + " deliveries (the next commit to it finishes that delivery first)");
        }
        if (!Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return new Unusable(named, "no manifest " + Printable.path(manifest.getFileName().toString()) + " beside it");
        }
        // A manifest without its zip is bounded by its own size: its entries are streamed, never held.
        long maxBytes = zip != null ? ZipManifest.maxBytesFor(Files.size(zip)) : Files.size(manifest);
        String manifestSha256 = Sha256.ofFile(manifest, LinkOption.NOFOLLOW_LINKS).hex();
        InOrder order = new InOrder();
        ZipManifest header = ZipManifest.read(manifest, maxBytes, order);
        if (order.problem != null) {
            return new Unusable(named, Printable.path(manifest.toString()) + ": " + order.problem);
        }
        if (header.zipSha256() == null || header.entries() == null) {
            return new Unusable(named, Printable.path(manifest.toString()) + " has no zip_sha256 or no entries");
        }
        if (zip != null && !zipDigestChecked) {
            Sha256.OfFile read = Sha256.ofFile(zip, LinkOption.NOFOLLOW_LINKS);
            if (read.size() != header.zipBytes() || !read.hex().equals(header.zipSha256())) {
                return new Unusable(named, "its manifest does not match it (the zip is " + read.size() + " bytes, sha256 "
                        + read.hex() + "; the manifest says " + header.zipBytes() + " bytes, sha256 " + header.zipSha256() + ")");
            }
        }
        return new Found(new PreviousDelivery(zip, manifest, header, manifestSha256, maxBytes));
    }

    /** The manifest's entries as they stream past: each valid, in strictly increasing v1 order; the first problem kept. */
    private static final class InOrder implements Consumer<ZipEntryV1> {
        String problem;
        private String last;
        private int index;

        @Override
        public void accept(ZipEntryV1 e) {
            if (problem == null) {
                problem = problemOf(e, last, index);
            }
            last = e.relativePath();
            index++;
        }

        private static String problemOf(ZipEntryV1 e, String last, int index) {
            if (e.relativePath() == null || e.relativePath().isEmpty()) {
                return "entries[" + index + "] has no relative_path";
            }
            if (e.sha256OrBlake3() == null || !ZipEntryV1.isSha256Digest(e.sha256OrBlake3()) || e.uncompressedBytes() < 0) {
                return "entries[" + index + "] has no sha256 digest or size";
            }
            return last != null && PathOrder.UTF8_BYTES.compare(last, e.relativePath()) >= 0
                    ? "entries[" + index + "] " + Printable.path(e.relativePath()) + " is not after " + Printable.path(last)
                            + " in v1 path order" : null;
        }
    }

    /** The zip's sha256: its manifest's, which the zip was held to. */
    public String zipSha256() {
        return header.zipSha256();
    }

    /** This delivery as a report names it. */
    public DeliveryChanges.Previous named() {
        return new DeliveryChanges.Previous(zip == null ? null : zip.toString(), zipSha256(), manifest.toString(), manifestSha256,
                header.run() == null ? null : header.run().endedAt(),
                header.metadata() == null || header.metadata().toolchain() == null ? null
                        : header.metadata().toolchain().toolkitVersion());
    }

    /** The run record's inputs naming it (the chain: a signed manifest proves which delivery it followed). */
    public List<RunRecord.Input> inputs() {
        RunRecord.Input manifestInput = new RunRecord.Input(MANIFEST_ROLE, manifest.toAbsolutePath().toString(), manifestSha256, null);
        return zip == null ? List.of(manifestInput)
                : List.of(new RunRecord.Input(ZIP_ROLE, zip.toAbsolutePath().toString(), zipSha256(), null), manifestInput);
    }

    /** Its manifest's entries, read again one at a time (close it). */
    public ZipManifest.EntryReader entries() {
        return new ZipManifest.EntryReader(manifest, manifestMaxBytes);
    }

    /**
     * The changes from this delivery to one whose entries {@code current} gives in v1 order; not compared
     * (and said why) when a manifest changed since it was checked and is no longer a v1 manifest in order.
     */
    public DeliveryChanges changesTo(ChangeMerge.Cursor current) {
        // The previous manifest is parsed on a thread of its own, beside whatever gives the current entries.
        try (ZipManifest.EntryReader reader = entries(); PrefetchCursor previous = new PrefetchCursor(ChangeMerge.of(reader::next))) {
            return ChangeMerge.compare(named(), previous, current);
        } catch (PrezipException e) {
            return DeliveryChanges.notCompared(named(), e.getMessage());
        }
    }
}
