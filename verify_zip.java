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
import errors.ErrorCode;
import errors.ExitCode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import provenance.Toolkit;
import text.Counts;
import verify.VerifyReport;
import verify.VerifyRun;

@Command(name = "verify_zip", mixinStandardHelpOptions = true, versionProvider = Toolkit.Version.class,
        description = {
                "Check a zip against Deterministic ZIP v1 and its manifest, and optionally against its source folder "
                        + "and its project's allowlist.",
                "Lists every failure with a stable code. Exit 0 valid, 1 invalid, 2 usage."})
public class verify_zip implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--zip", paramLabel = "ZIP", required = true, description = "The zip to check.")
    Path zip;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Its manifest (default: <ZIP>.manifest.json).")
    Path manifest;

    @Option(names = "--content-dir", paramLabel = "DIR",
            description = "The folder the zip was made from: every entry must equal its source file, and no eligible file may be missing"
                    + " (eligible: allowed by the project with --project-id; without it, not hidden or banned and of an extension the zip ships).")
    Path contentDir;

    @Option(names = "--project-id", paramLabel = "ID",
            description = "Check every entry against the project's allowlist (its file in DATA/projects) and the global bans.")
    String projectId;

    @Option(names = "--scan-secrets",
            description = "Also scan every entry's content for credentials with the secret rules (VZ_SECRET); with --project-id,"
                    + " findings the project approved pass.")
    boolean scanSecrets;

    @Option(names = "--rebuild",
            description = "With --content-dir: pack the manifest's entries again from that folder with the manifest's policy and"
                    + " compare the result with the zip byte for byte (VZ_REBUILD_DIFFERS; VZ_REBUILD_REFUSED for a zip this"
                    + " toolkit cannot make again). Writes nothing beside the zip.")
    boolean rebuild;

    @Option(names = "--since", paramLabel = "OLD",
            description = "Also show what changed from an earlier delivery (its zip or its manifest), compared from the two manifests.")
    Path since;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "Also check <manifest>.sig, the Ed25519 signature prezip_stager --sign-key wrote, with this public key.")
    Path publicKey;

    public static void main(String... args) {
        System.exit(Cli.execute(Cli.commandLine(new verify_zip()), args));
    }

    @Override
    public Integer call() {
        VerifyReport report = VerifyRun.run(new VerifyRun.Request(zip, manifest, contentDir, projectId, scanSecrets, rebuild, publicKey,
                common::dataDir, Cli::requireUtf8FileNames,
                () -> common.progress("read manifest").onInterrupt("verify_zip reads only; nothing was changed"), since));
        common.print(spec.commandLine().getOut(), report, out -> report.printHuman(out, common.verbose));
        if (report.valid()) {
            return ExitCode.OK;
        }
        Cli.printError(spec.commandLine().getErr(), spec.name(), ErrorCode.PZ_VERIFY_FAILED, Counts.of(report.failuresInAll(),
                "failure", "failures") + " (" + String.join(", ", report.failedCodes()) + "): " + ErrorCode.PZ_VERIFY_FAILED.advice());
        return ErrorCode.PZ_VERIFY_FAILED.exitCode();
    }
}
