package verify;

import java.util.Locale;
import java.util.Set;
import scan.Extensions;
import zip.ZipPolicyV1;

/**
 * Each entry's attributes as its central header gives them: VZ_SYMLINK_ENTRY, VZ_ENTRY_MODE,
 * VZ_HOST_BYTE, VZ_ENCRYPTED_ENTRY, VZ_ENTRY_TIME, VZ_COMPRESSION_METHOD, and VZ_EXTRA_FIELD for the
 * extras and comment of either header.
 */
final class AttributeCheck {
    /** The Unix file-type bits of a mode, and the types the verifier names. */
    private static final int MODE_TYPE_MASK = 0170000;
    private static final int MODE_SYMLINK = 0120000;
    private static final int MODE_DIRECTORY = 0040000;
    /** MS-DOS attribute bit for a directory, in the low byte of the external attributes. */
    private static final int DOS_DIRECTORY = 0x10;

    private final Findings findings;
    /** The DOS {date, time} of the manifest's fixed_epoch_ms, or null when it gives none that is usable. */
    private final int[] fixedDos;
    private final Set<String> storedExtensions;

    /**
     * @param fixedEpochMs the manifest's fixed time, or null: each entry's time is then held to the first entry's
     * @param storedExtensions the extensions the zip was built to store
     */
    AttributeCheck(Findings findings, Long fixedEpochMs, Set<String> storedExtensions) {
        this.findings = findings;
        this.fixedDos = fixedEpochMs == null ? null : DosTime.fields(fixedEpochMs);
        this.storedExtensions = storedExtensions;
    }

    /** @param first the zip's first entry, whose time every entry's must be when the manifest gives none */
    void check(EntryState entry, EntryState first) {
        ZipStructure.CentralHeader c = entry.central;
        int mode = (int) (c.externalAttributes() >>> 16);
        boolean symlink = (mode & MODE_TYPE_MASK) == MODE_SYMLINK;
        if (symlink) {
            findings.add(VerifyCheck.VZ_SYMLINK_ENTRY, entry, "the mode " + octal(mode) + " is a symbolic link");
        } else if (!isDirectoryMode(c.externalAttributes()) && c.externalAttributes() != ZipPolicyV1.EXTERNAL_ATTRIBUTES) {
            findings.add(VerifyCheck.VZ_ENTRY_MODE, entry, String.format(Locale.ROOT,
                    "external attributes 0x%08x (mode %s, DOS bits 0x%02x); v1 is 0x%08x (mode %s)",
                    c.externalAttributes(), octal(mode), c.externalAttributes() & 0xFF,
                    ZipPolicyV1.EXTERNAL_ATTRIBUTES, octal(ZipPolicyV1.FILE_MODE)));
        }
        if (c.hostByte() != ZipPolicyV1.HOST_UNIX) {
            findings.add(VerifyCheck.VZ_HOST_BYTE, entry, "host byte " + c.hostByte() + "; v1 is " + ZipPolicyV1.HOST_UNIX
                    + " (Unix), without which readers ignore the mode");
        }
        if ((c.flags() & (ZipStructure.FLAG_ENCRYPTED | ZipStructure.FLAG_STRONG_ENCRYPTION | ZipStructure.FLAG_MASKED_LOCAL_HEADER)) != 0) {
            findings.add(VerifyCheck.VZ_ENCRYPTED_ENTRY, entry, String.format(Locale.ROOT, "encrypted (general-purpose flags 0x%04x)",
                    c.flags()));
        }
        checkTime(entry, first);
        checkExtras(entry, c.extras(), "central");
        if (c.commentLength() > 0) {
            findings.add(VerifyCheck.VZ_EXTRA_FIELD, entry, "an entry comment of " + c.commentLength() + " bytes");
        }
        int expected = isStored(entry.name) ? ZipStructure.METHOD_STORED : ZipStructure.METHOD_DEFLATED;
        if (c.method() != expected) {
            String type = Extensions.of(entry.name.substring(entry.name.lastIndexOf('/') + 1)).map(e -> "." + e + " files")
                    .orElse("names without an extension");
            findings.add(VerifyCheck.VZ_COMPRESSION_METHOD, entry, "method " + methodName(c.method()) + "; v1 uses "
                    + methodName(expected) + " for " + type);
        }
    }

    private void checkTime(EntryState entry, EntryState first) {
        ZipStructure.CentralHeader c = entry.central;
        if (fixedDos != null) {
            if (c.dosDate() != fixedDos[0] || c.dosTime() != fixedDos[1]) {
                findings.add(VerifyCheck.VZ_ENTRY_TIME, entry, "time " + DosTime.describe(c.dosDate(), c.dosTime())
                        + "; the manifest's fixed_epoch_ms is " + DosTime.describe(fixedDos[0], fixedDos[1]) + " (UTC)");
            }
        } else if (c.dosDate() != first.central.dosDate() || c.dosTime() != first.central.dosTime()) {
            findings.add(VerifyCheck.VZ_ENTRY_TIME, entry, "time " + DosTime.describe(c.dosDate(), c.dosTime()) + " differs from "
                    + first.shown + "'s " + DosTime.describe(first.central.dosDate(), first.central.dosTime())
                    + " (the manifest gives no usable fixed_epoch_ms)");
        }
    }

    /** @param where which header the extras are of: "central" or "local" */
    void checkExtras(EntryState entry, ZipStructure.Extras extras, String where) {
        if (extras.problem() != null) {
            findings.add(VerifyCheck.VZ_EXTRA_FIELD, entry, "malformed extra block in the " + where + " header: " + extras.problem());
        }
        for (ZipStructure.ExtraField field : extras.fields()) {
            if (field.id() != ZipStructure.ZIP64_EXTRA_ID) {
                findings.add(VerifyCheck.VZ_EXTRA_FIELD, entry, String.format(Locale.ROOT,
                        "extra field 0x%04x (%d bytes) in the %s header; v1 allows only zip64 (0x0001)",
                        field.id(), field.data().length, where));
            }
        }
    }

    private boolean isStored(String name) {
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        return Extensions.of(fileName).map(storedExtensions::contains).orElse(false);
    }

    /** A directory by its Unix mode or its DOS attribute bit. */
    static boolean isDirectoryMode(long externalAttributes) {
        int mode = (int) (externalAttributes >>> 16);
        return (mode & MODE_TYPE_MASK) == MODE_DIRECTORY || (externalAttributes & DOS_DIRECTORY) != 0;
    }

    private static String methodName(int method) {
        return switch (method) {
            case ZipStructure.METHOD_STORED -> "STORED";
            case ZipStructure.METHOD_DEFLATED -> "DEFLATED";
            default -> Integer.toString(method);
        };
    }

    private static String octal(int mode) {
        return "0" + Integer.toOctalString(mode);
    }
}
