/**
 * Step 7, report: the stager report as JSON, text and HTML, the dashboard log and page, the project
 * manifest. Reads the results of the other steps; no other package depends on it.
 */
package report;
