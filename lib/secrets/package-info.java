/**
 * The content scan (run inside steps 3 and 5): credentials inside files. Rules and their keyword automaton
 * ({@code SecretRules}, {@code SecretPattern}, {@code KeywordAutomaton}), the streaming scanner of one file's
 * bytes ({@code SecretScanner}: {@code KeywordSearch} finds where a rule may start, {@code PendingHits} holds
 * the hits until their bytes have come, {@code FileFindings} judges them, {@code LineCounter} places them),
 * the scan of a tree, of Office containers and of a dry-run's reads ({@code ContentScan}), findings and the
 * project's approvals. May use the ground floor, {@code scan} and {@code types} (the bytes it reads tell each file's type).
 */
package secrets;
