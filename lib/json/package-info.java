/**
 * Ground floor: JSON. Data files read into trees with the streaming parser and bounded ({@code JsonTree},
 * {@code JsonFields}), and reports written with the databind mapper ({@code Json}, which pins Jackson).
 * May use {@code errors} and {@code io}.
 */
package json;
