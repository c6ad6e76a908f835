package zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import support.CliRun;
import support.HookTrees;
import support.StagerProject;
import support.TempTrees;
import support.ZipTamper;

/**
 * --sign-key: ZIP.manifest.json.sig is the raw 64-byte Ed25519 signature of the manifest's exact bytes,
 * checked here with the JDK, with ManifestSignature, with openssl (when present) and with verify_zip.
 */
class ManifestSignatureTest extends StagerProject {
    static final String ID = "signed";

    ManifestSignatureTest() {
        super(ID, List.of("png", "txt"), "mojo1_final.zip");
    }

    Path keys;
    Path manifest;
    Path sig;

    @BeforeEach
    void files() throws Exception {
        keys = Files.createDirectories(tmp.resolve("keys"));
        manifest = out.resolve("mojo1_final.zip.manifest.json");
        sig = out.resolve("mojo1_final.zip.manifest.json.sig");
        TempTrees.file(content, "a.txt", "alpha");
        TempTrees.file(content, "img/b.png", "bee");
    }

    /** A JDK Ed25519 key pair written as key.pem (PKCS#8) and pub.pem (X.509), like openssl writes them. */
    KeyPair jdkKeys(String prefix) {
        KeyPair pair = HookTrees.ed25519();
        HookTrees.writePem(keys.resolve(prefix + "key.pem"), pair.getPrivate());
        HookTrees.writePem(keys.resolve(prefix + "pub.pem"), pair.getPublic());
        return pair;
    }

