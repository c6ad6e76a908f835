package commit;

import console.Progress;
import console.Timings;
import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import io.AtomicFiles;
import io.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import json.Json;
import policy.Classification;
import policy.Classifier;
import policy.PolicyPreset;
import provenance.RunRecord;
import scan.EntryName;
import scan.ScannedEntry;
import scan.TreeScanner;
import secrets.ContentScan;
import secrets.SecretFinding;
import secrets.SecretsFound;
import types.TypeFinding;
import types.TypesRefused;
import zip.ChecksumFile;
import zip.ContentsFile;
import zip.DeliveryJournal;
import zip.DeterministicZipWriter;
import zip.ManifestSignature;
import zip.PreviousEntries;
import zip.StagedFile;
import zip.ZipEntryV1;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;

/**
 * The --commit path: stage the eligible files, check the invariants on staging, write the zip to a temp
 * file beside the output, check it, and only then rename it (and its manifest) into place.
 */
public final class Committer {
    private static final int BUFFER_BYTES = 1 << 16;

    private Committer() {}

    /**
     * What to commit and how: the plan from the scan, and the policy values that shape the zip.
     *
     * @param previous the zip this one replaces, opened for its unchanged entries' deflated data
     *        ({@link PreviousEntries#NONE}: every entry is deflated)
     */
    public record Plan(TreeScanner.ScanResult scan, Classification classification, Classifier classifier,
                       long fixedEpochMs, boolean forbidEmptyDirs, PolicyPreset.Applied policy, PrivateKey signKey,
                       int threads, Progress progress, Timings timings, ContentScan contentScan, RunRecord.Started run,
                       Reports reports, PreviousEntries previous, boolean allowUnknown) {}

    /** The reports that go into place with the zip (in its journal): path beside the zip and content. */
    public interface Reports {
        /** @param reused what the zip copied from the one it replaces */
        Map<Path, AtomicFiles.Content> render(ZipManifest manifest, List<SecretFinding> approvedSecrets, Reuse.Summary reused);
    }

    /**
     * What a commit wrote, the credentials it shipped because the project approved them, and what it
     * copied from the zip it replaced.
     */
    public record Committed(ZipManifest manifest, List<SecretFinding> approvedSecrets, Reuse.Summary reused) {}

    /**
     * What a commit does first, under the zip's lock: a delivery a killed run was putting into place is
     * finished, then its leftovers are swept. Then the delivery at the zip is the one the commit replaces.
     *
     * @return how many files of the killed run's delivery were put into place (-1: there was none)
     */
    public static int finishEarlierRuns(Path outputZip) {
        Path zip = outputZip.toAbsolutePath().normalize();
        int finished = finishInterrupted(zip);
        Staging.removeLeftovers(zip);
        return finished;
    }

    /**
     * Commits the zip, its manifest, checksums (of the zip, and of each entry) and (with a key) signature,
     * once {@link #finishEarlierRuns} has run.
     * Call while holding the zip's {@link OutputLock}, and keep holding it until the reports beside the
     * zip are written too: then no other run can sweep a report's temp file as a killed run's leftover.
     *
     * @throws SecretsFound when the content holds a credential the project has not approved (nothing shipped)
     * @throws TypesRefused when files are not what their names say, or of a banned family, without --allow-unknown (nothing shipped)
     */
    public static Committed commit(Plan plan, Path outputZip) {
        Committed committed = stageAndZip(plan, outputZip.toAbsolutePath().normalize());
        plan.timings().lap("staging removed");
        return committed;
    }

