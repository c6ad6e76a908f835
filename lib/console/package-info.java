/**
 * Ground floor: what the operator sees while a run works. The status line ({@code Progress}), what the
 * terminal can show ({@code Terminal}) and the phase timings of {@code --verbose} ({@code Timings}).
 * May use {@code text}.
 */
package console;
