/**
 * A re-delivery: the delivery a run replaces (the zip at its output, or {@code --since}), checked against
 * its manifest, and what changed since, compared as two sorted streams in v1 path order. Used by the
 * stager's dry-run and commit, by {@code verify_zip --since} and by the reports. May use the ground floor,
 * {@code scan} and {@code zip}.
 */
package changes;
