/**
 * Steps 4 and 5, stage and pack: the output lock, staging beside the zip, the packer, and the committer
 * that puts a complete delivery into place. May use the ground floor, {@code scan}, {@code types}, {@code secrets},
 * {@code policy} and {@code zip}.
 */
package commit;
