package verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import zip.ZipEntryV1;
import zip.ZipManifest;
import zip.ZipPolicyV1;

/**
 * VZ_MANIFEST_MISMATCH: the zip against its manifest, whose entries are read a second time, one at a
 * time (they were validated in the first read, {@link ManifestCheck}): what is kept is per zip entry,
 * plus a 64-bit hash (16 to 32 bytes of table) per manifest path that is not in the zip, so a hostile
 * manifest of millions of entries costs megabytes, not its size.
 */
final class ManifestComparison {
    private final Findings findings;

    ManifestComparison(Findings findings) {
        this.findings = findings;
    }

    /** What the manifest's stream left for each zip entry: the manifest entry listing it, and the order they came in. */
    private static final class Listing {
        /** The first index in the zip of each name: a repeated name in the zip is its own check's finding. */
        final Map<String, Integer> zipIndex = new HashMap<>();
        final ZipEntryV1[] listedFor;
        /** Zip indexes in the order the manifest lists them, {@code common} of them. */
        final int[] inManifestOrder;
        int common;

        Listing(List<EntryState> entries) {
            for (int j = 0; j < entries.size(); j++) {
                zipIndex.putIfAbsent(entries.get(j).name, j);
            }
            listedFor = new ZipEntryV1[entries.size()];
            inManifestOrder = new int[entries.size()];
        }
    }

    /** @param maxBytes the bound the manifest's first read was held to */
    void compare(Path manifestFile, long maxBytes, List<EntryState> entries) throws IOException {
        Listing listing = new Listing(entries);
        LongHashSet elsewhere = new LongHashSet();
        Findings.Deferred repeated = new Findings.Deferred();
        Findings.Deferred notInZip = new Findings.Deferred();
        ZipManifest.read(manifestFile, maxBytes, m -> {
            if (ManifestCheck.problemOf(m) != null) {
                return; // the manifest changed since it was validated: its entries are not compared
            }
            Integer j = listing.zipIndex.get(m.relativePath());
            boolean first = j != null ? listing.listedFor[j] == null : elsewhere.add(LongHashSet.hash(m.relativePath()));
            if (!first) {
                repeated.add(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, VerifyFinding.quote(m.relativePath()),
                        "the manifest lists this path more than once"));
            } else if (j != null) {
                listing.listedFor[j] = m;
                listing.inManifestOrder[listing.common++] = j;
            } else {
                notInZip.add(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, VerifyFinding.quote(m.relativePath()),
                        "in the manifest but not in the zip"));
            }
        });
        repeated.recordInto(findings);
        int[] inZipOrder = compareEntries(entries, listing);
        notInZip.recordInto(findings);
        compareOrder(entries, inZipOrder, listing.inManifestOrder);
    }

    /** Each zip entry against the manifest entry listing it; returns the indexes of those listed, in zip order. */
    private int[] compareEntries(List<EntryState> entries, Listing listing) {
        int[] inZipOrder = new int[listing.common];
        int inZip = 0;
        for (int j = 0; j < entries.size(); j++) {
            EntryState entry = entries.get(j);
            if (listing.zipIndex.get(entry.name) != j) {
                continue; // a repeated name in the zip: its own check names it
            }
            ZipEntryV1 m = listing.listedFor[j];
            if (m == null) {
                findings.add(VerifyCheck.VZ_MANIFEST_MISMATCH, entry, "in the zip but not in the manifest");
                continue;
            }
            inZipOrder[inZip++] = j;
            long size = entry.bytesRead >= 0 ? entry.bytesRead : entry.central.uncompressedSize();
            if (size != m.uncompressedBytes()) {
                findings.add(VerifyCheck.VZ_MANIFEST_MISMATCH, entry, "the zip holds " + size + " bytes; the manifest says "
                        + m.uncompressedBytes());
            }
            if (entry.sha256Hex != null && !m.sha256OrBlake3().equals(ZipEntryV1.SHA256_PREFIX + entry.sha256Hex)) {
                findings.add(VerifyCheck.VZ_MANIFEST_MISMATCH, entry, "sha256 of the bytes read is " + entry.sha256Hex
                        + "; the manifest says " + m.sha256OrBlake3().substring(ZipEntryV1.SHA256_PREFIX.length()));
            }
            if (!ZipPolicyV1.NORMALIZED_MODE.equals(m.normalizedMode())) {
                findings.add(VerifyCheck.VZ_MANIFEST_MISMATCH, entry, "the manifest gives mode " + m.normalizedMode()
                        + "; v1 entries are " + ZipPolicyV1.NORMALIZED_MODE);
            }
        }
        return inZipOrder;
    }

    /** The first place the entries both list come in a different order, if any. */
    private void compareOrder(List<EntryState> entries, int[] inZipOrder, int[] inManifestOrder) {
        for (int i = 0; i < inZipOrder.length; i++) {
            if (inZipOrder[i] != inManifestOrder[i]) {
                findings.record(VerifyFinding.entry(VerifyCheck.VZ_MANIFEST_MISMATCH, entries.get(inZipOrder[i]).shown,
                        "the zip and the manifest list the entries in a different order (from position " + (i + 1)
                                + " the manifest has " + entries.get(inManifestOrder[i]).shown + ")"));
                break;
            }
        }
    }
}
