package secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import support.SecretCorpus;

/** What a captured value must be beyond its rule's pattern: each check on values it takes and values it refuses. */
class ValueCheckTest {
    static boolean accepts(ValueCheck check, String value, int next) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        return check.accepts(b, 0, b.length, next);
    }

    static boolean accepts(ValueCheck check, String value) {
        return accepts(check, value, -1);
    }

    @Test
    void aPasswordIsNoCodeNoPlaceholderAndNoWordOrNumber() {
        SecretCorpus corpus = new SecretCorpus(1);
        String strong = corpus.chars("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", 10) + "7!";
        assertTrue(accepts(ValueCheck.PASSWORD, strong));
        assertTrue(accepts(ValueCheck.PASSWORD, "hunter22"), "eight characters of two kinds");
        assertFalse(accepts(ValueCheck.PASSWORD, "hunter2"), "seven are too few to tell from a word");
        assertFalse(accepts(ValueCheck.PASSWORD, "postgresql"), "letters alone: a word or a name");
        assertFalse(accepts(ValueCheck.PASSWORD, "12345678"), "digits alone: a number");
        assertFalse(accepts(ValueCheck.PASSWORD, "None"));
        assertFalse(accepts(ValueCheck.PASSWORD, "props.password"), "member access");
        assertFalse(accepts(ValueCheck.PASSWORD, "self.key_password2"), "member access");
        assertFalse(accepts(ValueCheck.PASSWORD, "PASSWORD", '('), "a call");
        assertFalse(accepts(ValueCheck.PASSWORD, "kwargs_2x", '['), "an index");
        assertFalse(accepts(ValueCheck.PASSWORD, "\\fIpassword\\fR"), "markup");
        assertFalse(accepts(ValueCheck.PASSWORD, "password123"), "a placeholder word");
        assertFalse(accepts(ValueCheck.PASSWORD, "my-pvk-Passw0rd".replace("0", "o")), "a placeholder word, any case");
        assertFalse(accepts(ValueCheck.PASSWORD, "abcdef12345124"), "a keyboard run: an example");
        assertFalse(accepts(ValueCheck.PASSWORD, "DB_PASSWORD_2"), "a constant's name");
        assertTrue(accepts(ValueCheck.PASSWORD, "he%2F%2Fo-w0rld"), "a %XX escape is one character");
        assertFalse(accepts(ValueCheck.PASSWORD, "p%40ss%21"), "four characters once unescaped");
    }

    @Test
    void aGenericTokenIsLongAndMixesLettersAndDigits() {
        SecretCorpus corpus = new SecretCorpus(2);
        assertTrue(accepts(ValueCheck.TOKEN, corpus.chars("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", 20) + "42"));
        assertTrue(accepts(ValueCheck.TOKEN, corpus.chars("ghjkmnpqrstuvwxyz", 22) + "93==" ), "base64 padding at the end");
        assertFalse(accepts(ValueCheck.TOKEN, "tree.requestKey===_shared_lib_2"), "an expression");
        assertFalse(accepts(ValueCheck.TOKEN, "CLOUDFLARE_R2_REQUEST_KEY"), "a constant's name");
        assertFalse(accepts(ValueCheck.TOKEN, "a1b2c3d4e5f6"), "too short");
        assertFalse(accepts(ValueCheck.TOKEN, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="), "an alphabet");
    }

    @Test
    void basicCredentialsDecodeToUserColonPassword() {
        assertTrue(accepts(ValueCheck.BASIC_AUTH, Base64.getEncoder().encodeToString("render:Xk29vQpz3s".getBytes(StandardCharsets.US_ASCII))));
        assertFalse(accepts(ValueCheck.BASIC_AUTH, Base64.getEncoder().encodeToString("user:password".getBytes(StandardCharsets.US_ASCII))),
                "the documented placeholder");
        assertFalse(accepts(ValueCheck.BASIC_AUTH, "authentication"), "a word is no base64 of user:password");
        assertFalse(accepts(ValueCheck.BASIC_AUTH, Base64.getEncoder().encodeToString("no colon here".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void aKeyBodyHasALineOfBase64AndProseHasNone() {
        assertTrue(accepts(ValueCheck.KEY_BODY, "\n" + new SecretCorpus(3).chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64)));
        assertFalse(accepts(ValueCheck.KEY_BODY, "\nThe header above is followed by prose, which has no long run of letters at all."));
    }

    @Test
    void githubAndNpmTokensEndInTheCrcOfTheirRandomPart() {
        String token = new SecretCorpus(4).checksummed(30);
        assertTrue(accepts(ValueCheck.CRC32_BASE62, token));
        String wrong = token.substring(0, 29) + (token.charAt(29) == 'a' ? 'b' : 'a') + token.substring(30);
        assertFalse(accepts(ValueCheck.CRC32_BASE62, wrong), "one character changed: the checksum no longer holds");
    }

    @Test
    void aPasswordStartingWithTheUserNameBeforeItIsAnExample() {
        byte[] line = "  { username: 'alice', password: 'alice-pass2', origin: 'x' }".getBytes(StandardCharsets.US_ASCII);
        String text = new String(line, StandardCharsets.US_ASCII);
        int keyword = text.indexOf("password");
        int from = text.indexOf("alice-pass2");
        assertTrue(ValueCheck.startsWithUserName(line, keyword, from, from + "alice-pass2".length()));
        byte[] other = "User Id=app;Password=Xk29vQpz3s".getBytes(StandardCharsets.US_ASCII);
        assertFalse(ValueCheck.startsWithUserName(other, 12, 21, other.length), "another value");
    }

    @Test
    void aRuleNamesItsCheckAndAnUnknownNameIsRefused() {
        assertEquals(ValueCheck.KEY_BODY, ValueCheck.of("key-body"));
        assertEquals(ValueCheck.CRC32_BASE62, ValueCheck.of("crc32-base62"));
        assertThrows(IllegalArgumentException.class, () -> ValueCheck.of("entropy"));
        assertTrue(ValueCheck.names().contains("basic-auth"));
    }

    @Test
    void aJsonWebTokenSignedWithADocumentationKeyIsAnExample() throws Exception {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"" + new SecretCorpus(5).chars("abcdef", 12)
                + "\"}").getBytes(StandardCharsets.UTF_8));
        for (String key : new String[] {"secret", new SecretCorpus(6).chars("abcdefghijklmnopqrstuvwxyz0123456789", 32)}) {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            String token = header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            assertEquals(!key.equals("secret"), accepts(ValueCheck.JWT, token.substring(ValueCheck.JWT_START.length())), key);
        }
    }
}
