///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES lib/**/*.java
// The shipped data files travel inside the command: a data folder without them uses these (cli/DataFile).
//FILES data/global_bans.json=data/global_bans.json data/secret_rules.json=data/secret_rules.json
//FILES data/policies/default.json=data/policies/default.json data/policies/strict.json=data/policies/strict.json
// Dependencies are pinned once, in lib/ (//DEPS lines of cli/Cli.java, cli/Json.java, zip/ZipPolicyV1.java), and so
// are the JVM options (//JAVA_OPTIONS of cli/Cli.java).

import cli.Cli;
import cli.CommonOptions;
import commit.Committer;
import commit.OutputLock;
import commit.OutputZip;
import commit.Packer;
import console.Progress;
import console.Timings;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.ExitCode;
import errors.PrezipException;
import io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policy.Classification;
import policy.Classifier;
import policy.CompanionMode;
import policy.Companions;
import policy.Decision;
import policy.PolicyPreset;
import policy.RunPolicy;
import provenance.RunRecord;
import provenance.Toolkit;
import report.DashboardLog;
import report.DashboardPage;
import report.HtmlReport;
import report.ProjectManifest;
import report.Refusals;
import report.StagerReport;
import report.SummaryPrinter;
import scan.ScannedEntry;
import scan.TreeScanner;
import secrets.ContentScan;
import secrets.SecretApprovals;
import secrets.SecretFinding;
import secrets.SecretsFound;
import text.Bytes;
import text.Counts;
import zip.ChecksumFile;
import zip.ManifestSignature;
import zip.ZipManifest;
import zip.ZipPackagingMetadataV1;
import zip.ZipPolicyV1;

@Command(name = "prezip_stager", mixinStandardHelpOptions = true, versionProvider = Toolkit.Version.class,
        description = {
                "Show which files of a content folder may ship to the client, and why others may not.",
                "Dry-run by default: writes nothing. --commit stages the eligible files and writes a deterministic zip."})
public class prezip_stager implements Callable<Integer> {
    /** The one capability the spec's preview shell knows. */
    static final String ZIP_PACKAGING = "zip_packaging";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--project-id", paramLabel = "ID", description = "Project id; its allowlist is DATA/projects/<ID>_allowed_ext.json.")
    String projectId;

    @Option(names = "--content-dir", paramLabel = "DIR", description = "The content folder to deliver from (never modified).")
    Path contentDir;

    @Option(names = "--output-zip", paramLabel = "ZIP", description = "Where the zip goes (a name ending in .zip); the report is <ZIP>.report.json.")
    Path outputZip;

    @Option(names = "--allow-unknown", description = "Leave out disallowed files instead of refusing the run.")
    boolean allowUnknown;

    @Option(names = "--commit", description = "Copy the eligible files to staging and write the zip (default: dry-run).")
    boolean commit;

    @Option(names = "--forbid-empty-dirs", description = "With --commit: refuse when a folder would end up with no eligible files.")
    boolean forbidEmptyDirs;

    @Option(names = "--mkdirs", description = "Create the output zip's folder if it does not exist (a dry-run only checks that it could).")
    boolean mkdirs;

    @Option(names = "--policy", paramLabel = "NAME", completionCandidates = PolicyPreset.ShippedNames.class,
            description = "Apply the preset DATA/policies/NAME.json on top of the global bans (it can only add restrictions).")
    String policyName;

    @Option(names = "--companions", paramLabel = "MODE", defaultValue = "warn", completionCandidates = CompanionMode.Codes.class,
            description = "Split companion groups (same folder and stem): off, warn (default) or strict (refuse).")
    String companions;

