///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES lib/**/*.java
// Dependencies are pinned once, in lib/ (//DEPS lines of cli/Cli.java, cli/Json.java, zip/ZipPolicyV1.java), and so
// are the JVM options (//JAVA_OPTIONS of cli/Cli.java).

import cli.Bytes;
import cli.Cli;
import cli.CommonOptions;
import cli.DataDir;
import cli.ErrorCode;
import cli.ExitCode;
import cli.Json;
import cli.PrezipException;
import cli.ProjectId;
import cli.Toolkit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policy.Allowlist;
import policy.AllowlistStore;
import policy.Classifier;
import policy.Extensions;
import report.StagerReport;
import scan.ScannedEntry;
import scan.TreeScanner;

@Command(name = "inventory", mixinStandardHelpOptions = true, version = Toolkit.VERSION,
        description = "Snapshot the extensions of a project's original content into DATA/projects/<id>_allowed_ext.json.")
public class inventory implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--project-id", required = true, paramLabel = "ID", description = "Project id ([A-Za-z0-9][A-Za-z0-9._-]{0,63}).")
    String projectId;

    @Option(names = "--content-dir", required = true, paramLabel = "DIR", description = "The project's original content folder.")
    Path contentDir;

    @Option(names = "--override", paramLabel = "EXT", description = "Extension the client asked for that is not in the content (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--notes", paramLabel = "TEXT", description = "Free text kept in the allowlist.")
    String notes;

    @Option(names = "--reinventory", description = "Replace an existing allowlist, keeping it as <id>_allowed_ext.<N>.json.")
    boolean reinventory;

    /** The JSON printed by --json. */
    record Result(int schemaVersion, String allowlistFile, String priorCopy, Allowlist allowlist,
                  Map<String, StagerReport.ExtensionTotal> byExtension, List<String> noExtension,
                  List<String> unusableExtension, Map<String, Integer> skipped) {}

    public static void main(String... args) {
        System.exit(Cli.execute(Cli.commandLine(new inventory()), args));
    }

    @Override
    public Integer call() {
        Cli.requireUtf8FileNames();
        ProjectId id = new ProjectId(projectId);
        List<String> overrideExtensions = overrides.stream().map(Extensions::normalize).toList();
        for (int i = 0; i < overrideExtensions.size(); i++) {
            if (!Extensions.isValid(overrideExtensions.get(i))) {
                throw new PrezipException(ErrorCode.PZ_USAGE, "--override '" + overrides.get(i)
                        + "' is not a single extension (no dots, slashes or spaces)");
            }
        }
        DataDir data = common.dataDir();
        TreeScanner.ScanResult scan = TreeScanner.scan(contentDir);

        Map<String, StagerReport.ExtensionTotal> byExtension = new TreeMap<>();
        List<String> noExtension = new ArrayList<>();
        List<String> unusableExtension = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (ScannedEntry entry : scan.entries()) {
            if (Classifier.isHidden(entry.relativePath())) {
                skipped.merge("hidden", 1, Integer::sum);
            } else if (entry.kind() != ScannedEntry.Kind.REGULAR) {
                skipped.merge(entry.kind().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            } else {
                var extension = Extensions.of(entry.fileName());
                if (extension.isEmpty()) {
                    noExtension.add(entry.relativePath());
                } else if (!Extensions.isValid(extension.get())) {
                    // "minutes.final draft": such a text cannot stand in an allowlist, so it is not an extension.
                    unusableExtension.add(entry.relativePath());
                } else {
                    byExtension.merge(extension.get(), new StagerReport.ExtensionTotal(1, entry.size()),
                            (a, b) -> new StagerReport.ExtensionTotal(a.files() + b.files(), a.bytes() + b.bytes()));
                }
            }
        }
        Allowlist allowlist = new Allowlist(id.value(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                scan.root().toString(),
                List.copyOf(byExtension.keySet()),
                overrideExtensions,
                notes);
        Path prior = new AllowlistStore(data).save(allowlist, reinventory);
        Path written = data.allowlistFile(id);

        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            out.print(Json.write(new Result(1, written.toString(), prior == null ? null : prior.toString(),
                    allowlist, byExtension, noExtension, unusableExtension, skipped)));
        } else if (!common.quiet) {
            out.printf("Wrote %s%n", written);
            if (prior != null) {
                out.printf("Kept the previous allowlist as %s%n", prior);
            }
            out.printf("Extensions found in %s:%n", scan.root());
            byExtension.forEach((ext, t) -> out.printf("  %-12s %8d files %12s%n", "." + ext, t.files(), Bytes.human(t.bytes())));
            if (!allowlist.clientWhitelistOverrides().isEmpty()) {
                out.printf("Client overrides: %s%n", String.join(", ", allowlist.clientWhitelistOverrides()));
            }
            if (!noExtension.isEmpty()) {
                out.printf("Files with no extension (not allowlisted, %d):%n", noExtension.size());
                noExtension.forEach(p -> out.printf("  - %s%n", p));
            }
            if (!unusableExtension.isEmpty()) {
                out.printf("Files whose extension cannot be allowlisted (spaces or symbols; %d):%n", unusableExtension.size());
                unusableExtension.forEach(p -> out.printf("  - %s%n", p));
            }
            skipped.forEach((what, n) -> out.printf("Skipped %d %s entr%s%n", n, what, n == 1 ? "y" : "ies"));
        }
        out.flush();
        return ExitCode.OK;
    }
}
