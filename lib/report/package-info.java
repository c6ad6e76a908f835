/**
 * Step 7, report: the stager report as JSON, text and HTML, the dashboard log and page, the project
 * manifest. May use the ground floor, {@code scan}, {@code types}, {@code secrets}, {@code policy}, {@code zip} and
 * {@code changes}.
 */
package report;
