/**
 * Ground floor: text for people. Sizes ({@code Bytes}), counted nouns ({@code Counts}), shell quoting
 * ({@code Shell}) and names quoted safely in messages ({@code Printable}). May use nothing of ours.
 */
package text;
