/**
 * Step 2 of the spec, scan: walks a content folder without following links and records each entry as
 * found ({@code ScannedEntry}), in the v1 path order. Depends only on {@code cli}.
 */
package scan;