    @Option(names = "--sign-key", paramLabel = "PEM",
            description = "With --commit: sign the manifest with this Ed25519 PKCS#8 private key (the signature goes beside the manifest, as .sig).")
    Path signKeyFile;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads for --commit and the dry-run's content scan (default: two per core, at least four: "
                    + "creating and opening files is latency-bound).")
    int threads = Packer.defaultThreads();

    @Option(names = "--html", paramLabel = "PATH",
            description = "Also write the HTML report to PATH (on a dry-run, the only file written; a commit always writes <ZIP>.report.html).")
    Path htmlPath;

    @Option(names = "--names-only",
            description = "Dry-run only: judge by names, without reading the files' content for credentials (the summary and report say so).")
    boolean namesOnly;

    @Option(names = "--approve-secret", paramLabel = "FINGERPRINT",
            description = "Approve one credential finding of this content folder (a false positive) by its fingerprint, with --note; "
                    + "writes DATA/projects/<ID>_secrets_allow.json and exits. An approved finding ships and is listed as approved.")
    String approveSecret;

    @Option(names = "--note", paramLabel = "TEXT", description = "With --approve-secret: why the finding is no secret (recorded with who and when).")
    String note;

    @Option(names = "--preview-capability", paramLabel = "NAME",
            description = "Print the metadata record of a capability (zip_packaging) as JSON and exit.")
    String previewCapability;

    public static void main(String... args) {
        System.exit(Cli.execute(Cli.commandLine(new prezip_stager()), args));
    }

    /** The status line on a terminal (none otherwise): cleared before anything else is printed. */
    private Progress progress = Progress.NONE;

    /** The zip's lock while this run holds it (a stop then writes its reports under it). */
    private OutputLock heldLock;

    @Override
    public Integer call() {
        try {
            return run();
        } finally {
            progress.finish();
        }
    }

    private int run() {
        if (previewCapability != null) {
            return preview(previewCapability);
        }
        long started = System.nanoTime();
        Timings timings = new Timings();
        Cli.requireUtf8FileNames();
        Cli.requireOptions(new Object[] {projectId, "--project-id"}, new Object[] {contentDir, "--content-dir"},
                new Object[] {approveSecret != null ? "" : outputZip, "--output-zip"});
        if (approveSecret != null && (note == null || note.isBlank())) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--approve-secret needs --note TEXT: say why the finding is no secret");
        }
        if (namesOnly && (commit || approveSecret != null)) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--names-only is for a dry-run: a commit always scans the content it ships");
        }
        ProjectId id = new ProjectId(projectId);
        if (threads < 1) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--threads must be at least 1");
        }
        DataDir data = common.dataDir().requireReadable();
        RunPolicy policy = RunPolicy.load(data, id, policyName, CompanionMode.parse(companions), forbidEmptyDirs,
                ZipPolicyV1::isStored);
        ContentScan contentScan = policy.contentScan();
        RunRecord.Started run = new RunRecord.Started(Instant.now(), started, spec.commandLine().getParseResult().originalArgs(),
                allowUnknown, !namesOnly, policy.inputs());
        PrivateKey signKey = signKeyFile == null ? null : ManifestSignature.loadPrivateKey(signKeyFile);
        Path root = TreeScanner.requireDirectory(contentDir);
        if (approveSecret != null) {
            return approve(id, root, policy);
        }
        Path zip = OutputZip.validate(outputZip, root, commit, mkdirs);
        Path html = htmlPath == null ? null : HtmlReport.validateTarget(htmlPath, root);
        long fixedEpochMs = commit ? ZipPolicyV1.fixedEpochMs() : ZipPolicyV1.DEFAULT_EPOCH_MS;

        progress = common.progress("scan").onInterrupt(!commit ? "a dry-run writes nothing; nothing was changed"
                : "nothing was shipped; " + (java.nio.file.Files.exists(zip) ? zip + " and the files beside it are as they were"
                : "no zip was written"));
        timings.lap("start+load");
        TreeScanner.ScanResult scan = TreeScanner.scan(root, progress);
        timings.lap("scan");
        Classifier classifier = policy.classifier();
        Classification classification = Classification.of(scan, classifier);
        timings.lap("classify");
        // A commit scans the content in the pass that copies it; a dry-run reads the eligible files for it.
        List<SecretFinding> secrets = null;
        if (!commit && !namesOnly) {
            secrets = contentScan.scanFiles(eligibleEntries(classification), threads, progress.next("secrets"));
            classification = classification.withSecrets(secrets);
            timings.lap("secrets");
        }
        List<Companions.SplitGroup> splitGroups = policy.companionMode() == CompanionMode.OFF
                ? List.of() : Companions.splitGroups(classification);
        timings.lap("companions");
        ReportMaker reportOf = (judged, found) -> StagerReport.of(id, scan.root().toString(), zip.toString(),
                commit ? StagerReport.COMMIT : StagerReport.DRY_RUN, judged,
                policy.appliedPreset(), policy.companionMode(), splitGroups, found, allowUnknown);
        StagerReport report = reportOf.make(classification, secrets);

        timings.lap("report");
        if (!report.refusedSecrets().isEmpty()) {
            return stop(report, html, new SecretsFound(secrets), data, zip, run);
        }
        var refusals = classification.refusals(allowUnknown);
        if (!refusals.isEmpty()) {
            Map<String, String> reasonOfPath = new LinkedHashMap<>();
            refusals.forEach(item -> reasonOfPath.put(item.entry().relativePath(), ((Decision.Excluded) item.decision()).reason().code()));
            return stop(report, html, new PrezipException(ErrorCode.PZ_REFUSED, Refusals.message(reasonOfPath, allowUnknown,
                    "./jbang inventory --project-id " + id + common.dataDirArgument())), data, zip, run);
        }
        List<String> emptyFolders = policy.forbidEmptyDirs() ? classification.foldersLeftEmpty(scan.directories()) : List.of();
        if (!emptyFolders.isEmpty()) {
            return stop(report, html, new PrezipException(ErrorCode.PZ_INVARIANT, Counts.of(emptyFolders.size(), "folder", "folders")
                    + " would reach the client empty (--forbid-empty-dirs): "
                    + String.join(", ", emptyFolders.stream().limit(SummaryPrinter.PATHS_PER_REASON).toList())), data, zip, run);
        }
        if (policy.companionMode() == CompanionMode.STRICT && !splitGroups.isEmpty()) {
            return stop(report, html, new PrezipException(ErrorCode.PZ_COMPANIONS_SPLIT, Counts.of(splitGroups.size(),
                    "companion group", "companion groups") + " would be split: " + ErrorCode.PZ_COMPANIONS_SPLIT.advice()), data, zip, run);
        }
        if (!commit) {
            try {
                requireCommitCanStart(zip, data, id);
            } catch (PrezipException e) {
                return stop(report, html, e, data, zip, run);
            }
            StagerReport done = report.withRun(run.end());
            if (html != null) {
                AtomicFiles.write(html, out -> HtmlReport.write(done, null, out));
            }
            emit(done);
            timings.lap("summary");
            printTimings(timings);
            return ExitCode.OK;
        }
        Classification decided = classification;
        Committer.Reports reports = (manifest, approved) -> {
            StagerReport delivered = reportOf.make(decided, approved).withRun(manifest.run())
                    .withDelivery(delivery(zip, manifest, signKey != null, html));
            return Map.of(StagerReport.pathFor(zip), out -> Json.writeTo(delivered, out),
                    HtmlReport.pathFor(zip), out -> HtmlReport.write(delivered, manifest, out));
        };
        Committer.Plan plan = new Committer.Plan(scan, classification, classifier, fixedEpochMs, policy.forbidEmptyDirs(),
                report.policy(), signKey, threads, progress.next("folders"), timings, contentScan, run, reports);
        // The lock is held until the reports and hooks are written: a run that takes it next may then sweep
        // every temp file beside the zip as a killed run's leftover.
        OutputLock held;
        try {
            held = OutputLock.acquire(zip.toAbsolutePath().normalize());
        } catch (PrezipException e) {
            return stop(report, html, e, data, zip, run);
        }
        try (held) {
            heldLock = held;
            return commitHoldingTheLock(plan, zip, html, data, id, run, reportOf, classification, report, started, timings, signKey);
        } finally {
            heldLock = null;
        }
    }

    /** The commit, its reports and hooks: under the zip's lock, whatever the outcome. */
    private int commitHoldingTheLock(Committer.Plan plan, Path zip, Path html, DataDir data, ProjectId id, RunRecord.Started run,
                                     ReportMaker reportOf, Classification classification, StagerReport report, long started,
                                     Timings timings, PrivateKey signKey) {
        ZipManifest manifest;
        try {
            // The hooks run after the zip is in place: a hook that cannot run must stop the commit first.
            ProjectManifest.requireUpdatable(data, id);
            DashboardLog.requireWritable(data);
            Committer.Committed committed = Committer.commit(plan, zip);
            // The commit's steps are over: what follows prints, and the status line must not be in its way.
            progress.finish();
            manifest = committed.manifest();
            if (committed.finishedInterrupted() >= 0 && !common.quiet) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("prezip_stager: an earlier commit to " + zip + " was killed while putting its delivery into place;"
                        + " it was finished first (" + Counts.of(committed.finishedInterrupted(), "file", "files")
                        + " moved into place), then replaced");
                err.flush();
            }
            report = reportOf.make(classification, committed.approvedSecrets()).withRun(manifest.run())
                    .withDelivery(delivery(zip, manifest, signKey != null, html));
        } catch (SecretsFound e) {
            return stop(reportOf.make(classification.withSecrets(e.findings()), e.findings()), html, e, data, zip, run);
        } catch (PrezipException e) {
            return stop(report, html, e, data, zip, run);
        }
        // The report and page beside the zip went into place with it; --html elsewhere gets its own copy.
        writeHtmlCopy(html, HtmlReport.pathFor(zip), report, manifest);
        StagerReport.Totals totals = report.totals();
        ProjectManifest.recordCommit(data, id, Instant.now(), new ProjectManifest.Metrics(totals.eligibleFiles(),
                totals.eligibleBytes(), totals.excludedByReason(), manifest.zipBytes(), manifest.zipSha256(),
                (System.nanoTime() - started) / 1_000_000));
        logAttempt(data, report, manifest.zipSha256());
        timings.lap("reports+hooks");
        emit(report);
        if (common.human()) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%nWrote %s%n  %s, %s%n  sha256 %s%n", zip, Counts.of(manifest.entries().size(), "entry", "entries"),
                    Bytes.human(manifest.zipBytes()), manifest.zipSha256());
            // One file a line: a narrow terminal wraps a long list mid-name.
            out.println("  beside it:");
            List<String> files = report.delivery().filesWritten();
            files.stream().skip(1).filter(f -> Path.of(f).getParent().equals(zip.getParent()))
                    .forEach(f -> out.printf("    %s%n", Path.of(f).getFileName()));
            files.stream().skip(1).filter(f -> !Path.of(f).getParent().equals(zip.getParent()))
                    .forEach(f -> out.printf("  also: %s%n", f));
            out.printf("  updated:%n    %s%n    %s%n    %s%n", data.projectManifestFile(id), data.dashboardSummaryFile(),
                    DashboardPage.defaultPath(data));
            out.flush();
        }
        timings.lap("summary");
        printTimings(timings);
        return ExitCode.OK;
    }

    /**
     * What a commit checks before it stages anything, checked by a dry-run without writing: a dry-run that
     * says ok means the commit can start (the output folder and --mkdirs are checked with the zip's path).
     */
    private static void requireCommitCanStart(Path zip, DataDir data, ProjectId id) {
        OutputLock.requireFree(zip);
        ProjectManifest.requireUpdatable(data, id);
        AtomicFiles.requireWritableFolderFor(data.projectManifestFile(id), "the project manifest");
        AtomicFiles.requireWritableFolderFor(data.dashboardSummaryFile(), "the dashboard summary");
    }

    private void printTimings(Timings timings) {
        if (common.verbose) {
            timings.print(spec.commandLine().getErr());
        }
    }

    /** Ends a refused or failed run: report (written too on a commit), dashboard line, error line, exit code. */
    private int stop(StagerReport report, Path html, PrezipException error, DataDir data, Path zip, RunRecord.Started run) {
        StagerReport stopped = report.withStatus(
                error.exitCode() == ExitCode.REFUSED ? StagerReport.REFUSED : StagerReport.FAILED,
                new StagerReport.Problem(error.code().name(), error.getMessage())).withRun(run.end());
        // A commit turned away by the lock must not overwrite the reports of the run that holds it.
        boolean ownsReports = error.code() != ErrorCode.PZ_OUTPUT_LOCKED;
        if (commit) {
            if (ownsReports) {
                writeStoppedReports(zip, html, stopped);
            }
            try {
                logAttempt(data, stopped, null);
            } catch (PrezipException alsoFailed) {
                Cli.printError(spec.commandLine().getErr(), spec.name(), alsoFailed.code(),
                        "the dashboard line could not be written either: " + alsoFailed.getMessage());
            }
        } else if (html != null) {
            try {
                AtomicFiles.write(html, out -> HtmlReport.write(stopped, null, out));
            } catch (PrezipException alsoFailed) {
                Cli.printError(spec.commandLine().getErr(), spec.name(), alsoFailed.code(),
                        "the HTML report could not be written either: " + alsoFailed.getMessage());
            }
        }
        emit(stopped);
        Cli.printError(spec.commandLine().getErr(), spec.name(), error.code(), error.getMessage());
        return error.exitCode();
    }

    /**
     * A stopped commit's report and page beside the zip, together (through the delivery journal) and under
     * the zip's lock: a run refused before it took the lock takes it now, and if another commit holds it,
     * that run's reports stand and these are not written (said on stderr).
     */
    private void writeStoppedReports(Path zip, Path html, StagerReport stopped) {
        Map<Path, AtomicFiles.Content> reports = new LinkedHashMap<>();
        reports.put(HtmlReport.pathFor(zip), out -> HtmlReport.write(stopped, null, out));
        reports.put(StagerReport.pathFor(zip), out -> Json.writeTo(stopped, out));
        try {
            if (heldLock != null) {
                Committer.replaceReports(zip, reports);
            } else {
                try (OutputLock lock = OutputLock.acquire(zip.toAbsolutePath().normalize())) {
                    Committer.replaceReports(zip, reports);
                }
            }
            writeHtmlCopy(html, HtmlReport.pathFor(zip), stopped, null);
        } catch (PrezipException alsoFailed) {
            Cli.printError(spec.commandLine().getErr(), spec.name(), alsoFailed.code(), alsoFailed.code() == ErrorCode.PZ_OUTPUT_LOCKED
                    ? "another commit to " + zip + " is running: its reports stand, this run's report is printed only"
                    : "the report and HTML report could not be written either: " + alsoFailed.getMessage());
        }
    }

    /** Every file a commit writes, the zip first: what its JSON and summary name. */
    private static StagerReport.Delivery delivery(Path zip, ZipManifest manifest, boolean signed, Path html) {
        List<Path> files = new java.util.ArrayList<>(List.of(zip, ZipManifest.pathFor(zip), ChecksumFile.pathFor(zip),
                StagerReport.pathFor(zip), HtmlReport.pathFor(zip)));
        if (signed) {
            files.add(ManifestSignature.pathFor(ZipManifest.pathFor(zip)));
        }
        if (html != null && !files.contains(html)) {
            files.add(html);
        }
        return new StagerReport.Delivery(zip.toString(), manifest.zipBytes(), manifest.zipSha256(),
                files.stream().map(Path::toString).toList());
    }

    /** The copy of the HTML report that --html asked for, where it is not the page beside the zip. */
    private static void writeHtmlCopy(Path html, Path besideZip, StagerReport report, ZipManifest manifest) {
        if (html != null && !html.equals(besideZip)) {
            // Rendered again, not copied from beside the zip: once the zip's lock is released, another
            // run may already have replaced that page.
            AtomicFiles.write(html, out -> HtmlReport.write(report, manifest, out));
        }
    }

    /**
     * The dashboard hook: one line per commit attempt, in the data dir, and on stderr for the operator's
     * log when stderr is one (on a terminal it would only cut through the summary, which names the file);
     * then the dashboard page is rendered again, so it is never older than the last commit.
     */
    private void logAttempt(DataDir data, StagerReport report, String zipSha256) {
        StagerReport.Totals totals = report.totals();
        List<String> secrets = report.refusedSecrets().stream().limit(DashboardLog.SECRETS_PER_LINE)
                .map(f -> f.location() + " " + f.rule()).toList();
        String line = DashboardLog.append(data, new DashboardLog.Line(Instant.now().toString(), report.projectId(),
                report.status(), totals.eligibleFiles(), totals.eligibleBytes(), totals.excludedByReason(), zipSha256,
                report.outputZip(), report.error() == null ? null : report.error().code(), secrets.isEmpty() ? null : secrets));
        if (!common.quiet && !common.stderrIsTerminal()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(line);
            err.flush();
        }
        try {
            long logBytes = java.nio.file.Files.size(data.dashboardSummaryFile());
            if (logBytes <= DashboardPage.REFRESH_MAX_LOG_BYTES) {
                DashboardPage.write(DashboardPage.read(data.dashboardSummaryFile()), DashboardPage.defaultPath(data), Instant.now());
            } else if (!common.quiet) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("prezip_stager: the dashboard page was not refreshed (" + data.dashboardSummaryFile() + " is "
                        + Bytes.human(logBytes) + "); run dashboard to render it");
                err.flush();
            }
        } catch (java.io.IOException | PrezipException e) {
            // The page is a view of the log, whose line is written: a page that cannot be refreshed is said, not fatal.
            Cli.printError(spec.commandLine().getErr(), spec.name(), e instanceof PrezipException p ? p.code() : ErrorCode.PZ_IO,
                    "the dashboard page could not be refreshed: " + e.getMessage());
        }
    }

    /** Builds the report from a classification and the content scan's findings (null: not scanned). */
    private interface ReportMaker {
        StagerReport make(Classification classification, List<SecretFinding> secrets);
    }

    private static List<ScannedEntry> eligibleEntries(Classification classification) {
        return classification.eligible().stream().map(Classification.Item::entry).toList();
    }

    /**
     * --approve-secret: scans the content as a dry-run would, and records the approval of the finding with
     * that fingerprint (who, when, why). A fingerprint the content does not produce is refused: an
     * approval always names a finding someone has seen.
     */
    private int approve(ProjectId id, Path root, RunPolicy policy) {
        ContentScan contentScan = policy.contentScan();
        String wanted = approveSecret.strip().toLowerCase(java.util.Locale.ROOT);
        if (!wanted.matches("[0-9a-f]{" + SecretFinding.SHORT_FINGERPRINT_CHARS + ",64}")) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--approve-secret takes a fingerprint (or its first "
                    + SecretFinding.SHORT_FINGERPRINT_CHARS + "+ hex digits) as the dry-run lists it");
        }
        progress = common.progress("scan");
        TreeScanner.ScanResult scan = TreeScanner.scan(root, progress);
        Classification classification = Classification.of(scan, policy.classifier());
        List<SecretFinding> matching = contentScan.scanFiles(eligibleEntries(classification), threads, progress.next("secrets"))
                .stream().filter(f -> f.approvable() && f.fingerprint().startsWith(wanted)).toList();
        if (matching.stream().map(SecretFinding::fingerprint).distinct().count() != 1) {
            throw new PrezipException(ErrorCode.PZ_SECRET_NOT_FOUND, (matching.isEmpty() ? "no" : "more than one")
                    + " credential finding in " + root + " has a fingerprint starting " + wanted + ": "
                    + ErrorCode.PZ_SECRET_NOT_FOUND.advice());
        }
        progress.finish();
        SecretFinding finding = matching.get(0);
        String fingerprint = finding.fingerprint();
        contentScan.approvals().with(id, new SecretApprovals.Approval(fingerprint, finding.rule(), finding.path(), note.strip(),
                System.getProperty("user.name"), Instant.now().toString()));
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.print(Json.write(finding));
        } else if (!common.quiet) {
            out.printf("Approved %s (%s at %s) in %s%n", fingerprint, finding.rule(), finding.location(),
                    contentScan.approvals().file());
        }
        out.flush();
        return ExitCode.OK;
    }

    private int preview(String name) {
        if (!ZIP_PACKAGING.equals(name)) {
            throw new PrezipException(ErrorCode.KC_DRAFT_PREVIEW_UNKNOWN_CAPABILITY,
                    "unknown capability '" + name + "'; known: " + ZIP_PACKAGING);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(Json.write(ZipPackagingMetadataV1.current(ZipPolicyV1.fixedEpochMs())));
        out.flush();
        return ExitCode.OK;
    }

    private void emit(StagerReport report) {
        progress.finish();
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.print(Json.write(report));
            out.flush();
        } else if (!common.quiet) {
            SummaryPrinter.print(report, out, common.ansi());
        }
    }
}
