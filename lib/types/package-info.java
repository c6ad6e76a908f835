/**
 * Content types (run inside steps 3 and 5, and by verify and inventory): what a file is by its bytes. The table
 * ({@code ContentTypes}, read by {@code TypeReader}: {@code ContentType}s of a {@code Family}, each with
 * {@code Signature}s and their {@code StructureCheck}s), the detector of one file fed the bytes a run reads
 * anyway ({@code Sniffer}, keeping a few {@code Window}s; a zip's names from {@code ZipListing}), and what a
 * run does with a type ({@code TypePolicy}: a {@code TypeFinding}; the project's {@code AcceptedContainers};
 * {@code TypesRefused}). May use the ground floor and {@code scan}.
 */
package types;
