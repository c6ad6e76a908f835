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
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.ExitCode;
import errors.PrezipException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policy.Allowlist;
import policy.AllowlistStore;
import policy.BanRules;
import policy.Classifier;
import provenance.Toolkit;
import report.StagerReport;
import scan.Extensions;
import scan.ScannedEntry;
import scan.TreeScanner;
import text.Bytes;
import text.Counts;

@Command(name = "inventory", mixinStandardHelpOptions = true, versionProvider = Toolkit.Version.class,
        description = "Snapshot the extensions of a project's original content into DATA/projects/<id>_allowed_ext.json.")
public class inventory implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--project-id", paramLabel = "ID", description = "Project id ([A-Za-z0-9][A-Za-z0-9._-]{0,63}).")
    String projectId;

    @Option(names = "--content-dir", paramLabel = "DIR", description = "The project's original content folder.")
    Path contentDir;

    @Option(names = "--override", paramLabel = "EXT", description = "Extension the client asked for that is not in the content (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--notes", paramLabel = "TEXT", description = "Free text kept in the allowlist.")
    String notes;

    @Option(names = "--reinventory", description = "Replace an existing allowlist, keeping it as <id>_allowed_ext.<N>.json.")
    boolean reinventory;

    @Option(names = "--add-override", arity = "1..*", paramLabel = "EXT",
            description = "Write the next version of the existing allowlist with these client overrides added "
                    + "(no content scan; the previous version is kept, numbered, as --reinventory keeps it).")
    List<String> addOverrides = new ArrayList<>();

    @Option(names = "--create-data-dir", description = "Create the data folder if it does not exist (else a missing one is an error: a typo must not start a new tree).")
    boolean createDataDir;

    /**
     * The JSON printed by --json ({@code byExtension} and the lists after it are null for --add-override,
     * which scans nothing).
     *
     * @param neverShips allowlisted extensions the global bans refuse: allowed, yet never shipped
     */
    record Result(int schemaVersion, String allowlistFile, String priorCopy, Allowlist allowlist,
                  Map<String, StagerReport.ExtensionTotal> byExtension, List<String> noExtension,
                  List<String> unusableExtension, Map<String, Integer> skipped, List<NeverShips> neverShips) {}

    /** An allowlisted extension and the ban group that refuses it anyway. */
    record NeverShips(String extension, String banGroup) {}

    public static void main(String... args) {
        System.exit(Cli.execute(Cli.commandLine(new inventory()), args));
    }

    @Override
    public Integer call() {
        Cli.requireUtf8FileNames();
        boolean adding = !addOverrides.isEmpty();
        // --add-override changes the existing allowlist: it scans no content.
        Cli.requireOptions(new Object[] {projectId, "--project-id"}, new Object[] {adding ? "" : contentDir, "--content-dir"});
        ProjectId id = new ProjectId(projectId);
        if (adding && (contentDir != null || reinventory || !overrides.isEmpty())) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--add-override adds to the existing allowlist:"
                    + " it takes no --content-dir, --reinventory or --override");
        }
        List<String> extensions = validExtensions(adding ? addOverrides : overrides, adding ? "--add-override" : "--override");
        DataDir data = existingDataDir();
        BanRules bans = BanRules.load(data.globalBans());
        PrintWriter out = spec.commandLine().getOut();
        if (adding) {
            AllowlistStore.Added added = new AllowlistStore(data).addOverrides(id, extensions);
            List<NeverShips> neverShips = neverShips(added.allowlist(), bans);
            if (common.json) {
                out.print(Json.write(new Result(1, data.allowlistFile(id).toString(),
                        added.priorCopy() == null ? null : added.priorCopy().toString(), added.allowlist(), null, null, null, null,
                        neverShips)));
            } else if (!common.quiet && added.priorCopy() == null) {
                out.printf("Nothing to add: %s already allowed by %s; nothing was written%n",
                        String.join(", ", extensions.stream().distinct().map(e -> "." + e).toList()), data.allowlistFile(id));
            } else if (!common.quiet) {
                out.printf("Wrote %s with client override%s %s added%n", data.allowlistFile(id), added.extensions().size() == 1 ? "" : "s",
                        String.join(", ", added.extensions().stream().map(e -> "." + e).toList()));
                out.printf("Kept the previous allowlist as %s%n", added.priorCopy());
                printNeverShips(out, neverShips);
            }
            out.flush();
            return ExitCode.OK;
        }
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
                extensions,
                notes);
        Path prior = new AllowlistStore(data).save(allowlist, reinventory);
        Path written = data.allowlistFile(id);
        List<NeverShips> neverShips = neverShips(allowlist, bans);

        if (common.json) {
            out.print(Json.write(new Result(1, written.toString(), prior == null ? null : prior.toString(),
                    allowlist, byExtension, noExtension, unusableExtension, skipped, neverShips)));
        } else if (!common.quiet) {
            out.printf("Wrote %s%n", written);
            if (prior != null) {
                out.printf("Kept the previous allowlist as %s%n", prior);
            }
            out.printf("Extensions found in %s:%n", scan.root());
            byExtension.forEach((ext, t) -> out.printf("  %-12s %8s %12s%n", "." + ext, Counts.of(t.files(), "file", "files"),
                    Bytes.human(t.bytes())));
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
            skipped.forEach((what, n) -> out.printf("Skipped %s%n", Counts.of(n, what + " entry", what + " entries")));
            printNeverShips(out, neverShips);
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * The data folder, which must exist: a mistyped --data-dir must not silently start an empty tree
     * that the stager then cannot find. --create-data-dir starts one on purpose.
     */
    private DataDir existingDataDir() {
        DataDir data = common.dataDir();
        if (createDataDir && !java.nio.file.Files.exists(data.root())) {
            try {
                java.nio.file.Files.createDirectories(data.root());
            } catch (java.io.IOException e) {
                throw new PrezipException(ErrorCode.PZ_DATA_DIR_INVALID, "cannot create data folder " + data.root() + ": " + e);
            }
        }
        if (!java.nio.file.Files.exists(data.root())) {
            throw new PrezipException(ErrorCode.PZ_DATA_DIR_INVALID, "data folder " + data.root() + " does not exist;"
                    + " pass --create-data-dir to start a new one there, or point --data-dir (or PREZIP_DATA_DIR) at the existing one");
        }
        return data.requireReadable();
    }

    private static List<String> validExtensions(List<String> raw, String option) {
        List<String> extensions = raw.stream().map(Extensions::normalize).toList();
        for (int i = 0; i < extensions.size(); i++) {
            if (!Extensions.isValid(extensions.get(i))) {
                throw new PrezipException(ErrorCode.PZ_USAGE, option + " '" + raw.get(i)
                        + "' is not a single extension (no dots, slashes or spaces)");
            }
        }
        return extensions;
    }

    private static List<NeverShips> neverShips(Allowlist allowlist, BanRules bans) {
        return allowlist.eligibleExtensions().stream().sorted()
                .flatMap(ext -> bans.typeBan(ext).map(group -> new NeverShips(ext, group)).stream()).toList();
    }

    private static void printNeverShips(PrintWriter out, List<NeverShips> neverShips) {
        for (NeverShips n : neverShips) {
            out.printf("Warning: .%s is allowlisted, but the global bans refuse it (%s): such files will never ship%n",
                    n.extension(), n.banGroup());
        }
    }
}
