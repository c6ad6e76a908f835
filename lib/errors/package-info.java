/**
 * Ground floor: how a run fails. {@code ErrorCode} (every stable code, its exit code and advice),
 * {@code ExitCode}, {@code PrezipException} (what every step throws) and {@code IoErrors} (an
 * IOException named for the operator). May use nothing of ours.
 */
package errors;
