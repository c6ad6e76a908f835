/**
 * Ground floor: how a run fails. {@code ErrorCode} (every stable code, its exit code and advice),
 * {@code ExitCode}, {@code PrezipException} (what every step throws) and {@code IoErrors} (an
 * IOException named for the operator, its path cut as people read it). May use {@code text}.
 */
package errors;
