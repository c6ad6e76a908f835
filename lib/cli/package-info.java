/**
 * What the commands share and nothing below them uses: picocli wiring and the exception mapper
 * ({@code Cli}, which pins picocli and the JVM options) and the common options ({@code CommonOptions}).
 * May use the ground floor ({@code errors}, {@code text}, {@code provenance}, {@code io}, {@code json},
 * {@code console}, {@code datadir}).
 */
package cli;
