/**
 * Ground floor: text for people. Sizes ({@code Bytes}), counted nouns ({@code Counts}), shell quoting
 * ({@code Shell}), names quoted safely in messages ({@code Printable}) and sentences folded for a narrow
 * terminal ({@code Wrap}). May use nothing of ours.
 */
package text;
