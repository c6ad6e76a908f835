package cli;

/** The toolkit's identity, recorded in manifests so a zip names the code that made it. */
public final class Toolkit {
    /** Bumped with every release that changes output bytes or the contract. */
    public static final String VERSION = "1.2.0";

    private Toolkit() {}
}
