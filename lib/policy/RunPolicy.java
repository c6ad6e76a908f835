package policy;

import datadir.DataDir;
import datadir.DataFile;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import io.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import provenance.RunRecord;
import secrets.ContentScan;
import secrets.SecretApprovals;
import secrets.SecretRules;
import types.AcceptedContainers;
import types.ContentTypes;
import types.TypePolicy;

/**
 * Everything from the data folder that decides a stager run, loaded once: the project's allowlist, the
 * global bans (the data folder's, else the built-in ones) with a preset's added on top, the companion and empty-folder rules the preset may tighten,
 * the content scan (rules and the project's approvals) with the content types check (the table, the ban groups' families,
 * the project's accepted containers), and each of those files with its sha256 for the
 * run's provenance.
 *
 * @param preset the preset applied, or null
 */
public record RunPolicy(Allowlist allowlist, PolicyPreset preset, BanRules bans, CompanionMode companionMode,
                        boolean forbidEmptyDirs, ContentScan contentScan, List<RunRecord.Input> inputs) {

    public RunPolicy {
        inputs = List.copyOf(inputs);
    }

    /**
     * @param presetName DATA/policies/NAME.json to apply, or null
     * @param stored whether a path's type is STORED in the zip (its bytes are scanned only by binary rules)
     */
    public static RunPolicy load(DataDir data, ProjectId id, String presetName, CompanionMode companions,
                                 boolean forbidEmptyDirs, Predicate<String> stored) {
        // The types table is read on a thread of its own while the other files are read here: a cold JVM takes
        // 25-55 ms over its 62 types, which the second core hides.
        FutureTask<ContentTypes> typesLoad = new FutureTask<>(() -> ContentTypes.load(data));
        DaemonThreads.named("prezip-types-load").newThread(typesLoad).start();
        AllowlistStore.Read read = new AllowlistStore(data).read(id);
        Allowlist allowlist = read.allowlist();
        PolicyPreset preset = presetName == null ? null : PolicyPreset.load(data, presetName);
        DataFile bansFile = data.globalBans();
        BanRules bans = BanRules.load(bansFile);
        DataFile rulesFile = SecretRules.fileIn(data);
        SecretRules rules = SecretRules.load(rulesFile);
        ContentTypes types = awaited(typesLoad);
        AcceptedContainers containers = AcceptedContainers.load(data, id);
        List<RunRecord.Input> inputs = new ArrayList<>();
        // The digests of the bytes each input was parsed from, not of the files read again; a built-in copy
        // is named as such.
        inputs.add(new RunRecord.Input("allowlist", absolute(read.file()), read.sha256(), allowlist.snapshotAt()));
        inputs.add(new RunRecord.Input("global_bans", bansFile.shown(), bansFile.sha256(), null));
        if (preset != null) {
            inputs.add(new RunRecord.Input("preset", preset.source(), preset.applied().sha256(), null));
            bans = bans.plus(preset.bans());
            companions = companions.stricter(preset.companions());
            forbidEmptyDirs |= preset.forbidEmptyDirs();
        }
        TypePolicy typePolicy = new TypePolicy(types, bans.groupByFamily(), containers.extensions(),
                preset != null && preset.refuseTypeMismatch());
        ContentScan contentScan = new ContentScan(rules, SecretApprovals.load(data, id), stored, typePolicy);
        inputs.add(new RunRecord.Input("secret_rules", rulesFile.shown(), rulesFile.sha256(), null));
        inputs.add(new RunRecord.Input("secrets_allow", absolute(contentScan.approvals().file()), contentScan.approvals().sha256(), null));
        inputs.add(new RunRecord.Input("content_types", types.shown(), types.sha256(), null));
        inputs.add(new RunRecord.Input("containers", absolute(containers.file()), containers.sha256(), null));
        return new RunPolicy(allowlist, preset, bans, companions, forbidEmptyDirs, contentScan, inputs);
    }

    /** The table read on its own thread; its failure (a bad table is a PrezipException) is this thread's. */
    private static ContentTypes awaited(FutureTask<ContentTypes> load) {
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PrezipException(ErrorCode.PZ_INTERNAL, "interrupted while reading the content types", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new PrezipException(ErrorCode.PZ_INTERNAL, "reading the content types failed: " + e.getCause(), e.getCause());
        }
    }

    private static String absolute(java.nio.file.Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    public Classifier classifier() {
        return new Classifier(allowlist.eligibleExtensions(), bans, preset != null && preset.refuseLongPaths());
    }

    /** What the report and manifest say of the preset, or null. */
    public PolicyPreset.Applied appliedPreset() {
        return preset == null ? null : preset.applied();
    }
}
