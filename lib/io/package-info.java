/**
 * Ground floor: files and streams. Atomic writes that never follow a link ({@code AtomicFiles}), bounded
 * reads of files from outside ({@code BoundedFiles}, {@code BoundedInputStream}), SHA-256, tree removal,
 * cleanup at exit and the toolkit's daemon threads. May use {@code errors}.
 */
package io;
