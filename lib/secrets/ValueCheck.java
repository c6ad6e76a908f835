package secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What a rule's captured value must look like beyond its pattern, for formats without a fixed prefix: a
 * value assigned to a name ({@code password=}, {@code API_TOKEN:}) is often code, a placeholder or an
 * example in documentation, never a credential. Each check reads only the value and the byte after it.
 */
enum ValueCheck {
    /** A vendor's token: its prefix and pattern say enough. */
    NONE,
    /** A password: no code, no placeholder, and strong enough that it is no word, number or name. */
    PASSWORD,
    /** A generic token or key: no code, no placeholder, long and random (letters and digits). */
    TOKEN,
    /** HTTP Basic credentials: base64 that decodes to {@code user:password}. */
    BASIC_AUTH,
    /** A key's body: a run of base64 as long as a line of a key file (prose after a key's header has none). */
    KEY_BODY,
    /** GitHub's and npm's tokens: the last 6 characters are the base62 CRC-32 of the random part before them. */
    CRC32_BASE62,
    /**
     * A JSON Web Token not signed with a documentation key ("secret"): one anyone can forge guards nothing.
     * The value is the token after its keyword, {@link #JWT_START}.
     */
    JWT;

    /** Shorter passwords are not told apart from words and numbers in prose (and are no protection anyway). */
    static final int MIN_PASSWORD_CHARS = 8;
    /** Kinds of character a password mixes at least (letters, digits, others): one kind is a word or a number. */
    static final int MIN_PASSWORD_KINDS = 2;
    /** A generic token without a vendor prefix: shorter ones are ids, counters and words. */
    static final int MIN_TOKEN_CHARS = 16;
    /** Whether the check is for a value with no vendor format (a password, a token under any name). */
    boolean generic() {
        return this == PASSWORD || this == TOKEN || this == BASIC_AUTH;
    }

