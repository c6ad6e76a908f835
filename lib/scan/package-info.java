/**
 * Step 2, scan: walks a content folder without following links and records each entry as found
 * ({@code ScannedEntry}), in the v1 path order; the one definition of a file's extension
 * ({@code Extensions}) and of the name it ships under ({@code EntryName}, its path composed). May use the ground floor.
 */
package scan;
