package zip;

import errors.ErrorCode;
import errors.IoErrors;
import errors.PrezipException;
import io.AtomicFiles;
import io.BoundedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signatures over a manifest's exact bytes, stored raw (64 bytes) in {@code <manifest>.sig}:
 * the form {@code openssl pkeyutl -verify -rawin} checks, so a client needs nothing but OpenSSL.
 */
public final class ManifestSignature {
    public static final String ALGORITHM = "Ed25519";

    private ManifestSignature() {}

    public static Path pathFor(Path manifest) {
        return manifest.resolveSibling(manifest.getFileName() + ".sig");
    }

    /** An Ed25519 PKCS#8 PEM private key (openssl genpkey -algorithm ed25519). */
    public static PrivateKey loadPrivateKey(Path pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PrezipException(ErrorCode.PZ_SIGN_KEY_INVALID, pem + " is not an Ed25519 private key ("
                    + e.getMessage() + "): " + ErrorCode.PZ_SIGN_KEY_INVALID.advice());
        }
    }

    /** An Ed25519 SubjectPublicKeyInfo PEM public key (openssl pkey -pubout). */
    public static PublicKey loadPublicKey(Path pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new PrezipException(ErrorCode.PZ_SIGN_KEY_INVALID, pem + " is not an Ed25519 public key ("
                    + e.getMessage() + ")");
        }
    }

    /** The raw 64-byte signature of exactly these manifest bytes (the ones written to disk). */
    public static byte[] sign(byte[] manifestBytes, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(manifestBytes);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new PrezipException(ErrorCode.PZ_SIGN_KEY_INVALID, "cannot sign with this key: " + e.getMessage(), e);
        }
    }

    /** Signs a manifest file as it is on disk and writes the raw signature beside it. */
    public static void sign(Path manifest, PrivateKey key) {
        try {
            AtomicFiles.write(pathFor(manifest), sign(Files.readAllBytes(manifest), key));
        } catch (IOException e) {
            throw IoErrors.toPrezip(e, "signing the manifest", manifest);
        }
    }

    /** Whether {@code <manifest>.sig} exists and is a valid signature of the manifest's bytes. */
    public static boolean verify(Path manifest, PublicKey key) throws IOException {
        return verify(manifest, key, Long.MAX_VALUE);
    }

    /**
     * The same, for a manifest from outside: one larger than {@code maxBytes}, or a signature larger
     * than any Ed25519 one, or either no regular file, is not read and does not verify.
     */
    public static boolean verify(Path manifest, PublicKey key, long maxBytes) throws IOException {
        byte[] signed;
        byte[] signature;
        try {
            // Read as every file from outside is: regular files only, refused past their bound, even if they grow.
            signed = BoundedFiles.readBytes(manifest, ErrorCode.PZ_MANIFEST_INVALID, maxBytes);
            signature = BoundedFiles.readBytes(pathFor(manifest), ErrorCode.PZ_MANIFEST_INVALID, MAX_SIGNATURE_BYTES);
        } catch (PrezipException unreadable) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** An Ed25519 signature is 64 bytes; a file much larger is no signature. */
    static final long MAX_SIGNATURE_BYTES = 1024;

    private static byte[] pemBody(Path pem, String type) {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new PrezipException(ErrorCode.PZ_SIGN_KEY_INVALID, "cannot read key " + pem + ": " + e.getMessage());
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("no '" + begin + "' block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
