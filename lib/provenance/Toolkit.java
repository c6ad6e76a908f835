package provenance;

import picocli.CommandLine;

/** The toolkit's identity, recorded in manifests so a zip names the code that made it. */
public final class Toolkit {
    /** Bumped with every release that changes output bytes or the contract. */
    public static final String VERSION = "1.4.0";

    private Toolkit() {}

    /** What --version prints: the toolkit, its version and the JVM it runs on (which an issue report needs). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"prezip " + VERSION + " (${COMMAND-NAME})",
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                            + System.getProperty("java.home") + ")"};
        }
    }
}
