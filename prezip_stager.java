///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES lib/**/*.java
// The shipped data files travel inside the command: a data folder without them uses these (datadir/DataFile).
//FILES data/global_bans.json=data/global_bans.json data/secret_rules.json=data/secret_rules.json
//FILES data/content_types.json=data/content_types.json
//FILES data/policies/default.json=data/policies/default.json data/policies/strict.json=data/policies/strict.json
// Dependencies are pinned once, in lib/ (//DEPS lines of cli/Cli.java and json/Json.java), and so
// are the JVM options (//JAVA_OPTIONS of cli/Cli.java).

import cli.Cli;
import cli.CommonOptions;
import commit.Packer;
import datadir.DataDir;
import datadir.ProjectId;
import delivery.CapabilityPreview;
import delivery.Delivery;
import delivery.DeliveryOutcome;
import delivery.DeliveryRequest;
import delivery.Notice;
import delivery.SecretApproval;
import errors.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policy.CompanionMode;
import policy.PolicyPreset;
import provenance.Toolkit;
import report.StagerReport;
import report.SummaryPrinter;
import types.AcceptedContainers;

@Command(name = "prezip_stager", mixinStandardHelpOptions = true, versionProvider = Toolkit.Version.class,
        description = {
                "Show which files of a content folder may ship to the client, and why others may not.",
                "Dry-run by default: writes nothing. --commit stages the eligible files and writes a deterministic zip."})
public class prezip_stager implements Callable<Integer> {
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

    @Option(names = "--since", paramLabel = "PATH",
            description = "Compare with this earlier delivery (its zip, or its manifest) instead of the zip at --output-zip:"
                    + " what was added, removed and changed since.")
    Path since;

    @Option(names = "--no-reuse",
            description = "With --commit: deflate every entry, copying nothing from the zip being replaced (the bytes are the same).")
    boolean noReuse;

    @Option(names = "--approve-secret", paramLabel = "FINGERPRINT",
            description = "Approve one credential finding of this content folder (a false positive) by its fingerprint, with --note; "
                    + "writes DATA/projects/<ID>_secrets_allow.json and exits. An approved finding ships and is listed as approved.")
    String approveSecret;

    @Option(names = "--accept-container", paramLabel = "EXT",
            description = "Accept EXT as a name of an archive for this project (a .sketch export, a .cbz), with --note; writes "
                    + "DATA/projects/<ID>_containers.json and exits. An archive so named then ships (unless a preset bans archives).")
    String acceptContainer;

    @Option(names = "--note", paramLabel = "TEXT", description = "With --approve-secret: why the finding is no secret; with --accept-container:"
            + " why the project ships archives so named (recorded with who and when).")
    String note;

    @Option(names = "--preview-capability", paramLabel = "NAME",
            description = "Print the metadata record of a capability (zip_packaging) as JSON and exit.")
    String previewCapability;

    public static void main(String... args) {
        System.exit(Cli.execute(Cli.commandLine(new prezip_stager()), args));
    }

    @Override
    public Integer call() {
        if (previewCapability != null) {
            return preview(previewCapability);
        }
        if (acceptContainer != null) {
            return acceptedContainer();
        }
        DeliveryRequest request = request();
        if (approveSecret != null) {
            return approved(SecretApproval.approve(request, approveSecret, note));
        }
        DeliveryOutcome outcome = Delivery.run(request);
        emit(outcome.report());
        if (outcome.error() != null) {
            Cli.printError(spec.commandLine().getErr(), spec.name(), outcome.error().code(), outcome.error().getMessage());
            return outcome.exitCode();
        }
        if (outcome.manifest() != null && common.human()) {
            SummaryPrinter.printDelivered(outcome.report().delivery(), outcome.manifest(), outcome.hookFiles(),
                    spec.commandLine().getOut());
        }
        outcome.timings().lap("summary");
        if (common.verbose) {
            outcome.timings().print(spec.commandLine().getErr());
        }
        return ExitCode.OK;
    }

    /** The options as one request, refused here when they cannot go together. */
    private DeliveryRequest request() {
        Cli.requireUtf8FileNames();
        Cli.requireOptions(new Object[] {projectId, "--project-id"}, new Object[] {contentDir, "--content-dir"},
                new Object[] {approveSecret != null ? "" : outputZip, "--output-zip"});
        return new DeliveryRequest(new ProjectId(projectId), contentDir, outputZip, commit, allowUnknown, forbidEmptyDirs, mkdirs, policyName,
                companions, signKeyFile, threads, htmlPath, namesOnly, common.dataDir(), common.dataDirArgument(),
                spec.commandLine().getParseResult().originalArgs(), common::progress, this::say, since, noReuse);
    }

    /** A notice of the run on stderr, as its kind asks: --quiet leaves only errors, and a log line is for logs. */
    private void say(Notice notice) {
        PrintWriter err = spec.commandLine().getErr();
        if (notice.kind() == Notice.Kind.ERROR) {
            Cli.printError(err, spec.name(), notice.code(), notice.text());
        } else if (!common.quiet && (notice.kind() == Notice.Kind.SAID || !common.stderrIsTerminal())) {
            err.println(notice.kind() == Notice.Kind.SAID ? spec.name() + ": " + notice.text() : notice.text());
            err.flush();
        }
    }

    private void emit(StagerReport report) {
        common.print(spec.commandLine().getOut(), report, out -> SummaryPrinter.print(report, out, common.ansi()));
    }

    private int approved(SecretApproval.Approved approved) {
        return printed(approved.finding(), "Approved " + approved.finding().fingerprint() + " (" + approved.finding().rule() + " at "
                + approved.finding().location() + ") in " + approved.file());
    }

    private int acceptedContainer() {
        Cli.requireOptions(new Object[] {projectId, "--project-id"});
        ProjectId id = new ProjectId(projectId);
        DataDir data = common.dataDir().requireReadable();
        AcceptedContainers.Accepted accepted = AcceptedContainers.accept(data, id, acceptContainer, note);
        return printed(accepted, "Accepted ." + accepted.extension() + " as an archive's name for project " + id + " in "
                + AcceptedContainers.pathFor(data, id));
    }

    /** What a command that records one thing wrote: as JSON with --json, else one line unless --quiet. */
    private int printed(Object written, String line) {
        common.print(spec.commandLine().getOut(), written, out -> out.println(line));
        return ExitCode.OK;
    }

    private int preview(String name) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(Json.write(CapabilityPreview.of(name)));
        out.flush();
        return ExitCode.OK;
    }
}
