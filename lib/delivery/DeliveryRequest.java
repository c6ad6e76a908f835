package delivery;

import console.Progress;
import datadir.DataDir;
import datadir.ProjectId;
import errors.ErrorCode;
import errors.PrezipException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One prezip_stager run as the operator asked for it: the command's options, checked for usage, nothing
 * read yet (the data folder, the content folder and the zip's folder are checked by {@link Delivery}).
 *
 * @param outputZip where the zip goes; null only for an approval, which writes none
 * @param policyName the preset DATA/policies/NAME.json to apply, or null for none
 * @param companions the companion mode as the operator spelled it (parsed when the policy is loaded)
 * @param signKeyFile an Ed25519 PKCS#8 key that signs a commit's manifest, or null
 * @param htmlPath where --html asked for a copy of the HTML report, or null
 * @param dataDirArgument the data folder as an option to repeat in a printed command (empty when the
 *        printed command finds it the same way)
 * @param arguments the command line as given, for the run's provenance
 * @param statusLine the status line of a run, starting with the phase of this label ({@link Progress#NONE}
 *        where there is none): made once the run's checks have passed, so a refused start draws nothing
 * @param notices where the run says a {@link Notice} the moment it has one (a later failure must not lose it)
 * @param since the previous delivery to compare with (--since: a zip or its manifest), or null for the zip at {@code outputZip}
 * @param noReuse whether a commit deflates every entry, copying nothing from the zip it replaces (--no-reuse)
 */
public record DeliveryRequest(ProjectId projectId, Path contentDir, Path outputZip, boolean commit, boolean allowUnknown,
                              boolean forbidEmptyDirs, boolean mkdirs, String policyName, String companions, Path signKeyFile,
                              int threads, Path htmlPath, boolean namesOnly, DataDir data, String dataDirArgument,
                              List<String> arguments, Function<String, Progress> statusLine,
                              Consumer<Notice> notices, Path since, boolean noReuse) {
    public DeliveryRequest {
        if (namesOnly && commit) {
            throw new PrezipException(ErrorCode.PZ_USAGE, NAMES_ONLY_IS_FOR_A_DRY_RUN);
        }
        if (threads < 1) {
            throw new PrezipException(ErrorCode.PZ_USAGE, "--threads must be at least 1");
        }
    }

    /** Said to --names-only with a commit or an approval: both read the content. */
    static final String NAMES_ONLY_IS_FOR_A_DRY_RUN = "--names-only is for a dry-run: a commit always scans the content it ships";
}
