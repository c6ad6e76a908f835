package verify;

import changes.PreviousDelivery;
import console.Progress;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Set;
import java.util.function.Supplier;
import policy.AllowlistStore;
import policy.BanRules;
import policy.Classifier;
import policy.PolicyPreset;
import scan.TreeScanner;
import secrets.ContentScan;
import secrets.SecretApprovals;
import secrets.SecretRules;
import types.AcceptedContainers;
import types.ContentTypes;
import types.TypePolicy;
import zip.ManifestSignature;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/**
 * A verify_zip run without its printing: the inputs its options name are loaded (the global bans, the
 * project's allowlist, the secret rules and approvals, the public key), the zip is verified, and the
 * report comes back. An input that cannot be loaded is a {@link PrezipException}, as a read that fails
 * while verifying is.
 */
public final class VerifyRun {
    private VerifyRun() {}

    /**
     * What the operator asked for, as the command's options give it.
     *
     * @param manifest the manifest, or null for the one beside the zip
     * @param contentDir the source folder to compare with (--content-dir), or null
     * @param projectId the project whose allowlist and approvals apply (--project-id), or null
     * @param scanSecrets whether every entry's content is scanned for credentials (--scan-secrets)
     * @param rebuild whether the manifest's entries are packed again from the content folder and held against the zip
     *                (--rebuild; it needs --content-dir)
     * @param publicKey the PEM file of the key the manifest's signature must verify with (--public-key), or null
     * @param dataDir the data folder, resolved only when an input is loaded from it
     * @param requireUtf8FileNames the command's check that file names decode as UTF-8 (the command line's own,
     *                             which lib/verify may not call), run before the content folder is looked at
     * @param progress opens the status line once the inputs are loaded
     * @param since an earlier delivery (its zip or manifest) to show the changes since (--since), or null
     */
    public record Request(Path zip, Path manifest, Path contentDir, String projectId, boolean scanSecrets, boolean rebuild,
                          Path publicKey, Supplier<DataDir> dataDir, Runnable requireUtf8FileNames, Supplier<Progress> progress,
                          Path since) {}

    public static VerifyReport run(Request request) {
        if (request.rebuild() && request.contentDir() == null) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--rebuild needs --content-dir DIR: the folder the zip was made from,"
                    + " whose files are packed again");
        }
        if (!Files.isRegularFile(request.zip())) {
            throw new PrezipException(ErrorCode.PZ_ZIP_MISSING, request.zip() + " does not exist or is not a file: "
                    + ErrorCode.PZ_ZIP_MISSING.advice());
        }
        if (request.since() != null) {
            PreviousDelivery.locate(request.since(), null); // a --since naming no file is said before the zip is read
        }
        ZipVerifier.Request loaded = load(request);
        ZipVerifier.Result result;
        Progress progress = request.progress().get();
        try {
            result = ZipVerifier.verify(loaded, progress);
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_IO, "cannot read while verifying " + request.zip() + ": " + IoErrors.describe(e), e);
        } finally {
            progress.finish();
        }
        VerifyReport report = VerifyReport.of(result);
        return request.since() == null ? report : report.withChanges(SinceChanges.between(request.since(), request.zip(),
                request.manifest() != null ? request.manifest() : ZipManifest.pathFor(request.zip()), report));
    }

    /**
     * The preset the manifest names, from the data folder, when the folder has it with the bytes the delivery
     * was judged with (its sha256); else null, and the delivery is held to the global bans alone, as before
     * presets were read here. A manifest that cannot be read is null too: the checks say why.
     */
    private static PolicyPreset presetOf(Path manifestFile, Path zip, DataDir data) {
        try {
            if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            PolicyPreset.Applied named = ZipManifest.read(manifestFile, ZipManifest.maxBytesFor(Files.size(zip)), entry -> { }).policy();
            PolicyPreset preset = named == null ? null : PolicyPreset.load(data, named.name());
            return preset != null && preset.applied().sha256().equals(named.sha256()) ? preset : null;
        } catch (PrezipException | IOException e) {
            return null;
        }
    }

    /** The inputs the request names, loaded from the data folder only when a check needs one of them. */
    private static ZipVerifier.Request load(Request request) {
        Path manifestFile = request.manifest() != null ? request.manifest() : ZipManifest.pathFor(request.zip());
        Classifier projectPolicy = null;
        BanRules bans = null;
        ContentScan contentScan = null;
        TypePolicy types = null;
        if (request.projectId() != null || request.contentDir() != null || request.scanSecrets()) {
            DataDir data = request.dataDir().get().requireReadable();
            ProjectId id = request.projectId() == null ? null : new ProjectId(request.projectId());
            PolicyPreset preset = null;
            if (request.projectId() != null || request.contentDir() != null) {
                bans = BanRules.load(data.globalBans());
                // The delivery was judged with its manifest's preset too: what that left out is neither shipped wrongly nor missing.
                preset = presetOf(manifestFile, request.zip(), data);
                if (preset != null) {
                    bans = bans.plus(preset.bans());
                }
            }
            if (id != null) {
                projectPolicy = new Classifier(new AllowlistStore(data).load(id).eligibleExtensions(), bans,
                        preset != null && preset.refuseLongPaths());
            }
            if (bans != null) {
                types = new TypePolicy(ContentTypes.load(data), bans.groupByFamily(),
                        id == null ? Set.of() : AcceptedContainers.load(data, id).extensions(), preset != null && preset.refuseTypeMismatch());
            }
            if (request.scanSecrets()) {
                contentScan = new ContentScan(SecretRules.load(SecretRules.fileIn(data)),
                        id == null ? SecretApprovals.none() : SecretApprovals.load(data, id), ZipPolicyV1::isStored);
            }
        }
        Path root = null;
        if (request.contentDir() != null) {
            request.requireUtf8FileNames().run();
            root = TreeScanner.requireDirectory(request.contentDir());
        }
        PublicKey key = request.publicKey() == null ? null : ManifestSignature.loadPublicKey(request.publicKey());
        return new ZipVerifier.Request(request.zip(), manifestFile, root, projectPolicy, bans, key, contentScan, request.rebuild(), types);
    }
}
