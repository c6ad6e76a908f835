package report;

import changes.DeliveryChanges;
import datadir.ProjectId;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import policy.Classification;
import policy.CompanionMode;
import policy.Companions;
import policy.Decision;
import policy.LongPaths;
import policy.PolicyPreset;
import provenance.RunRecord;
import scan.EntryName;
import scan.ScannedEntry;
import secrets.NotScanned;
import secrets.SecretFinding;
import types.TypeFinding;

/**
 * The stager's report: printed by {@code --json} and written as {@code <zip>.report.json}. Field names
 * are the contract's; optional parts are null and so left out of the JSON. {@code secrets} lists every
 * credential the content scan found (approved ones too; null when content was not scanned), {@code notScanned}
 * the eligible files whose content it did not read and why (media, binary; null when content was not scanned),
 * {@code leftOutByAllowUnknown} how many files --allow-unknown left out that would otherwise have refused
 * the run (null without it), {@code names} how the eligible files' names reach the client, {@code typeMismatches} the
 * files that ship although their content contradicts their name (a warning; null when types were not checked), {@code run}
 * the run's provenance, {@code delivery} (a commit's) the zip's size and sha256 and every file the commit wrote.
 */
public record StagerReport(
        int schemaVersion,
        String projectId,
        String contentDir,
        String outputZip,
        String mode,
        String status,
        List<EligibleFile> eligible,
        List<ExcludedFile> excluded,
        Totals totals,
        PolicyPreset.Applied policy,
        String companionMode,
        List<Companions.SplitGroup> companions,
        Problem error,
        List<SecretFinding> secrets,
        Boolean contentScanned,
        List<NotScanned> notScanned,
        Integer leftOutByAllowUnknown,
        Names names,
        List<TypeMismatch> typeMismatches,
        RunRecord run,
        Delivery delivery,
        DeliveryChanges changes) {

    /** Bumped when a field changes meaning or goes away; adding fields does not bump it. */
    static final int SCHEMA_VERSION = 1;
    public static final String DRY_RUN = "dry-run";
    public static final String COMMIT = "commit";
    static final String OK = "ok";
    public static final String REFUSED = "refused";
    public static final String FAILED = "failed";

    /** A report without changes: a first delivery's, or a run's that stopped. */
    public StagerReport(int schemaVersion, String projectId, String contentDir, String outputZip, String mode, String status,
                        List<EligibleFile> eligible, List<ExcludedFile> excluded, Totals totals, PolicyPreset.Applied policy,
                        String companionMode, List<Companions.SplitGroup> companions, Problem error, List<SecretFinding> secrets,
                        Boolean contentScanned, List<NotScanned> notScanned, Integer leftOutByAllowUnknown, Names names,
                        List<TypeMismatch> typeMismatches, RunRecord run, Delivery delivery) {
        this(schemaVersion, projectId, contentDir, outputZip, mode, status, eligible, excluded, totals, policy, companionMode,
                companions, error, secrets, contentScanned, notScanned, leftOutByAllowUnknown, names, typeMismatches, run, delivery, null);
    }

    /**
     * @param hardLinks the file's link count when above 1 (the same bytes exist under another name), else null
     * @param entryName the name it ships under when that is not {@code path} (composed: {@link EntryName}), else null
     */
    record EligibleFile(String path, long bytes, String extension, Integer hardLinks, String entryName) {
        static EligibleFile of(Classification.Item item) {
            ScannedEntry entry = item.entry();
            String name = EntryName.of(entry.relativePath());
            return new EligibleFile(entry.relativePath(), entry.size(), ((Decision.Included) item.decision()).extension(),
                    entry.links() > 1 ? entry.links() : null, name.equals(entry.relativePath()) ? null : name);
        }
    }

    /**
     * The eligible files' names as the client gets them: how many ship composed (NFC) from another form, and
     * the paths longer than Windows extracts inside a typical folder (null when there are none).
     */
    public record Names(int composed, LongPathsFound longPaths) {
        static Names of(List<Classification.Item> eligible) {
            int composed = 0;
            int longPaths = 0;
            String longest = null;
            int longestLength = 0;
            for (Classification.Item item : eligible) {
                String path = item.entry().relativePath();
                String name = EntryName.of(path);
                composed += name.equals(path) ? 0 : 1;
                if (name.length() > LongPaths.MAX_CHARACTERS) {
                    longPaths++;
                    if (name.length() > longestLength) {
                        longest = path;
                        longestLength = name.length();
                    }
                }
            }
            return new Names(composed, longPaths == 0 ? null : new LongPathsFound(LongPaths.MAX_CHARACTERS, longPaths, longest, longestLength));
        }
    }

    /** A warning: {@code count} paths over {@code limit} characters, the longest ({@code longest}, a source path) of {@code longestCharacters}. */
    public record LongPathsFound(int limit, int count, String longest, int longestCharacters) {}

    public record ExcludedFile(String path, String reason, String detail) {}

    /** A file that ships although its bytes are not what its name says ({@code detected} null: no signature matched). */
    public record TypeMismatch(String path, String detected, String extension, String detail) {
        static List<TypeMismatch> of(List<TypeFinding> findings) {
            return findings.stream().filter(f -> !f.excluded())
                    .map(f -> new TypeMismatch(f.path(), f.detected(), f.extension(), f.detail())).toList();
        }
    }

    public record ExtensionTotal(int files, long bytes) {}

    public record Totals(int eligibleFiles, long eligibleBytes, Map<String, ExtensionTotal> byExtension,
                         Map<String, Integer> excludedByReason) {}

    /** A commit's output: the zip's size and digest, and every file written (the zip first). */
    public record Delivery(String zip, long zipBytes, String zipSha256, List<String> filesWritten) {}

    /** What stopped the run: a stable code and the message the operator saw. */
    public record Problem(String code, String message) {}

    /**
     * @param secrets the content scan's findings, or null when content was not scanned
     * @param notScanned the files the content scan did not read (null when content was not scanned)
     * @param types the type findings (null when types were not checked); the classification already leaves out those that exclude
     */
    public static StagerReport of(ProjectId id, String contentDir, String outputZip, String mode,
                                  Classification classification, PolicyPreset.Applied policy, CompanionMode companionMode,
                                  List<Companions.SplitGroup> companions, List<SecretFinding> secrets, List<NotScanned> notScanned,
                                  List<TypeFinding> types, boolean allowUnknown) {
        List<Classification.Item> eligibleItems = classification.eligible();
        // A view, not a copy: a commit keeps the report to its end, and each row is made when it is read.
        List<EligibleFile> eligible = new AbstractList<>() {
            @Override
            public EligibleFile get(int index) {
                return EligibleFile.of(eligibleItems.get(index));
            }

            @Override
            public int size() {
                return eligibleItems.size();
            }
        };
        List<ExcludedFile> excluded = classification.excluded().stream()
                .map(i -> {
                    Decision.Excluded ex = (Decision.Excluded) i.decision();
                    return new ExcludedFile(i.entry().relativePath(), ex.reason().code(), ex.detail());
                })
                .toList();
        Map<String, long[]> filesAndBytes = new HashMap<>();
        long bytes = 0;
        for (Classification.Item item : eligibleItems) {
            long[] sum = filesAndBytes.computeIfAbsent(((Decision.Included) item.decision()).extension(), k -> new long[2]);
            sum[0]++;
            sum[1] += item.entry().size();
            bytes += item.entry().size();
        }
        Map<String, ExtensionTotal> byExtension = new TreeMap<>();
        filesAndBytes.forEach((extension, sum) -> byExtension.put(extension, new ExtensionTotal((int) sum[0], sum[1])));
        Totals totals = new Totals(eligible.size(), bytes, byExtension, classification.excludedByReason());
        Integer leftOut = null;
        if (allowUnknown) {
            leftOut = classification.refusals(false).size() - classification.refusals(true).size();
        }
        return new StagerReport(SCHEMA_VERSION, id.value(), contentDir, outputZip, mode, OK,
                eligible, excluded, totals, policy, companionMode.code(), companions, null,
                secrets == null ? null : List.copyOf(secrets), secrets != null,
                secrets == null || notScanned == null ? null : List.copyOf(notScanned), leftOut, Names.of(eligibleItems),
                secrets == null || types == null ? null : TypeMismatch.of(types), null, null, null);
    }

    public static Path pathFor(Path zip) {
        return zip.resolveSibling(zip.getFileName() + ".report.json");
    }

    public StagerReport withStatus(String newStatus, Problem problem) {
        return new StagerReport(schemaVersion, projectId, contentDir, outputZip, mode, newStatus,
                eligible, excluded, totals, policy, companionMode, companions, problem, secrets, contentScanned,
                notScanned, leftOutByAllowUnknown, names, typeMismatches, run, delivery, changes);
    }

    /** This report with its run's provenance (the same record the manifest carries, on a commit). */
    public StagerReport withRun(RunRecord record) {
        return new StagerReport(schemaVersion, projectId, contentDir, outputZip, mode, status,
                eligible, excluded, totals, policy, companionMode, companions, error, secrets, contentScanned,
                notScanned, leftOutByAllowUnknown, names, typeMismatches, record, delivery, changes);
    }

    public StagerReport withDelivery(Delivery written) {
        return new StagerReport(schemaVersion, projectId, contentDir, outputZip, mode, status,
                eligible, excluded, totals, policy, companionMode, companions, error, secrets, contentScanned,
                notScanned, leftOutByAllowUnknown, names, typeMismatches, run, written, changes);
    }

    /** This report with what changed since the previous delivery. */
    public StagerReport withChanges(DeliveryChanges since) {
        return new StagerReport(schemaVersion, projectId, contentDir, outputZip, mode, status,
                eligible, excluded, totals, policy, companionMode, companions, error, secrets, contentScanned,
                notScanned, leftOutByAllowUnknown, names, typeMismatches, run, delivery, since);
    }

    /** Why content was not scanned, for people: by request (--names-only), or the run stopped before it read any. */
    public String notScannedBecause() {
        return run != null && !run.contentScanned() ? "--names-only: files were judged by name only"
                : "the run stopped before it read the files' content";
    }

    /** The findings that stop the run (not approved). */
    public List<SecretFinding> refusedSecrets() {
        return secrets == null ? List.of() : secrets.stream().filter(f -> !f.approved()).toList();
    }
}