    /** Finishes the delivery a killed run left (from its journal); returns how many files it moved, -1 if none. */
    private static int finishInterrupted(Path zip) {
        try {
            return AtomicFiles.Batch.finishInterrupted(DeliveryJournal.pathFor(zip),
                    name -> DeliveryJournal.isTempFor(zip, name), DeliveryJournal.targetsFor(zip)::contains);
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "finishing an interrupted delivery", zip);
        }
    }

    /**
     * The reports of a commit that stopped (refused or failed), beside a zip it did not touch: put into
     * place together through the delivery's journal, as a delivery's are, after any delivery a killed run
     * left is finished. Call while holding the zip's {@link OutputLock}, as for {@link #commit}.
     */
    public static void replaceReports(Path outputZip, Map<Path, AtomicFiles.Content> reports) {
        Path zip = outputZip.toAbsolutePath().normalize();
        finishInterrupted(zip);
        try (AtomicFiles.Batch batch = new AtomicFiles.Batch()) {
            Path last = null;
            for (Map.Entry<Path, AtomicFiles.Content> report : reports.entrySet()) {
                batch.put(report.getKey(), report.getValue());
                last = report.getKey();
            }
            batch.commit(last, DeliveryJournal.pathFor(zip));
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "writing the reports", zip.getParent());
        }
    }

    private static Committed stageAndZip(Plan plan, Path zip) {
        try (Staging staging = Staging.createBeside(zip); AtomicFiles.Batch delivery = new AtomicFiles.Batch()) {
            // Each step names itself on the status line (the plan's progress is the first, "folders").
            // In the zip's order: the v1 order of the names they ship under (composed), not of the source's.
            List<ScannedEntry> eligible = EntryName.inZipOrder(plan.classification().eligibleEntries());
            // Only the folders of eligible files: a folder that ships nothing never reaches the client, and
            // mirroring it could fail (a path past PATH_MAX) where the dry-run said ok.
            staging.createDirectories(Staging.foldersOf(eligible));
            plan.timings().lap("folders");
            Path temp = AtomicFiles.tempBeside(zip);
            delivery.adopt(temp, zip);
            MessageDigest sha256 = Sha256.newDigest();
            Reuse reuse = new Reuse(plan.previous());
            Packed packed = pack(plan, staging, eligible, temp, sha256, reuse);
            long zipBytes = packed.zipBytes();
            // The zip was built while its files were scanned; it ships only if no credential is in them.
            List<SecretFinding> secrets = plan.contentScan().judge(packed.result().secrets());
            if (secrets.stream().anyMatch(finding -> !finding.approved())) {
                throw new SecretsFound(secrets);
            }
            // Files left out for what they are were not zipped; without --allow-unknown they refuse the run.
            List<TypeFinding> types = plan.contentScan().typeFindings();
            if (!plan.allowUnknown() && types != null && types.stream().anyMatch(TypeFinding::excluded)) {
                throw new TypesRefused(types);
            }
            List<StagedFile> staged = packed.result().staged();
            plan.progress().next("check staging, read back");
            // The zip was built while staging filled up; it ships only if the finished staging tree passes.
            StagingInvariants.check(staging.root(), staged, plan.classifier(), plan.forbidEmptyDirs());
            requireEntries(temp, staged);
            plan.timings().lap("invariants+readback");
            ZipManifest manifest = new ZipManifest(ZipPackagingMetadataV1.current(plan.fixedEpochMs()), plan.policy(),
                    plan.run().end(), ZipEntryV1.of(staged), zipBytes, HexFormat.of().formatHex(sha256.digest()));
            Path manifestPath = ZipManifest.pathFor(zip);
            Path manifestWritten = delivery.put(manifestPath, out -> Json.writeTo(manifest, out));
            delivery.put(ChecksumFile.pathFor(zip), ChecksumFile.content(zip, manifest.zipSha256()));
            delivery.put(ContentsFile.pathFor(zip), out -> ContentsFile.write(manifest.entries(), out));
            if (plan.signKey() != null) {
                // The signature covers the manifest's exact bytes: those just written.
                delivery.put(ManifestSignature.pathFor(manifestPath),
                        ManifestSignature.sign(Files.readAllBytes(manifestWritten), plan.signKey()));
            }
            // The reports are part of the delivery: a kill never leaves a new zip beside an old report.
            Reuse.Summary reused = reuse.summary();
            for (Map.Entry<Path, AtomicFiles.Content> report : plan.reports().render(manifest, secrets, reused).entrySet()) {
                delivery.put(report.getKey(), report.getValue());
            }
            plan.progress().next("deliver").onInterrupt("stopped while the delivery was put into place: run the same commit"
                    + " again, it finishes the delivery first (verify_zip names it meanwhile)");
            // The zip goes last: once it is in place, so is everything that describes it.
            delivery.commit(zip, DeliveryJournal.pathFor(zip));
            plan.progress().next("remove staging").onInterrupt("the new delivery is in place at " + zip
                    + "; only the staging folder was left to remove");
            plan.timings().lap("manifest+rename");
            if (plan.signKey() == null) {
                // A signature of an earlier manifest would now sign the wrong bytes.
                Files.deleteIfExists(ManifestSignature.pathFor(manifestPath));
            }
            return new Committed(manifest, secrets, reused);
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "staging and zipping", zip.getParent());
        }
    }

    /** What packing wrote: the staged files and findings, and the zip's size on disk. */
    private record Packed(Packer.Result result, long zipBytes) {}

    /** Stages, hashes and zips the eligible files into the temp zip in one pass, then syncs it to disk. */
    private static Packed pack(Plan plan, Staging staging, List<ScannedEntry> eligible, Path temp, MessageDigest sha256,
                               Reuse reuse) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             OutputStream out = new DigestOutputStream(
                     new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES), sha256)) {
            DeterministicZipWriter writer = new DeterministicZipWriter(out, plan.fixedEpochMs());
            Packer.Result packed = Packer.pack(eligible, staging, writer, plan.threads(), plan.progress().next("stage+zip"),
                    plan.contentScan(), reuse);
            writer.finish();
            out.flush();
            plan.timings().lap("stage+hash+zip");
            plan.progress().next("sync to disk");
            channel.force(true);
            long zipBytes = channel.size();
            plan.timings().lap("fsync");
            return new Packed(packed, zipBytes);
        }
    }

    /** The written file must read back as a zip listing exactly the staged files, in v1 order. */
    private static void requireEntries(Path temp, List<StagedFile> ordered) throws IOException {
        // Reads only the central directory: cheap, and catches a writer that lost or reordered entries.
        // Compared entry by entry as it is read, never as a second list of every name.
        boolean same;
        try (ZipFile written = new ZipFile(temp.toFile())) {
            Enumeration<? extends ZipEntry> names = written.entries();
            int i = 0;
            while (names.hasMoreElements() && i < ordered.size()
                    && names.nextElement().getName().equals(ordered.get(i).relativePath())) {
                i++;
            }
            same = i == ordered.size() && !names.hasMoreElements();
        }
        if (!same) {
            throw new PrezipException(ErrorCode.PZ_INVARIANT, "the written zip does not list the staged files in v1 order");
        }
    }
}
