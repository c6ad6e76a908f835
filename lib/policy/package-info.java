/**
 * Steps 1 and 3, load the policy and classify: allowlists, global bans and presets, names that are safe
 * and do not collide, and the classifier that gives each scanned entry its {@code Decision}. Depends on
 * {@code cli} and {@code scan}.
 */
package policy;
