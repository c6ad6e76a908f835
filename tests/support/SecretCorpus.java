package support;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Synthetic credentials: random strings in the documented format of each shipped rule, made fresh by
 * each test from a seed (never real tokens, never copied from anywhere), and look-alikes that are no
 * secret: documented example values, public keys, certificates, hashes, UUIDs, base64 image data,
 * minified code and placeholders.
 */
public final class SecretCorpus {
    static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    static final String DIGITS = "0123456789";
    static final String ALNUM = UPPER + LOWER + DIGITS;
    static final String URL_SAFE = ALNUM + "_-";
    static final String BASE64 = ALNUM + "+/";
    static final String HEX = "0123456789abcdef";

    /** A planted credential: the whole line as it would stand in a file, and the part that must never be printed. */
    public record Planted(String rule, String text, String secret) {}

    private final Random random;

    public SecretCorpus(long seed) {
        this.random = new Random(seed);
    }

    public String chars(String alphabet, int n) {
        StringBuilder text = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private String base64Lines(int bytes, String newline) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        String all = Base64.getEncoder().encodeToString(raw);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < all.length(); i += 64) {
            text.append(all, i, Math.min(all.length(), i + 64)).append(newline);
        }
        return text.toString();
    }

    /** One planted credential per shipped rule id, in the rule file's order. */
    public Map<String, Planted> onePerRule() {
        Map<String, Function<SecretCorpus, Planted>> makers = new LinkedHashMap<>();
        makers.put("pem-private-key", c -> {
            String[] kinds = {"RSA ", "EC ", "DSA ", "OPENSSH ", "", "ENCRYPTED "};
            String kind = kinds[c.random.nextInt(kinds.length)];
            String body = c.base64Lines(900, "\n");
            return new Planted("pem-private-key", "-----BEGIN " + kind + "PRIVATE KEY-----\n" + body
                    + "-----END " + kind + "PRIVATE KEY-----", body.substring(0, 64));
        });
        makers.put("putty-private-key", c -> {
            String priv = c.base64Lines(48, "\n");
            return new Planted("putty-private-key", "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key\n"
                    + "Public-Lines: 2\n" + c.base64Lines(51, "\n") + "Private-Lines: 1\n" + priv + "Private-MAC: " + c.chars(HEX, 64),
                    priv.strip());
        });
        makers.put("aws-access-key-id", c -> plain("aws-access-key-id", "aws_access_key_id = ", "AKIA" + c.chars(UPPER + "234567", 16)));
        makers.put("aws-secret-access-key", c -> plain("aws-secret-access-key", "aws_secret_access_key = ", c.chars(BASE64, 40)));
        makers.put("github-token", c -> plain("github-token", "token: ", "ghp_" + c.chars(ALNUM, 36)));
        makers.put("github-fine-grained-token", c -> plain("github-fine-grained-token", "GH_TOKEN=",
                "github_pat_" + c.chars(ALNUM, 22) + "_" + c.chars(ALNUM, 59)));
        makers.put("gitlab-token", c -> plain("gitlab-token", "private-token: ", "glpat-" + c.chars(URL_SAFE, 20)));
        makers.put("slack-token", c -> plain("slack-token", "SLACK_BOT_TOKEN=\"",
                "xoxb-" + c.chars(DIGITS, 12) + "-" + c.chars(DIGITS, 13) + "-" + c.chars(ALNUM, 24)));
        makers.put("slack-webhook-url", c -> plain("slack-webhook-url", "webhook: https://",
                "hooks.slack.com/services/T" + c.chars(UPPER + DIGITS, 9) + "/B" + c.chars(UPPER + DIGITS, 9) + "/" + c.chars(ALNUM, 24)));
        makers.put("stripe-live-key", c -> plain("stripe-live-key", "STRIPE_KEY=", "sk_live_" + c.chars(ALNUM, 24)));
        makers.put("google-api-key", c -> plain("google-api-key", "maps_key: ", "AIza" + c.chars(URL_SAFE, 35)));
        makers.put("cloud-service-account-key", c -> {
            String key = "-----BEGIN PRIVATE KEY-----\\n" + c.base64Lines(900, "\\n") + "-----END PRIVATE KEY-----\\n";
            return new Planted("cloud-service-account-key", "{\n  \"type\": \"service_account\",\n  \"project_id\": \"render-farm\",\n"
                    + "  \"private_key_id\": \"" + c.chars(HEX, 40) + "\",\n  \"private_key\": \"" + key + "\",\n"
                    + "  \"client_email\": \"svc@render-farm.iam.gserviceaccount.com\"\n}", key.substring(40, 104));
        });
        makers.put("azure-storage-account-key", c -> plain("azure-storage-account-key",
                "DefaultEndpointsProtocol=https;AccountName=renders;AccountKey=", c.chars(BASE64, 86) + "==", ";EndpointSuffix=core.windows.net"));
        makers.put("azure-sas-token", c -> plain("azure-sas-token",
                "https://renders.blob.core.windows.net/out?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-01T00:00:00Z&sig=",
                c.chars(ALNUM, 20) + "%2B" + c.chars(ALNUM, 22) + "%3D", ""));
        makers.put("npm-token", c -> plain("npm-token", "//registry.npmjs.org/:_authToken=", "npm_" + c.chars(ALNUM, 36)));
        makers.put("pypi-token", c -> plain("pypi-token", "password = ", "pypi-AgEIcHlwaS5vcmc" + c.chars(URL_SAFE, 70)));
        makers.put("openai-api-key", c -> plain("openai-api-key", "OPENAI_API_KEY=", "sk-proj-" + c.chars(URL_SAFE, 48)));
        makers.put("openai-api-key-legacy", c -> plain("openai-api-key-legacy", "openai.api_key = '",
                "sk-" + c.chars(ALNUM, 20) + "T3BlbkFJ" + c.chars(ALNUM, 20), "'"));
        makers.put("anthropic-api-key", c -> plain("anthropic-api-key", "x-api-key: ", "sk-ant-api03-" + c.chars(URL_SAFE, 93) + "AA"));
        makers.put("sendgrid-api-key", c -> plain("sendgrid-api-key", "SENDGRID_API_KEY=",
                "SG." + c.chars(URL_SAFE, 22) + "." + c.chars(URL_SAFE, 43)));
        makers.put("twilio-api-key", c -> plain("twilio-api-key", "twilio_key: ", "SK" + c.chars(HEX, 32)));
        makers.put("mailgun-api-key", c -> plain("mailgun-api-key", "MAILGUN_KEY=", "key-" + c.chars(LOWER + DIGITS, 32)));
        makers.put("url-with-password", c -> {
            String password = c.chars(ALNUM, 16);
            return new Planted("url-with-password", "database_url: postgres://render_app:" + password + "@db.internal:5432/prod", password);
        });
        makers.put("connection-string-password", c -> {
            String password = c.chars(ALNUM, 16);
            return new Planted("connection-string-password",
                    "Server=tcp:sql.internal,1433;Database=prod;User Id=app;Password=" + password + ";Encrypt=True;", password);
        });
        Map<String, Planted> planted = new LinkedHashMap<>();
        makers.forEach((rule, maker) -> planted.put(rule, maker.apply(this)));
        return planted;
    }

    private static Planted plain(String rule, String before, String token) {
        return plain(rule, before, token, "");
    }

    private static Planted plain(String rule, String before, String token, String after) {
        return new Planted(rule, before + token + after, token);
    }

    /** Text that looks like credentials to a careless scanner and holds none. */
    public List<String> lookAlikes() {
        List<String> texts = new ArrayList<>();
        texts.add("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        texts.add("ssh-rsa AAAAB3NzaC1yc2E" + chars(BASE64, 360) + " artist@workstation\n");
        texts.add("-----BEGIN PUBLIC KEY-----\n" + base64Lines(294, "\n") + "-----END PUBLIC KEY-----\n");
        texts.add("-----BEGIN CERTIFICATE-----\n" + base64Lines(900, "\n") + "-----END CERTIFICATE-----\n");
        StringBuilder spdx = new StringBuilder("SPDXVersion: SPDX-2.3\n");
        for (int i = 0; i < 200; i++) {
            spdx.append("FileName: ./src/file").append(i).append(".c\nFileChecksum: SHA1: ").append(chars(HEX, 40))
                    .append("\nFileChecksum: SHA256: ").append(chars(HEX, 64)).append("\nFileChecksum: MD5: ").append(chars(HEX, 32)).append('\n');
        }
        texts.add(spdx.toString());
        StringBuilder uuids = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            uuids.append(new UUID(random.nextLong(), random.nextLong())).append(',').append(chars(HEX, 32).toUpperCase()).append('\n');
        }
        texts.add(uuids.toString());
        texts.add("<img src=\"data:image/png;base64," + base64Lines(200_000, "") + "\">\n");
        texts.add("password=${DB_PASSWORD}\nDB_URL=postgres://app:${DB_PASSWORD}@db:5432/prod\nhttps://user:password@example.com/\n"
                + "aws_secret_access_key = <your secret access key>\nPassword=changeme;\n"
                + "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n"
                + "token: ghp_" + "x".repeat(36) + "\nkey: AKIA" + "X".repeat(16) + "\nsig=%(signature)s\n");
        StringBuilder minified = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            minified.append("var ").append(chars(LOWER, 2)).append("=function(a,b){return a.task-").append(chars(ALNUM, 40))
                    .append("||b.monkey-").append(chars(LOWER + DIGITS, 32)).append("||DESK").append(chars(HEX, 32))
                    .append("||x.disk_live_").append(chars(ALNUM, 24)).append("};");
        }
        texts.add(minified.toString());
        return texts;
    }

    /** Ordinary deliverable text with no credential and no look-alike. */
    public String cleanText(int bytes) {
        StringBuilder text = new StringBuilder();
        String[] words = {"render", "frame", "plate", "shot", "colour", "grade", "final", "client", "note", "version",
                "scene", "camera", "light", "key", "password", "token", "secret", "sk", "AKIA", "sig"};
        while (text.length() < bytes) {
            text.append(words[random.nextInt(words.length)]).append(random.nextInt(9) == 0 ? ".\n" : " ");
        }
        return text.toString();
    }
}
