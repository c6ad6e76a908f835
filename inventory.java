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
import datadir.ProjectId;
import errors.ErrorCode;
import errors.ExitCode;
import errors.PrezipException;
import inventory.Inventory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import provenance.Toolkit;
import text.Bytes;
import text.Counts;
import text.Printable;

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
        List<String> extensions = Inventory.validExtensions(adding ? addOverrides : overrides, adding ? "--add-override" : "--override");
        Inventory.Request request = new Inventory.Request(id, contentDir, extensions, notes, reinventory, common.dataDir(), createDataDir);
        PrintWriter out = spec.commandLine().getOut();
        if (adding) {
            Inventory.Added added = Inventory.addOverrides(request);
            common.print(out, added.result(), human -> printAdded(added, human));
        } else {
            Inventory.Result result = Inventory.take(request);
            common.print(out, result, human -> printTaken(result, human));
        }
        return ExitCode.OK;
    }

    private static void printAdded(Inventory.Added added, PrintWriter out) {
        Inventory.Result result = added.result();
        if (result.priorCopy() == null) {
            out.printf("Nothing to add: %s already allowed by %s; nothing was written%n",
                    String.join(", ", added.asked().stream().distinct().map(e -> "." + e).toList()), result.allowlistFile());
            return;
        }
        out.printf("Wrote %s with client override%s %s added%n", result.allowlistFile(), added.added().size() == 1 ? "" : "s",
                String.join(", ", added.added().stream().map(e -> "." + e).toList()));
        out.printf("Kept the previous allowlist as %s%n", result.priorCopy());
        printNeverShips(out, result.neverShips());
    }

    private static void printTaken(Inventory.Result result, PrintWriter out) {
        out.printf("Wrote %s%n", result.allowlistFile());
        if (result.priorCopy() != null) {
            out.printf("Kept the previous allowlist as %s%n", result.priorCopy());
        }
        out.printf("Extensions found in %s:%n", result.allowlist().sourcePath());
        result.byExtension().forEach((ext, t) -> out.printf("  %-12s %8s %12s%n", "." + ext, Counts.of(t.files(), "file", "files"),
                Bytes.human(t.bytes())));
        if (!result.allowlist().clientWhitelistOverrides().isEmpty()) {
            out.printf("Client overrides: %s%n", String.join(", ", result.allowlist().clientWhitelistOverrides()));
        }
        if (!result.noExtension().isEmpty()) {
            out.printf("Files with no extension (not allowlisted, %d):%n", result.noExtension().size());
            result.noExtension().forEach(p -> out.printf("  - %s%n", p));
        }
        if (!result.unusableExtension().isEmpty()) {
            out.printf("Files whose extension cannot be allowlisted (spaces or symbols; %d):%n", result.unusableExtension().size());
            result.unusableExtension().forEach(p -> out.printf("  - %s%n", p));
        }
        result.skipped().forEach((what, n) -> out.printf("Skipped %s%n", Counts.of(n, what + " entry", what + " entries")));
        printNeverShips(out, result.neverShips());
        result.notWhatTheySay().forEach(m -> out.printf("Warning: not what .%s says: %d of %s (first: %s: %s); the allowlist"
                + " is built from them%n", m.extension(), m.files(), Counts.of(m.of(), "." + m.extension() + " file", "." + m.extension()
                + " files"), Printable.path(m.example()), m.detail()));
    }

    private static void printNeverShips(PrintWriter out, List<Inventory.NeverShips> neverShips) {
        for (Inventory.NeverShips n : neverShips) {
            out.printf("Warning: .%s is allowlisted, but the global bans refuse it (%s): such files will never ship%n",
                    n.extension(), n.banGroup());
        }
    }
}
