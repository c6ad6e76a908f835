package verify;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import secrets.ContentScan;
import secrets.SecretFinding;
import secrets.SecretScanner;
import types.Sniffer;
import types.TypeFinding;
import types.TypePolicy;

/**
 * Each entry's data, decoded once with bomb limits ({@link EntryDataReader}): VZ_DECLARED_SIZE_EXCEEDED,
 * VZ_CRC_MISMATCH, VZ_ZIP_UNREADABLE for data that does not decode, with a content scan VZ_SECRET, with a project VZ_CONTENT_TYPE.
 * What it reads (sha256 and size) is kept on the entry for the manifest and the sources.
 */
final class EntryDataCheck {
    private final Findings findings;
    /** With --scan-secrets, the credential scan every entry's content goes through; else null. */
    private final ContentScan contentScan;

    /** With --project-id, what the project's policy does with each entry's type; else null. */
    private final TypePolicy types;

    EntryDataCheck(Findings findings, ContentScan contentScan, TypePolicy types) {
        this.findings = findings;
        this.contentScan = contentScan;
        this.types = types;
    }

    /** For a located entry ({@link LayoutCheck#locate}); an overlapping, encrypted or undecodable one is not read. */
    void read(EntryDataReader reader, EntryState entry) throws IOException {
        ZipStructure.CentralHeader c = entry.central;
        boolean encrypted = (c.flags() & (ZipStructure.FLAG_ENCRYPTED | ZipStructure.FLAG_STRONG_ENCRYPTION)) != 0;
        boolean decodable = c.method() == ZipStructure.METHOD_STORED || c.method() == ZipStructure.METHOD_DEFLATED;
        if (entry.overlapping || encrypted || !decodable) {
            return;
        }
        SecretScanner scanner = contentScan == null ? null : contentScan.scannerFor(entry.name, c.uncompressedSize());
        Sniffer sniffer = types == null ? null : types.table().sniffer(c.uncompressedSize());
        EntryDataReader.Sink sink = scanner == null && sniffer == null ? null : (bytes, off, n) -> {
            if (scanner != null) {
                scanner.feed(bytes, off, n);
            }
            if (sniffer != null) {
                sniffer.feed(bytes, off, n);
            }
        };
        EntryDataReader.Outcome outcome = reader.read(c.method(), entry.local.dataOffset(), c.compressedSize(), c.uncompressedSize(), sink);
        switch (outcome.status()) {
            case EXCEEDED -> findings.add(VerifyCheck.VZ_DECLARED_SIZE_EXCEEDED, entry, "decodes to more than its declared "
                    + c.uncompressedSize() + " bytes; reading stopped at " + outcome.produced());
            case CORRUPT -> findings.add(VerifyCheck.VZ_ZIP_UNREADABLE, entry, outcome.problem());
            case SHORT -> findings.add(VerifyCheck.VZ_CRC_MISMATCH, entry, "decodes to " + outcome.produced()
                    + " bytes; the central directory declares " + c.uncompressedSize());
            case COMPLETE -> {
                checkType(entry, sniffer);
                complete(reader, entry, outcome, scanner);
            }
        }
    }

    /** What the entry's bytes are, judged as the project's policy would have judged the file (a warning is no failure). */
    private void checkType(EntryState entry, Sniffer sniffer) {
        TypeFinding finding = sniffer == null ? null : types.judge(entry.name, sniffer.finish());
        if (finding != null && finding.excluded()) {
            findings.add(VerifyCheck.VZ_CONTENT_TYPE, entry, finding.detail());
        }
    }

    /** Read whole and of its declared size: its CRC, and what the content scan found in it. */
    private void complete(EntryDataReader reader, EntryState entry, EntryDataReader.Outcome outcome, SecretScanner scanner)
            throws IOException {
        ZipStructure.CentralHeader c = entry.central;
        entry.sha256Hex = outcome.sha256Hex();
        entry.bytesRead = outcome.produced();
        if (outcome.crc() != c.crc()) {
            findings.add(VerifyCheck.VZ_CRC_MISMATCH, entry, String.format(Locale.ROOT,
                    "CRC-32 of the bytes read is %08x; the central directory says %08x", outcome.crc(), c.crc()));
        }
        if (contentScan == null) {
            return;
        }
        List<SecretFinding> secrets = contentScan.findings(scanner, entry.name, c.uncompressedSize(),
                () -> reader.open(c.method(), entry.local.dataOffset(), c.compressedSize()));
        for (SecretFinding finding : contentScan.judge(secrets)) {
            if (!finding.approved()) {
                findings.add(VerifyCheck.VZ_SECRET, entry, finding.rule() + " at " + VerifyFinding.quote(finding.inFile())
                        + " (starts " + finding.preview() + "), fingerprint " + finding.fingerprint());
            }
        }
    }
}
