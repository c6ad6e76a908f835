/**
 * The content scan (run inside steps 3 and 5): credentials inside files. Rules and their keyword automaton
 * ({@code SecretRules}, {@code SecretPattern}), the streaming scanner of one file's bytes
 * ({@code SecretScanner}), the scan of a tree, of Office containers and of a dry-run's reads
 * ({@code ContentScan}), findings and the project's approvals. May use the ground floor and {@code scan}.
 */
package secrets;
