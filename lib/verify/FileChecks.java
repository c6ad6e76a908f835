package verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PublicKey;
import zip.DeliveryJournal;
import zip.ManifestSignature;

/**
 * The delivery's files as whole files: no journal of a killed commit beside the zip
 * (VZ_INTERRUPTED_DELIVERY), the manifest's signature (VZ_MANIFEST_SIGNATURE), and the zip's size and
 * sha256 as the manifest gives them (VZ_ZIP_SHA256).
 */
final class FileChecks {
    private final Findings findings;

    FileChecks(Findings findings) {
        this.findings = findings;
    }

    void checkInterruptedDelivery(Path zip) {
        findings.ran(VerifyCheck.VZ_INTERRUPTED_DELIVERY);
        Path journal = DeliveryJournal.pathFor(zip);
        if (Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) {
            // Named, never repaired here: verify_zip changes nothing (it may run on read-only media).
            findings.archive(VerifyCheck.VZ_INTERRUPTED_DELIVERY, "a commit was killed while putting this delivery into place ("
                    + VerifyFinding.quote(journal.getFileName().toString()) + " is left): the zip and its sidecars may be of two"
                    + " deliveries; run prezip_stager --commit to this zip again, which finishes the interrupted delivery first");
        }
    }

    /** @param maxBytes the bound the manifest is read to, here as everywhere */
    void checkSignature(Path manifest, PublicKey publicKey, long maxBytes) throws IOException {
        findings.ran(VerifyCheck.VZ_MANIFEST_SIGNATURE);
        Path signature = ManifestSignature.pathFor(manifest);
        if (!ManifestSignature.verify(manifest, publicKey, maxBytes)) {
            findings.archive(VerifyCheck.VZ_MANIFEST_SIGNATURE, Files.isRegularFile(signature)
                    ? signature + " is not a valid signature of the manifest by the given key"
                    : "no signature " + signature + " beside the manifest");
        }
    }

    /**
     * @param zipBytes and {@code zipSha256}: the manifest's values
     * @return the zip's size and sha256 as read
     */
    FileDigest checkZipDigest(Path zip, long zipBytes, String zipSha256) throws IOException {
        findings.ran(VerifyCheck.VZ_ZIP_SHA256);
        FileDigest actual = FileDigest.of(zip);
        if (actual.size() != zipBytes || !actual.sha256Hex().equals(zipSha256)) {
            findings.archive(VerifyCheck.VZ_ZIP_SHA256, "the zip is " + actual.size() + " bytes with sha256 " + actual.sha256Hex()
                    + "; the manifest says " + zipBytes + " bytes with sha256 " + zipSha256);
        }
        return actual;
    }
}
