/**
 * Ground floor: who made a run and from what. {@code Toolkit} (the version every manifest names) and
 * {@code RunRecord} (when, with which arguments and inputs a run was made). May use nothing of ours.
 */
package provenance;
