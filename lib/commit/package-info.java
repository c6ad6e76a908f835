/**
 * Steps 4 and 5, stage and pack: the output lock, staging beside the zip, the packer, and the committer
 * that puts a complete delivery into place. Depends on {@code cli}, {@code scan}, {@code policy}, {@code zip}.
 */
package commit;
