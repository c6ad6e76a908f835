package console;

/**
 * What the operator's terminal can show. The ./jbang wrapper (and JBang itself) tells whether stdout and
 * stderr are terminals (JBANG_STDOUT_NOTTY, JBANG_STDERR_NOTTY): the JVM cannot see that for stderr, and
 * JBang's own pipes hide it for stdout. Anything else, a test or a plain java run, counts as piped.
 */
public final class Terminal {
    private Terminal() {}

    /** Colour on stdout: only on a terminal, and never when NO_COLOR is set (no-color.org). */
    public static boolean colourOnStdout() {
        return !noColour() && "false".equals(System.getenv("JBANG_STDOUT_NOTTY"));
    }

    /** A live progress bar on stderr: only on a terminal. */
    public static boolean progressOnStderr() {
        return "false".equals(System.getenv("JBANG_STDERR_NOTTY"));
    }

    private static boolean noColour() {
        String value = System.getenv("NO_COLOR");
        return value != null && !value.isEmpty();
    }
}
