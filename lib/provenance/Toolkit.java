package provenance;

import picocli.CommandLine;

/** The toolkit's identity, recorded in manifests so a zip names the code that made it. */
public final class Toolkit {
    /** Bumped with every release that changes output bytes or the contract. */
    public static final String VERSION = "1.4.0";

    private Toolkit() {}

    /**
     * Orders two versions such as 1.2.0 by their numbers (major, minor, patch; a missing part is 0, a
     * suffix after '-' is ignored); null when either is not such a version.
     */
    public static Integer compareVersions(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        if (x == null || y == null) {
            return null;
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return 0;
    }

    /** Parts of a version: major, minor and patch. */
    private static final int VERSION_PARTS = 3;

    private static int[] numbers(String version) {
        if (version == null) {
            return null;
        }
        String[] parts = version.split("-", 2)[0].split("\\.", -1);
        if (parts.length > VERSION_PARTS) {
            return null;
        }
        int[] numbers = new int[VERSION_PARTS];
        try {
            for (int i = 0; i < parts.length; i++) {
                numbers[i] = Integer.parseInt(parts[i]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return numbers;
    }

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
