package delivery;

import console.Timings;
import errors.ExitCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.List;
import report.StagerReport;
import zip.ZipManifest;

/**
 * How a run ended, for the command to print: the report (its status says ok, refused or failed), the
 * manifest of a commit that delivered, the error that stopped the run, the files a commit's hooks
 * updated, and the time of each phase. (What the run said on the way went to the request's notices.)
 *
 * @param manifest the delivered zip's manifest; null on a dry-run and on a run that stopped
 * @param error why the run stopped; null when it went through
 * @param hookFiles what a delivered commit's hooks updated (project manifest, dashboard log and page); empty otherwise
 */
public record DeliveryOutcome(StagerReport report, ZipManifest manifest, PrezipException error,
                              List<Path> hookFiles, Timings timings) {
    public DeliveryOutcome {
        hookFiles = List.copyOf(hookFiles);
    }

    public int exitCode() {
        return error == null ? ExitCode.OK : error.exitCode();
    }
}
