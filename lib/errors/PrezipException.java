package errors;

/** An error an operator sees: a stable code (which fixes the exit code) and a sentence saying what to do. */
public class PrezipException extends RuntimeException {
    private final ErrorCode code;

    public PrezipException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public PrezipException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public int exitCode() {
        return code.exitCode();
    }
}
