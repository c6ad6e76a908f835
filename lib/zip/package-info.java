/**
 * The format of step 5, Deterministic ZIP v1: its policy constants, the writer (the bytes of each record in
 * {@code ZipRecords}), the manifest and its entries, the signature and the checksum files (of the zip, of
 * each entry). May use the
 * ground floor, {@code scan} and {@code policy}.
 */
package zip;
