package verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * VZ_LOCAL_HEADER_MISMATCH: an entry's local header (and data descriptor) against its central header,
 * field by field, all differences in one finding: readers that stream local headers and readers of the
 * central directory must see the same entry.
 */
final class LocalHeaderCheck {
    private final Findings findings;

    LocalHeaderCheck(Findings findings) {
        this.findings = findings;
    }

    /** For a located entry ({@link LayoutCheck#locate}). */
    void check(EntryState entry) {
        ZipStructure.CentralHeader c = entry.central;
        ZipStructure.LocalHeader l = entry.local;
        List<String> differences = new ArrayList<>();
        if (!Arrays.equals(c.rawName(), l.rawName())) {
            differences.add("name '" + ZipStructure.Names.display(l.rawName()) + "'");
        }
        differ(differences, "version needed", l.versionNeeded(), c.versionNeeded());
        differ(differences, "flags", l.flags(), c.flags());
        differ(differences, "method", l.method(), c.method());
        if (l.dosDate() != c.dosDate() || l.dosTime() != c.dosTime()) {
            differences.add("time " + DosTime.describe(l.dosDate(), l.dosTime()) + " vs " + DosTime.describe(c.dosDate(), c.dosTime()));
        }
        if ((l.flags() & ZipStructure.FLAG_DATA_DESCRIPTOR) != 0) {
            // With a data descriptor the local fields may be zero (APPNOTE 4.4.4); if not, they must agree.
            differIfSet(differences, "local CRC", l.crc(), c.crc());
            differIfSet(differences, "local compressed size", l.compressedSize(), c.compressedSize());
            differIfSet(differences, "local uncompressed size", l.uncompressedSize(), c.uncompressedSize());
            ZipStructure.DataDescriptor d = entry.descriptor;
            differ(differences, "data descriptor CRC", d.crc(), c.crc());
            differ(differences, "data descriptor compressed size", d.compressedSize(), c.compressedSize());
            differ(differences, "data descriptor uncompressed size", d.uncompressedSize(), c.uncompressedSize());
        } else {
            differ(differences, "CRC", l.crc(), c.crc());
            differ(differences, "compressed size", l.compressedSize(), c.compressedSize());
            differ(differences, "uncompressed size", l.uncompressedSize(), c.uncompressedSize());
        }
        if (!differences.isEmpty()) {
            findings.add(VerifyCheck.VZ_LOCAL_HEADER_MISMATCH, entry, "the local header differs from the central directory: "
                    + String.join("; ", differences));
        }
    }

    private static void differ(List<String> differences, String what, long local, long central) {
        if (local != central) {
            differences.add(String.format(Locale.ROOT, "%s 0x%x vs 0x%x", what, local, central));
        }
    }

    private static void differIfSet(List<String> differences, String what, long local, long central) {
        if (local != 0) {
            differ(differences, what, local, central);
        }
    }
}
