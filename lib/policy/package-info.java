/**
 * Steps 1 and 3, load the policy and classify: allowlists, global bans and presets, names that are safe
 * and do not collide, the classifier that gives each scanned entry its {@code Decision}, and the content
 * scan that leaves out files holding credentials (rules, keyword automaton, scanner, approvals). Depends
 * on {@code cli} and {@code scan}.
 */
package policy;
