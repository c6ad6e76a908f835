/**
 * What every command shares, below every pipeline step: picocli wiring and common options, error and exit
 * codes, JSON and data-folder helpers, the terminal and progress bar, atomic writes and exit cleanup.
 * Depends on nothing of ours; every other package may use it.
 */
package cli;
