import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every prezip command takes. */
final class CommonOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $PREZIP_DATA_DIR, else data/ beside jbang-catalog.json).")
    Path dataDir;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of the human summary.")
    boolean json;

    @Option(names = "--verbose", description = "Show stack traces of internal errors.")
    boolean verbose;

    DataDir dataDir() {
        return DataDir.resolve(dataDir);
    }
}
