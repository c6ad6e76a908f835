/**
 * The delivery pipeline, steps 1 to 7 in order for one prezip_stager run: {@code Delivery.run} takes a
 * {@code DeliveryRequest} (the parsed options) and returns a {@code DeliveryOutcome} (report, manifest
 * when committed, the error if any, lines for stderr) without printing. It owns the order of the steps,
 * the zip's lock, the stop-and-report paths and the hooks (project manifest, dashboard), and a
 * re-delivery's previous delivery (compared, and on a commit its zip checked by {@code verify} and copied
 * from). May use the ground floor, {@code scan}, {@code types}, {@code secrets}, {@code policy}, {@code zip},
 * {@code changes}, {@code commit}, {@code verify} and {@code report}.
 */
package delivery;
