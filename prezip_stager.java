///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES lib/*.java
// Dependencies are pinned once, in lib/ (//DEPS lines of Cli.java, Json.java, ZipPolicyV1.java).

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "prezip_stager", mixinStandardHelpOptions = true, version = Toolkit.VERSION,
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

    @Option(names = "--output-zip", paramLabel = "ZIP", description = "Where the zip goes; the report is <ZIP>.report.json.")
    Path outputZip;

    @Option(names = "--allow-unknown", description = "Leave out disallowed files instead of refusing the run.")
    boolean allowUnknown;

    @Option(names = "--commit", description = "Copy the eligible files to staging and write the zip (default: dry-run).")
    boolean commit;

    public static void main(String... args) {
        System.exit(Cli.commandLine(new prezip_stager()).execute(args));
    }

    @Override
    public Integer call() {
        Cli.requireUtf8FileNames();
        requireOption(projectId, "--project-id");
        requireOption(contentDir, "--content-dir");
        requireOption(outputZip, "--output-zip");
        ProjectId id = new ProjectId(projectId);
        DataDir data = common.dataDir().requireReadable();
        Allowlist allowlist = new AllowlistStore(data).load(id);
        BanRules bans = BanRules.load(data.globalBansFile());

        TreeScanner.ScanResult scan = TreeScanner.scan(contentDir);
        Classification classification = Classification.of(scan, new Classifier(allowlist.eligibleExtensions(), bans));
        StagerReport report = StagerReport.of(id, scan.root().toString(), outputZip.toAbsolutePath().normalize().toString(),
                commit ? StagerReport.COMMIT : StagerReport.DRY_RUN, classification);

        var refusals = classification.refusals(allowUnknown);
        PrezipException refusal = refusals.isEmpty() ? null : new PrezipException(ErrorCode.PZ_REFUSED,
                refusals.size() + " file(s) may not ship (" + new Classification(refusals).excludedByReason() + "): "
                        + ErrorCode.PZ_REFUSED.advice());
        if (refusal != null) {
            report = report.withStatus(StagerReport.REFUSED, new StagerReport.Problem(refusal.code().name(), refusal.getMessage()));
        }
        if (commit) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--commit is not available yet");
        }
        emit(report);
        if (refusal != null) {
            Cli.printError(spec.commandLine().getErr(), spec.name(), refusal.code(), refusal.getMessage());
            return refusal.exitCode();
        }
        return ExitCode.OK;
    }

    private void emit(StagerReport report) {
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.print(Json.write(report));
            out.flush();
        } else {
            SummaryPrinter.print(report, out);
        }
    }

    private static void requireOption(Object value, String name) {
        if (value == null) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "missing required option " + name);
        }
    }
}
