/**
 * Before the pipeline, inventory: a project's original content extensions snapshotted into its allowlist
 * ({@code Inventory.take}), or client overrides added to the allowlist it has ({@code Inventory.addOverrides}),
 * with the allowlisted types the global bans refuse anyway. May use the ground floor, {@code scan}, {@code types},
 * {@code policy} and {@code report}.
 */
package inventory;
