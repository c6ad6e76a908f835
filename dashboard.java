///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//SOURCES lib/**/*.java
// Dependencies are pinned once, in lib/ (//DEPS lines of cli/Cli.java and json/Json.java), and so
// are the JVM options (//JAVA_OPTIONS of cli/Cli.java).

import cli.Cli;
import cli.CommonOptions;
import datadir.DataDir;
import errors.ErrorCode;
import errors.ExitCode;
import errors.IoErrors;
import errors.PrezipException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import provenance.Toolkit;
import report.DashboardPage;

@Command(name = "dashboard", mixinStandardHelpOptions = true, versionProvider = Toolkit.Version.class,
        description = {
                "Render DATA/dashboard/summary.jsonl (one line per commit attempt) into one self-contained HTML page.",
                "It shows recent runs per project, counts by status and refusals by reason over time; malformed lines are skipped and counted."})
public class dashboard implements Callable<Integer>, Cli.RunsWithoutArguments {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--output", paramLabel = "FILE", description = "Where the page goes (default: DATA/dashboard/index.html).")
    Path output;

    public static void main(String... args) {
        System.exit(Cli.execute(Cli.commandLine(new dashboard()), args));
    }

    @Override
    public Integer call() {
        DataDir data = common.dataDir().requireReadable();
        Path page = (output == null ? DashboardPage.defaultPath(data) : output).toAbsolutePath().normalize();
        if (page.getFileName() == null || Files.isDirectory(page)) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--output " + page + " must name a file, not a folder");
        }
        if (output == null) {
            // The dashboard folder is the toolkit's own; before the first commit it may not exist yet.
            try {
                Files.createDirectories(page.getParent());
            } catch (IOException e) {
                throw IoErrors.toPrezip(e, "creating the dashboard folder", page.getParent());
            }
        }
        DashboardPage.Log log = DashboardPage.read(data.dashboardSummaryFile());
        DashboardPage.write(log, page, Instant.now());

        common.print(spec.commandLine().getOut(), DashboardPage.summary(log, page), out -> out.printf(
                "Wrote %s (%d run(s) of %d project(s))%n", page, log.runs().size(), DashboardPage.byProject(log.runs()).size()));
        if (log.malformedLines() > 0 && !common.quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("dashboard: skipped %d malformed line(s) in %s%n", log.malformedLines(), log.file());
            err.flush();
        }
        return ExitCode.OK;
    }
}
