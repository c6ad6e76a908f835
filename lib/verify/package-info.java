/**
 * Step 6, verify: reads a zip from outside as untrusted bytes and checks it against Deterministic ZIP v1,
 * its manifest, its source and its allowlist. May use the ground floor, {@code scan}, {@code secrets},
 * {@code policy} and {@code zip}.
 */
package verify;
