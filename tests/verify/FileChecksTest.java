package verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verify.ZipVerifierTest.assertOnly;
import static verify.ZipVerifierTest.assertValid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import support.StagerZipFixture;
import support.TempTrees;
import zip.DeliveryJournal;
import zip.ManifestSignature;
import zip.ZipManifest;

/** FileChecks: the journal of a killed commit, the manifest's signature and the zip's digest. */
class FileChecksTest extends StagerZipFixture {
    @Test
    void signedManifestVerifiesWithItsKeyOnly() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance(ManifestSignature.ALGORITHM);
        java.security.KeyPair pair = generator.generateKeyPair();
        ManifestSignature.sign(good.manifest(), pair.getPrivate());
        ZipVerifier.Request request = new ZipVerifier.Request(good.zip(), good.manifest(), null, null, null, pair.getPublic(), null, false);
        assertValid(ZipVerifier.verify(request));
        assertTrue(ZipVerifier.verify(request).checked().contains(VerifyCheck.VZ_MANIFEST_SIGNATURE));

        java.security.KeyPair other = generator.generateKeyPair();
        assertOnly(ZipVerifier.verify(new ZipVerifier.Request(good.zip(), good.manifest(), null, null, null, other.getPublic(), null, false)),
                VerifyCheck.VZ_MANIFEST_SIGNATURE);
        // One added space: the manifest still parses to the same values, but it is not the signed text.
        Files.write(good.manifest(), " ".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        assertOnly(ZipVerifier.verify(request), VerifyCheck.VZ_MANIFEST_SIGNATURE);
        Files.delete(ManifestSignature.pathFor(good.manifest()));
        assertOnly(ZipVerifier.verify(request), VerifyCheck.VZ_MANIFEST_SIGNATURE);
    }

    @Test
    void aJournalLeftBesideTheZipIsAnInterruptedDelivery() throws IOException {
        Findings findings = new Findings();
        new FileChecks(findings).checkInterruptedDelivery(good.zip());
        assertEquals(List.of(), findings.inCheckOrder());
        assertEquals(Set.of(VerifyCheck.VZ_INTERRUPTED_DELIVERY), findings.checked());
        Files.writeString(DeliveryJournal.pathFor(good.zip()), "{}");
        new FileChecks(findings).checkInterruptedDelivery(good.zip());
        VerifyFinding finding = findings.inCheckOrder().get(0);
        assertEquals(VerifyCheck.VZ_INTERRUPTED_DELIVERY, finding.check());
        assertNull(finding.entry());
        assertTrue(finding.message().startsWith("a commit was killed while putting this delivery into place (.delivery.zip.prezip-delivery"
                + " is left): the zip and its sidecars may be of two deliveries; run prezip_stager --commit"), finding.message());
    }

    @Test
    void theZipsSizeAndDigestAreTheManifests() throws IOException {
        byte[] bytes = TempTrees.readBytes(good.zip());
        String sha256 = TempTrees.sha256(bytes);
        Findings findings = new Findings();
        new FileChecks(findings).checkZipDigest(good.zip(), bytes.length, sha256);
        assertEquals(List.of(), findings.inCheckOrder());
        new FileChecks(findings).checkZipDigest(good.zip(), bytes.length + 1, sha256);
        assertEquals(List.of(VerifyFinding.archive(VerifyCheck.VZ_ZIP_SHA256, "the zip is " + bytes.length + " bytes with sha256 " + sha256
                + "; the manifest says " + (bytes.length + 1) + " bytes with sha256 " + sha256)), findings.inCheckOrder());
        assertEquals(Set.of(VerifyCheck.VZ_ZIP_SHA256), findings.checked());
    }

    @Test
    void aMissingSignatureIsNamedWhereItWasLookedFor() throws Exception {
        PublicKey key = KeyPairGenerator.getInstance(ManifestSignature.ALGORITHM).generateKeyPair().getPublic();
        Findings findings = new Findings();
        new FileChecks(findings).checkSignature(good.manifest(), key, ZipManifest.maxBytesFor(Files.size(good.zip())));
        assertEquals(List.of(VerifyFinding.archive(VerifyCheck.VZ_MANIFEST_SIGNATURE, "no signature "
                + ManifestSignature.pathFor(good.manifest()) + " beside the manifest")), findings.inCheckOrder());
    }
}
