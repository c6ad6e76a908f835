/** An error an operator sees: a stable code (which fixes the exit code) and a sentence saying what to do. */
final class PrezipException extends RuntimeException {
    private final ErrorCode code;

    PrezipException(ErrorCode code, String message) {
        this(code, message, null);
    }

    PrezipException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }

    int exitCode() {
        return code.exitCode();
    }
}