    /** Words of placeholders and documented examples (checked in lower case, inside the value). */
    static final List<String> PLACEHOLDER_WORDS = List.of("password", "passwd", "secret", "example", "changeme", "fake",
            "dummy", "sample", "placeholder", "xxxx", "****", "your", "test", "redacted", "token", "insert", "replace",
            "1234", "abcd", "qwerty");
    /** How every JSON Web Token starts (base64url of '{"'): the jwt rule's keyword, ahead of its value. */
    static final String JWT_START = "eyJ";
    /** The keys documentation signs its example JSON Web Tokens with (jwt.io's, PyJWT's, the tutorials'). */
    static final List<String> EXAMPLE_JWT_KEYS = List.of("secret", "your-256-bit-secret", "your-secret-key", "secret-key", "key",
            "changeme", "password", "shhhhh", "mysecret", "my-secret");
    /** The HMAC algorithms of a JSON Web Token and the JDK's names for them. */
    private static final java.util.Map<String, String> JWT_HMACS = java.util.Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384",
            "HS512", "HmacSHA512");

    /** The words of code and configuration that stand where no value was given. */
    static final List<String> CODE_WORDS = List.of("none", "null", "nil", "undefined", "true", "false", "empty");

    /** A base64 run at least this long: a PEM line is 64, a PuTTY line 64, a notebook's key line 64. */
    static final int MIN_KEY_BODY_RUN = 40;
    /** Characters of the checksum at the end of a GitHub or npm token. */
    static final int CHECKSUM_CHARS = 6;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The names rules use, for the rule file's error message. */
    static String names() {
        return java.util.Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    static ValueCheck of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * Whether the value buffer[from, to) passes; {@code next} is the byte after it, or -1 at the end of the
     * stream.
     */
    boolean accepts(byte[] buffer, int from, int to, int next) {
        return switch (this) {
            case NONE -> true;
            case PASSWORD -> !isCode(buffer, from, to, next) && !hasPlaceholderWord(buffer, from, to) && isStrongPassword(buffer, from, to);
            case TOKEN -> !isCode(buffer, from, to, next) && !hasPlaceholderWord(buffer, from, to) && isRandomToken(buffer, from, to);
            case BASIC_AUTH -> isBasicCredentials(buffer, from, to);
            case KEY_BODY -> hasBase64Run(buffer, from, to);
            case CRC32_BASE62 -> hasChecksum(buffer, from, to);
            case JWT -> !isSignedWithExampleKey(JWT_START + new String(buffer, from, to - from, StandardCharsets.ISO_8859_1));
        };
    }

    /**
     * Code, not a value: a call or index ({@code f(}, {@code a[}), member access ({@code props.password}),
     * a markup or shell escape ({@code \fI}, a backtick), or a word code uses for "no value".
     */
    static boolean isCode(byte[] b, int from, int to, int next) {
        if (next == '(' || next == '[' || next == '`') {
            return true;
        }
        for (int i = from; i < to; i++) {
            if (b[i] == '\\' || b[i] == '`') {
                return true;
            }
        }
        String value = new String(b, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return CODE_WORDS.contains(value) || isMemberAccess(b, from, to) || isSnakeCaseName(b, from, to);
    }

    /** A name in snake case, {@code REQUEST_KEY} or {@code api_key_2}: letters of one case, digits, underscores. */
    static boolean isSnakeCaseName(byte[] b, int from, int to) {
        boolean upper = false;
        boolean lower = false;
        boolean underscore = false;
        for (int i = from; i < to; i++) {
            int c = b[i];
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            underscore |= c == '_';
            if (!isLetter(c) && !isDigit(c) && c != '_') {
                return false;
            }
        }
        return underscore && upper != lower;
    }

    /** An identifier chain {@code a.b} or {@code a.b.c}: identifiers (no digit first) joined by dots. */
    static boolean isMemberAccess(byte[] b, int from, int to) {
        boolean dot = false;
        boolean start = true;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == '.') {
                if (start) {
                    return false;
                }
                dot = true;
                start = true;
            } else if (isLetter(c) || c == '_' || c == '$' || (!start && isDigit(c))) {
                start = false;
            } else {
                return false;
            }
        }
        return dot && !start;
    }

    /** The digits and signs that stand for letters in a placeholder written "l33t" ({@code s00pers3cret}). */
    private static final String LEET = "0o3e4a5s7t@a$s";

    static boolean hasPlaceholderWord(byte[] b, int from, int to) {
        String value = new String(b, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        StringBuilder plain = new StringBuilder(value);
        for (int i = 0; i < plain.length(); i++) {
            int at = LEET.indexOf(plain.charAt(i));
            if (at >= 0 && at % 2 == 0) {
                plain.setCharAt(i, LEET.charAt(at + 1));
            }
        }
        String unleet = plain.toString();
        return PLACEHOLDER_WORDS.stream().anyMatch(word -> value.contains(word) || unleet.contains(word));
    }

    /** At least {@link #MIN_PASSWORD_CHARS} characters (a %XX escape counts as one) of two kinds or more. */
    static boolean isStrongPassword(byte[] b, int from, int to) {
        int chars = 0;
        boolean letter = false;
        boolean digit = false;
        boolean other = false;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == '%' && i + 2 < to && isHex(b[i + 1]) && isHex(b[i + 2])) {
                i += 2;
                other = true;
            } else if (isLetter(c) || c == '_') {
                letter = true;
            } else if (isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
            chars++;
        }
        int kinds = (letter ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
        return chars >= MIN_PASSWORD_CHARS && kinds >= MIN_PASSWORD_KINDS;
    }

    /**
     * At least {@link #MIN_TOKEN_CHARS} characters, letters and digits both, '=' only as base64's padding at
     * the end: a word, a number, a path or an expression ({@code a===b}) is none.
     */
    static boolean isRandomToken(byte[] b, int from, int to) {
        boolean letter = false;
        boolean digit = false;
        int padding = to;
        while (padding > from && b[padding - 1] == '=') {
            padding--;
        }
        for (int i = from; i < to; i++) {
            letter |= isLetter(b[i]);
            digit |= isDigit(b[i]);
            if (b[i] == '=' && i < padding) {
                return false;
            }
        }
        return to - from >= MIN_TOKEN_CHARS && letter && digit;
    }

    /** How far back on its line a password looks for the user name it is given with. */
    static final int USER_LOOKBACK = 200;
    private static final byte[] USER = {'u', 's', 'e', 'r'};

    /**
     * A password that starts with the user name given before it on its line ({@code username: 'alice',
     * password: 'alice-pass'}, {@code User Id=app;Password=app}): a documentation example or a default,
     * never a chosen secret. The name is the value after the last "user" before the keyword.
     */
    static boolean startsWithUserName(byte[] b, int keywordStart, int from, int to) {
        int floor = Math.max(0, keywordStart - USER_LOOKBACK);
        int user = -1;
        for (int i = keywordStart - USER.length; i >= floor && b[i] != '\n'; i--) {
            if (regionIgnoreCase(b, i, USER)) {
                user = i + USER.length;
                break;
            }
        }
        if (user < 0) {
            return false;
        }
        int i = user;
        while (i < keywordStart && (isLetter(b[i]) || b[i] == '_' || b[i] == ' ' || b[i] == '-')) {
            i++;
        }
        while (i < keywordStart && (b[i] == '"' || b[i] == '\'' || b[i] == ':' || b[i] == '=' || b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        int name = i;
        while (i < keywordStart && (isLetter(b[i]) || isDigit(b[i]) || b[i] == '_' || b[i] == '.' || b[i] == '-' || b[i] == '@')) {
            i++;
        }
        int length = i - name;
        return length >= 3 && to - from >= length && java.util.Arrays.equals(b, name, i, b, from, from + length);
    }

    private static boolean regionIgnoreCase(byte[] b, int at, byte[] lower) {
        for (int k = 0; k < lower.length; k++) {
            if ((b[at + k] | 0x20) != lower[k]) {
                return false;
            }
        }
        return true;
    }

    /** A token {@code header.payload.signature} whose HMAC signature one of {@link #EXAMPLE_JWT_KEYS} made. */
    static boolean isSignedWithExampleKey(String token) {
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0) {
            return false;
        }
        String header;
        byte[] signature;
        try {
            header = new String(Base64.getUrlDecoder().decode(token.substring(0, first)), StandardCharsets.UTF_8);
            signature = Base64.getUrlDecoder().decode(token.substring(second + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] signed = token.substring(0, second).getBytes(StandardCharsets.US_ASCII);
        for (java.util.Map.Entry<String, String> hmac : JWT_HMACS.entrySet()) {
            if (!header.contains("\"" + hmac.getKey() + "\"")) {
                continue;
            }
            for (String key : EXAMPLE_JWT_KEYS) {
                try {
                    javax.crypto.Mac mac = javax.crypto.Mac.getInstance(hmac.getValue());
                    mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), hmac.getValue()));
                    if (java.security.MessageDigest.isEqual(mac.doFinal(signed), signature)) {
                        return true;
                    }
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException("the JDK lacks " + hmac.getValue(), e);
                }
            }
        }
        return false;
    }

    /** Base64 of {@code user:password}, both parts printable and not empty, no placeholder ({@code user:password}). */
    static boolean isBasicCredentials(byte[] b, int from, int to) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = -1;
        for (int i = 0; i < decoded.length; i++) {
            if (decoded[i] < 0x20 || decoded[i] > 0x7e) {
                return false;
            }
            if (decoded[i] == ':' && colon < 0) {
                colon = i;
            }
        }
        return colon > 0 && colon < decoded.length - 1 && !hasPlaceholderWord(decoded, 0, decoded.length);
    }

    static boolean hasBase64Run(byte[] b, int from, int to) {
        int run = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            run = isLetter(c) || isDigit(c) || c == '+' || c == '/' ? run + 1 : 0;
            if (run >= MIN_KEY_BODY_RUN) {
                return true;
            }
        }
        return false;
    }

    /** The last {@link #CHECKSUM_CHARS} characters, read as a base62 number, equal the CRC-32 of the ones before. */
    static boolean hasChecksum(byte[] b, int from, int to) {
        if (to - from <= CHECKSUM_CHARS) {
            return false;
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, from, to - from - CHECKSUM_CHARS);
        long value = 0;
        for (int i = to - CHECKSUM_CHARS; i < to; i++) {
            int digit = BASE62.indexOf(b[i]);
            if (digit < 0) {
                return false;
            }
            value = value * BASE62.length() + digit;
        }
        return value == crc.getValue();
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
