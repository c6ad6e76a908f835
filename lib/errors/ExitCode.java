package errors;

/** The exit codes every prezip command shares (CONTRACT.md, "Exit codes"). */
public final class ExitCode {
    /** Dry-run clean, commit done, zip verified. */
    public static final int OK = 0;
    /** Fail-closed policy violation, broken invariant, failed verification. */
    public static final int REFUSED = 1;
    /** Bad option or configuration: the operator must change the command or the data. */
    static final int USAGE = 2;
    /** I/O or internal failure: the environment, not the input, is at fault. */
    public static final int FAILURE = 3;

    private ExitCode() {}
}
