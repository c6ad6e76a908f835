/**
 * Steps 1 and 3, load the policy and classify: allowlists, global bans and presets, names that are safe,
 * do not collide and are not too long for Windows, companions, the classifier that gives each scanned
 * entry its {@code Decision}, and the classification that also leaves out files the content scan found
 * credentials in. May use the ground floor, {@code scan}, {@code types} and {@code secrets}.
 */
package policy;
