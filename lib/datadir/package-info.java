/**
 * Ground floor: the data folder. Where it is ({@code DataDir}: one rule wherever the operator stands),
 * its files and the built-in copies of the shipped ones ({@code DataFile}), and project ids
 * ({@code ProjectId}). May use {@code errors}, {@code io} and {@code json}.
 */
package datadir;
