package inventory;

import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import policy.Allowlist;
import policy.AllowlistStore;
import policy.BanRules;
import report.StagerReport;
import scan.Extensions;
import scan.TreeScanner;
import types.ContentTypes;

/**
 * The inventory command's work: the allowlist written from a content folder's extensions, or the next
 * version of an allowlist with client overrides added. Prints nothing; the command prints the result.
 */
public final class Inventory {
    private Inventory() {}

    /**
     * One inventory as the operator asked for it.
     *
     * @param contentDir the original content to snapshot; null when overrides are added to the allowlist
     * @param overrides extensions the client asked for, normalized and checked by {@link #validExtensions}
     * @param createDataDir whether a missing data folder is created (else it is an error)
     */
    public record Request(ProjectId id, Path contentDir, List<String> overrides, String notes, boolean reinventory,
                          DataDir data, boolean createDataDir) {}

    /**
     * The JSON printed by --json ({@code byExtension} and the lists after it are null for --add-override,
     * which scans nothing).
     *
     * @param neverShips allowlisted extensions the global bans refuse: allowed, yet never shipped
     * @param notWhatTheySay extensions some of whose files are not what the extension says, by their bytes (null for --add-override)
     */
    public record Result(int schemaVersion, String allowlistFile, String priorCopy, Allowlist allowlist,
                         Map<String, StagerReport.ExtensionTotal> byExtension, List<String> noExtension,
                         List<String> unusableExtension, Map<String, Integer> skipped, List<NeverShips> neverShips,
                         List<Mismatched> notWhatTheySay) {}

    /** An extension some of whose files are something else by their bytes: how many of how many, and the first such file. */
    public record Mismatched(String extension, int files, int of, String example, String detail) {}

    /** An allowlisted extension and the ban group that refuses it anyway. */
    public record NeverShips(String extension, String banGroup) {}

    /**
     * What --add-override did: the result (without a prior copy when every extension was allowed already,
     * and then nothing was written), the extensions asked for (normalized) and those it added.
     */
    public record Added(Result result, List<String> asked, List<String> added) {}

    /** Snapshots the content folder's extensions (and the overrides) into the project's allowlist. */
    public static Result take(Request request) {
        List<String> overrides = request.overrides();
        DataDir data = existingDataDir(request);
        BanRules bans = BanRules.load(data.globalBans());
        TreeScanner.ScanResult scan = TreeScanner.scan(request.contentDir());
        ExtensionCount count = ExtensionCount.of(scan);
        List<Mismatched> mismatched = TypeSurvey.of(scan, ContentTypes.load(data));
        Allowlist allowlist = new Allowlist(request.id().value(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                count.root(), List.copyOf(count.byExtension().keySet()), overrides, request.notes());
        Path prior = new AllowlistStore(data).save(allowlist, request.reinventory());
        return new Result(1, data.allowlistFile(request.id()).toString(), prior == null ? null : prior.toString(), allowlist,
                count.byExtension(), count.noExtension(), count.unusableExtension(), count.skipped(), neverShips(allowlist, bans), mismatched);
    }

    /** Writes the next version of the existing allowlist with these client overrides added, if any is new. */
    public static Added addOverrides(Request request) {
        List<String> asked = request.overrides();
        DataDir data = existingDataDir(request);
        BanRules bans = BanRules.load(data.globalBans());
        AllowlistStore.Added added = new AllowlistStore(data).addOverrides(request.id(), asked);
        Result result = new Result(1, data.allowlistFile(request.id()).toString(),
                added.priorCopy() == null ? null : added.priorCopy().toString(), added.allowlist(), null, null, null, null,
                neverShips(added.allowlist(), bans), null);
        return new Added(result, asked, added.extensions());
    }

    /**
     * The data folder, which must exist: a mistyped --data-dir must not silently start an empty tree
     * that the stager then cannot find. --create-data-dir starts one on purpose.
     */
    private static DataDir existingDataDir(Request request) {
        DataDir data = request.data();
        if (request.createDataDir() && !Files.exists(data.root())) {
            try {
                Files.createDirectories(data.root());
            } catch (IOException e) {
                throw new PrezipException(ErrorCode.PZ_DATA_DIR_INVALID, "cannot create data folder " + data.root() + ": " + e);
            }
        }
        if (!Files.exists(data.root())) {
            throw new PrezipException(ErrorCode.PZ_DATA_DIR_INVALID, "data folder " + data.root() + " does not exist;"
                    + " pass --create-data-dir to start a new one there, or point --data-dir (or PREZIP_DATA_DIR) at the existing one");
        }
        return data.requireReadable();
    }

    /** Extensions as an option spelled them, normalized; one that is no single extension is a usage error naming the option. */
    public static List<String> validExtensions(List<String> raw, String option) {
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
}
