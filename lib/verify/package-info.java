/**
 * Step 6, verify: reads a zip from outside as untrusted bytes and checks it against Deterministic ZIP v1,
 * its manifest, its source and its allowlist. Depends on {@code cli}, {@code scan}, {@code policy}, {@code zip}.
 */
package verify;