    /** openssl genpkey / pkey -pubout, as the README tells the operator. */
    void opensslKeys() {
        HookTrees.Result gen = HookTrees.exec(keys, "openssl", "genpkey", "-algorithm", "ed25519", "-out", "key.pem");
        assertEquals(0, gen.exitCode(), gen.output());
        HookTrees.Result pub = HookTrees.exec(keys, "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "pub.pem");
        assertEquals(0, pub.exitCode(), pub.output());
    }

    HookTrees.Result opensslVerify(Path pub) {
        return HookTrees.exec(out, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin",
                "-in", manifest.getFileName().toString(), "-sigfile", sig.getFileName().toString());
    }

    static boolean jdkVerify(PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    /**
     * Changes one byte of the manifest without changing its JSON meaning (an indentation space becomes
     * a tab), so only the signature can notice.
     */
    void changeOneManifestByte() throws Exception {
        byte[] bytes = Files.readAllBytes(manifest);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("\n ") + 1;
        assertTrue(at > 0, "a pretty-printed manifest");
        bytes[at] = '\t';
        Files.write(manifest, bytes);
        TempTrees.readJson(manifest);
    }

    // ---- a JDK-made key: runs everywhere ----

    @Test
    void aJdkKeySignsTheManifestsExactBytes() throws Exception {
        KeyPair pair = jdkKeys("");
        CliRun run = stager("--commit", "--sign-key", keys.resolve("key.pem").toString());
        assertEquals(0, run.exitCode(), run.describe());

        byte[] signature = Files.readAllBytes(sig);
        assertEquals(64, signature.length, "a raw Ed25519 signature");
        assertEquals(ManifestSignature.pathFor(manifest), sig);
        assertTrue(jdkVerify(pair.getPublic(), Files.readAllBytes(manifest), signature), "the JDK verifies it directly");
        PublicKey fromPem = ManifestSignature.loadPublicKey(keys.resolve("pub.pem"));
        assertTrue(ManifestSignature.verify(manifest, fromPem));

        changeOneManifestByte();
        assertFalse(ManifestSignature.verify(manifest, fromPem), "one changed manifest byte");
        assertFalse(jdkVerify(pair.getPublic(), Files.readAllBytes(manifest), signature));
    }

    @Test
    void theSignatureFailsForAChangedSignatureOrAnotherKey() throws Exception {
        jdkKeys("");
        jdkKeys("other-");
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        PublicKey right = ManifestSignature.loadPublicKey(keys.resolve("pub.pem"));
        PublicKey other = ManifestSignature.loadPublicKey(keys.resolve("other-pub.pem"));
        assertTrue(ManifestSignature.verify(manifest, right));
        assertFalse(ManifestSignature.verify(manifest, other), "another key's signature");

        byte[] good = Files.readAllBytes(sig);
        HookTrees.flipByte(sig, 10);
        assertFalse(ManifestSignature.verify(manifest, right), "one changed signature byte");
        Files.write(sig, java.util.Arrays.copyOf(good, 63));
        assertFalse(ManifestSignature.verify(manifest, right), "a truncated signature");
        Files.delete(sig);
        assertFalse(ManifestSignature.verify(manifest, right), "no signature");
    }

    @Test
    void theSignedManifestIsTheSameAsAnUnsignedOne() throws Exception {
        jdkKeys("");
        assertEquals(0, stager("--commit").exitCode());
        byte[] unsigned = Files.readAllBytes(manifest);
        byte[] zipUnsigned = Files.readAllBytes(zip);
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        assertEquals(ZipTamper.manifestWithoutRun(unsigned), ZipTamper.manifestWithoutRun(Files.readAllBytes(manifest)),
                "signing changes nothing in the manifest but its provenance (the run's time and arguments)");
        assertArrayEquals(zipUnsigned, Files.readAllBytes(zip), "nor the zip");
    }

    @Test
    void eachSignedCommitSignsItsOwnManifest() throws Exception {
        jdkKeys("");
        PublicKey pub = ManifestSignature.loadPublicKey(keys.resolve("pub.pem"));
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        byte[] first = Files.readAllBytes(sig);
        TempTrees.file(content, "c.txt", "a second delivery");
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        assertNotEquals(new String(first, StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(sig), StandardCharsets.ISO_8859_1));
        assertTrue(ManifestSignature.verify(manifest, pub));
    }

    @Test
    void anUnsignedCommitLeavesNoStaleSignature() throws Exception {
        jdkKeys("");
        PublicKey pub = ManifestSignature.loadPublicKey(keys.resolve("pub.pem"));
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        TempTrees.file(content, "c.txt", "a second delivery");
        CliRun run = stager("--commit");
        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(!TempTrees.exists(sig) || ManifestSignature.verify(manifest, pub),
                "a signature beside the manifest must sign that manifest");
        assertFalse(TempTrees.exists(sig), "an unsigned commit has no signature");
    }

    @Test
    void aRefusedSignedCommitKeepsTheEarlierSignedDelivery() throws Exception {
        jdkKeys("");
        PublicKey pub = ManifestSignature.loadPublicKey(keys.resolve("pub.pem"));
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        byte[] m = Files.readAllBytes(manifest);
        byte[] s = Files.readAllBytes(sig);
        TempTrees.file(content, "notes.pdf", "not allowed");
        CliRun run = stager("--commit", "--sign-key", keys.resolve("key.pem").toString());
        assertEquals(1, run.exitCode(), run.describe());
        assertArrayEquals(m, Files.readAllBytes(manifest));
        assertArrayEquals(s, Files.readAllBytes(sig));
        assertTrue(ManifestSignature.verify(manifest, pub));
    }

    // ---- openssl, as the client uses it ----

    @Test
    void anOpensslKeyWorksAndOpensslVerifies() throws Exception {
        Assumptions.assumeTrue(HookTrees.opensslWithRawin(), "openssl 3 is not on PATH");
        opensslKeys();
        CliRun run = stager("--commit", "--sign-key", keys.resolve("key.pem").toString());
        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(64, Files.size(sig));
        assertTrue(ManifestSignature.verify(manifest, ManifestSignature.loadPublicKey(keys.resolve("pub.pem"))));

        HookTrees.Result ok = opensslVerify(keys.resolve("pub.pem"));
        assertEquals(0, ok.exitCode(), ok.output());

        changeOneManifestByte();
        HookTrees.Result bad = opensslVerify(keys.resolve("pub.pem"));
        assertNotEquals(0, bad.exitCode(), "openssl must reject a changed manifest: " + bad.output());
        assertFalse(ManifestSignature.verify(manifest, ManifestSignature.loadPublicKey(keys.resolve("pub.pem"))));
    }

    @Test
    void opensslVerifiesAJdkKeysSignatureWithTheJdkWrittenPublicKey() throws Exception {
        Assumptions.assumeTrue(HookTrees.opensslWithRawin(), "openssl 3 is not on PATH");
        jdkKeys("");
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        HookTrees.Result ok = opensslVerify(keys.resolve("pub.pem"));
        assertEquals(0, ok.exitCode(), ok.output());
        // And the public key openssl derives from the JDK's private key is the same key.
        HookTrees.Result derived = HookTrees.exec(keys, "openssl", "pkey", "-in", "key.pem", "-pubout", "-out", "derived.pem");
        assertEquals(0, derived.exitCode(), derived.output());
        assertEquals(0, opensslVerify(keys.resolve("derived.pem")).exitCode());
        changeOneManifestByte();
        assertNotEquals(0, opensslVerify(keys.resolve("pub.pem")).exitCode());
    }

    // ---- bad keys: a usage error, and nothing written ----

    void assertBadKeyRefusedBeforeAnyWrite(Path key) throws Exception {
        CliRun run = stager("--commit", "--sign-key", key.toString());
        assertEquals(2, run.exitCode(), key.getFileName() + "\n" + run.describe());
        assertTrue(run.err().contains("PZ_SIGN_KEY_INVALID"), run.err());
        assertEquals(List.of(), TempTrees.list(out), "nothing written, no zip");
        assertFalse(TempTrees.exists(data.resolve("dashboard")));
        assertFalse(TempTrees.exists(HookTrees.projectManifest(data, ID)));
    }

    @Test
    void aGarbageKeyFileIsInvalid() throws Exception {
        assertBadKeyRefusedBeforeAnyWrite(TempTrees.write(keys.resolve("garbage.pem"),
                "this is not a key\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aPemBlockOfGarbageIsInvalid() throws Exception {
        assertBadKeyRefusedBeforeAnyWrite(TempTrees.write(keys.resolve("badblock.pem"),
                "-----BEGIN PRIVATE KEY-----\nnot*base64!!\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII)));
        assertBadKeyRefusedBeforeAnyWrite(TempTrees.write(keys.resolve("short.pem"),
                "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void anRsaKeyIsInvalid() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertBadKeyRefusedBeforeAnyWrite(HookTrees.writePem(keys.resolve("rsa.pem"), rsa.generateKeyPair().getPrivate()));
    }

    @Test
    void anOpensslRsaKeyIsInvalid() throws Exception {
        Assumptions.assumeTrue(HookTrees.onPath("openssl"), "openssl is not on PATH");
        HookTrees.Result gen = HookTrees.exec(keys, "openssl", "genpkey", "-algorithm", "RSA",
                "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa-openssl.pem");
        assertEquals(0, gen.exitCode(), gen.output());
        assertBadKeyRefusedBeforeAnyWrite(keys.resolve("rsa-openssl.pem"));
    }

    @Test
    void anEcKeyIsInvalid() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        assertBadKeyRefusedBeforeAnyWrite(HookTrees.writePem(keys.resolve("ec.pem"), ec.generateKeyPair().getPrivate()));
    }

    @Test
    void aPublicKeyOrAMissingFileIsInvalid() throws Exception {
        jdkKeys("");
        assertBadKeyRefusedBeforeAnyWrite(keys.resolve("pub.pem"));
        assertBadKeyRefusedBeforeAnyWrite(keys.resolve("no-such-key.pem"));
    }

    @Test
    void aBadKeyLeavesAnEarlierDeliveryAlone() throws Exception {
        jdkKeys("");
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        var before = TempTrees.snapshot(out);
        Path garbage = TempTrees.write(keys.resolve("garbage.pem"), "nope".getBytes(StandardCharsets.US_ASCII));
        TempTrees.file(content, "c.txt", "new");
        CliRun run = stager("--commit", "--sign-key", garbage.toString());
        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(before, TempTrees.snapshot(out));
    }

    // ---- verify_zip --public-key (when the build has it) ----


    @Test
    void verifyZipChecksTheSignatureWithThePublicKey() throws Exception {
        jdkKeys("");
        jdkKeys("other-");
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        String pub = keys.resolve("pub.pem").toString();

        CliRun ok = CliRun.verifyZip("--zip", zip.toString(), "--public-key", pub);
        assertEquals(0, ok.exitCode(), ok.describe());

        CliRun otherKey = CliRun.verifyZip("--zip", zip.toString(), "--public-key", keys.resolve("other-pub.pem").toString());
        assertEquals(1, otherKey.exitCode(), otherKey.describe());
        assertTrue(otherKey.describe().toLowerCase(Locale.ROOT).contains("signature"), otherKey.describe());

        changeOneManifestByte();
        CliRun changed = CliRun.verifyZip("--zip", zip.toString(), "--public-key", pub);
        assertEquals(1, changed.exitCode(), changed.describe());
        assertTrue(changed.describe().toLowerCase(Locale.ROOT).contains("signature"), changed.describe());
    }

    @Test
    void verifyZipWithAPublicKeyRequiresASignature() throws Exception {
        jdkKeys("");
        assertEquals(0, stager("--commit").exitCode());
        CliRun run = CliRun.verifyZip("--zip", zip.toString(), "--public-key", keys.resolve("pub.pem").toString());
        assertEquals(1, run.exitCode(), "a missing signature fails\n" + run.describe());
        CliRun without = CliRun.verifyZip("--zip", zip.toString());
        assertEquals(0, without.exitCode(), "without --public-key the signature is not asked for\n" + without.describe());
    }

    @Test
    void verifyZipRejectsAnUnusablePublicKeyAsAUsageError() throws Exception {
        jdkKeys("");
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        Path garbage = TempTrees.write(keys.resolve("garbage-pub.pem"), "not a key".getBytes(StandardCharsets.US_ASCII));
        for (Path bad : List.of(garbage, keys.resolve("key.pem"), keys.resolve("missing-pub.pem"))) {
            CliRun run = CliRun.verifyZip("--zip", zip.toString(), "--public-key", bad.toString());
            assertEquals(2, run.exitCode(), bad.getFileName() + "\n" + run.describe());
            assertTrue(run.err().contains("PZ_SIGN_KEY_INVALID"), run.err());
        }
    }

    @Test
    void verifyZipAcceptsAnOpensslPublicKey() throws Exception {
        Assumptions.assumeTrue(HookTrees.opensslWithRawin(), "openssl 3 is not on PATH");
        opensslKeys();
        assertEquals(0, stager("--commit", "--sign-key", keys.resolve("key.pem").toString()).exitCode());
        CliRun ok = CliRun.verifyZip("--zip", zip.toString(), "--public-key", keys.resolve("pub.pem").toString());
        assertEquals(0, ok.exitCode(), ok.describe());
        Files.delete(sig);
        CliRun missing = CliRun.verifyZip("--zip", zip.toString(), "--public-key", keys.resolve("pub.pem").toString());
        assertEquals(1, missing.exitCode(), missing.describe());
    }
}
