/**
 * Step 6, verify: reads a zip from outside as untrusted bytes and checks it against Deterministic ZIP v1,
 * its manifest, its source and its allowlist, and what changed since an earlier delivery (--since); it also
 * checks the zip a commit copies from ({@code PreviousZip}). May use the ground floor, {@code scan},
 * {@code types}, {@code secrets}, {@code policy}, {@code zip} and {@code changes}.
 */
package verify;
