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
        makers.put("aws-secret-access-key", c -> plain("aws-secret-access-key", c.pick("aws_secret_access_key = ", "SecretKey: ",
                "\"secret_key\": \""), c.chars(BASE64, 40)));
        makers.put("pgp-private-key", c -> {
            String body = c.base64Lines(700, "\n");
            return new Planted("pgp-private-key", "-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: render-farm signing key\n\n" + body
                    + "=" + c.chars(BASE64, 4) + "\n-----END PGP PRIVATE KEY BLOCK-----", body.substring(0, 64));
        });
        makers.put("base64-private-key", c -> {
            String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + c.base64Lines(600, "\n") + "-----END RSA PRIVATE KEY-----\n";
            String encoded = Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return plain("base64-private-key", "    client-key-data: ", encoded);
        });
        makers.put("base64-credential-assignment", c -> {
            String env = "DB_HOST=db.internal\nDB_PASSWORD=" + c.chars(ALNUM, 20) + "\nAPI_TOKEN=" + c.chars(ALNUM, 32) + "\n";
            return plain("base64-credential-assignment", "env_b64: ", Base64.getEncoder().encodeToString(env.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        });
        makers.put("dotnet-rsa-private-key", c -> {
            String p = Base64.getEncoder().encodeToString(c.bytes(64));
            return new Planted("dotnet-rsa-private-key", "<RSAKeyValue><Modulus>" + Base64.getEncoder().encodeToString(c.bytes(128))
                    + "</Modulus><Exponent>AQAB</Exponent><P>" + p + "</P><Q>" + Base64.getEncoder().encodeToString(c.bytes(64))
                    + "</Q></RSAKeyValue>", p);
        });
        makers.put("jwk-private-key", c -> {
            String d = Base64.getUrlEncoder().withoutPadding().encodeToString(c.bytes(32));
            return new Planted("jwk-private-key", "{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"" + c.chars(URL_SAFE, 43)
                    + "\", \"y\": \"" + c.chars(URL_SAFE, 43) + "\", \"d\": \"" + d + "\"}", d);
        });
        makers.put("aws-bedrock-api-key", c -> plain("aws-bedrock-api-key", "AWS_BEARER_TOKEN_BEDROCK=", "ABSK" + c.chars(BASE64, 132)));
        makers.put("github-token", c -> plain("github-token", "token: ", "ghp_" + c.checksummed(30)));
        makers.put("github-fine-grained-token", c -> plain("github-fine-grained-token", "GH_TOKEN=",
                "github_pat_" + c.chars(ALNUM, 22) + "_" + c.chars(ALNUM, 59)));
        makers.put("gitlab-token", c -> plain("gitlab-token", "private-token: ", "glpat-" + c.chars(URL_SAFE, 20)));
        makers.put("slack-token", c -> plain("slack-token", "SLACK_BOT_TOKEN=\"",
                c.pick("xoxb-", "xapp-") + c.chars(DIGITS, 12) + "-" + c.chars(DIGITS, 13) + "-" + c.chars(ALNUM, 24)));
        makers.put("slack-webhook-url", c -> plain("slack-webhook-url", "webhook: https://",
                "hooks.slack.com/services/T" + c.chars(UPPER + DIGITS, 9) + "/B" + c.chars(UPPER + DIGITS, 9) + "/" + c.chars(ALNUM, 24)));
        makers.put("stripe-live-key", c -> plain("stripe-live-key", "STRIPE_KEY=", "sk_live_" + c.chars(ALNUM, 24)));
        makers.put("slack-workflow-webhook", c -> plain("slack-workflow-webhook", "trigger: https://", "hooks.slack.com/triggers/T"
                + c.chars(UPPER + DIGITS, 9) + "/" + c.chars(DIGITS, 13) + "/" + c.chars(DIGITS, 10) + "/" + c.chars(HEX, 32)));
        makers.put("stripe-test-key", c -> plain("stripe-test-key", "STRIPE_TEST_KEY=", "sk_test_" + c.chars(ALNUM, 99)));
        makers.put("stripe-webhook-secret", c -> plain("stripe-webhook-secret", "endpoint_secret = '", "whsec_" + c.chars(ALNUM, 32), "'"));
        makers.put("google-api-key", c -> plain("google-api-key", "maps_key: ", "AIza" + c.chars(URL_SAFE, 35)));
        makers.put("google-oauth-client-secret", c -> plain("google-oauth-client-secret", "\"client_secret\": \"", "GOCSPX-" + c.chars(URL_SAFE, 28), "\""));
        makers.put("google-oauth-refresh-token", c -> plain("google-oauth-refresh-token", "refresh_token: ", "1//0" + c.chars(URL_SAFE, 99)));
        makers.put("google-oauth-access-token", c -> plain("google-oauth-access-token", "Authorization: OAuth ", "ya29." + c.chars(URL_SAFE, 150)));
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
        makers.put("azure-ad-client-secret", c -> plain("azure-ad-client-secret", "AZURE_CLIENT_SECRET=",
                c.chars(ALNUM, 3) + c.chars(DIGITS, 1) + "Q~" + c.chars(ALNUM + "_~.-", 34)));
        makers.put("alibaba-access-key-id", c -> plain("alibaba-access-key-id", "access_key_id: ", "LTAI" + c.chars(ALNUM, 20)));
        makers.put("alibaba-access-key-secret", c -> plain("alibaba-access-key-secret", "ALIBABA_CLOUD_ACCESS_KEY_SECRET=", c.chars(ALNUM, 30)));
        makers.put("digitalocean-token", c -> plain("digitalocean-token", "DIGITALOCEAN_TOKEN=", c.pick("dop_v1_", "doo_v1_", "dor_v1_") + c.chars(HEX, 64)));
        makers.put("heroku-api-key", c -> plain("heroku-api-key", "HEROKU_API_KEY=", "HRKU-AA" + c.chars(URL_SAFE, 58)));
        makers.put("cloudflare-api-token", c -> plain("cloudflare-api-token", "CLOUDFLARE_API_TOKEN=", c.chars(ALNUM, 38) + c.chars(DIGITS, 2)));
        makers.put("cloudflare-origin-ca-key", c -> plain("cloudflare-origin-ca-key", "origin_ca_key = ", "v1.0-" + c.chars(HEX, 24) + "-" + c.chars(HEX, 146)));
        makers.put("vault-token", c -> plain("vault-token", "VAULT_TOKEN=", "hvs." + c.chars(URL_SAFE, 95)));
        makers.put("terraform-cloud-token", c -> plain("terraform-cloud-token", "token = \"", c.chars(LOWER + DIGITS, 14) + ".atlasv1." + c.chars(URL_SAFE, 67), "\""));
        makers.put("doppler-token", c -> plain("doppler-token", "DOPPLER_TOKEN=", c.pick("dp.pt.", "dp.st.prd.", "dp.sa.") + c.chars(ALNUM, 43)));
        makers.put("docker-hub-token", c -> plain("docker-hub-token", "docker login -u render -p ", "dckr_pat_" + c.chars(URL_SAFE, 27)));
        makers.put("docker-config-auth", c -> plain("docker-config-auth", "{\"auths\": {\"registry.example.org\": {\"auth\": \"",
                Base64.getEncoder().encodeToString(("render:" + c.chars(ALNUM, 16)).getBytes(java.nio.charset.StandardCharsets.US_ASCII)), "\"}}}"));
        makers.put("atlassian-api-token", c -> plain("atlassian-api-token", "JIRA_API_TOKEN=", "ATATT3" + c.chars(URL_SAFE + "=", 186)));
        makers.put("circleci-token", c -> plain("circleci-token", "CIRCLE_TOKEN=", "CCIPAT_" + c.chars(ALNUM, 22) + "_" + c.chars(HEX, 40)));
        makers.put("travis-ci-token", c -> plain("travis-ci-token", "TRAVIS_TOKEN: ", c.chars(ALNUM, 20) + c.chars(DIGITS, 2)));
        makers.put("sentry-token", c -> plain("sentry-token", "SENTRY_AUTH_TOKEN=", "sntryu_" + c.chars(HEX, 64)));
        makers.put("huggingface-token", c -> plain("huggingface-token", "HF_TOKEN=", "hf_" + c.chars(UPPER + LOWER, 34)));
        makers.put("new-relic-key", c -> plain("new-relic-key", "NEW_RELIC_API_KEY=", "NRAK-" + c.chars(UPPER + DIGITS, 27)));
        makers.put("datadog-api-key", c -> plain("datadog-api-key", "DD_API_KEY=", c.chars(HEX, 32)));
        makers.put("shopify-token", c -> plain("shopify-token", "SHOPIFY_ACCESS_TOKEN=", c.pick("shpat_", "shpca_", "shppa_", "shpss_") + c.chars(HEX, 32)));
        makers.put("npm-token", c -> plain("npm-token", "//registry.npmjs.org/:_authToken=", "npm_" + c.checksummed(30)));
        makers.put("npm-auth-token", c -> plain("npm-auth-token", "//npm.example.org/:_authToken=", c.chars(HEX, 8) + "-" + c.chars(HEX, 4)
                + "-" + c.chars(HEX, 4) + "-" + c.chars(HEX, 12)));
        makers.put("pypi-token", c -> plain("pypi-token", "password = ", "pypi-AgEIcHlwaS5vcmc" + c.chars(URL_SAFE, 70)));
        makers.put("openai-api-key", c -> plain("openai-api-key", "OPENAI_API_KEY=", "sk-proj-" + c.chars(URL_SAFE, 48)));
        makers.put("openai-api-key-legacy", c -> plain("openai-api-key-legacy", "openai.api_key = '",
                "sk-" + c.chars(ALNUM, 20) + "T3BlbkFJ" + c.chars(ALNUM, 20), "'"));
        makers.put("anthropic-api-key", c -> plain("anthropic-api-key", "x-api-key: ", "sk-ant-api03-" + c.chars(URL_SAFE, 93) + "AA"));
        makers.put("sendgrid-api-key", c -> plain("sendgrid-api-key", "SENDGRID_API_KEY=",
                "SG." + c.chars(URL_SAFE, 22) + "." + c.chars(URL_SAFE, 43)));
        makers.put("twilio-api-key", c -> plain("twilio-api-key", "twilio_key: ", "SK" + c.chars(HEX, 32)));
        makers.put("twilio-auth-token", c -> plain("twilio-auth-token", "TWILIO_AUTH_TOKEN=", c.chars(HEX, 32)));
        makers.put("twilio-account-credentials", c -> plain("twilio-account-credentials", "curl -u ", "AC" + c.chars(HEX, 32) + ":" + c.chars(HEX, 32)));
        makers.put("mailgun-api-key", c -> plain("mailgun-api-key", "MAILGUN_KEY=", "key-" + c.chars(HEX, 32)));
        makers.put("discord-webhook", c -> plain("discord-webhook", "webhook: https://", "discord.com/api/webhooks/" + c.chars(DIGITS, 19) + "/" + c.chars(URL_SAFE, 68)));
        makers.put("teams-webhook", c -> plain("teams-webhook", "url: https://contoso.", "webhook.office.com/webhookb2/" + c.uuid() + "@" + c.uuid()
                + "/IncomingWebhook/" + c.chars(HEX, 32) + "/" + c.uuid()));
        makers.put("telegram-bot-token", c -> plain("telegram-bot-token", "TELEGRAM_BOT_TOKEN=", c.chars(DIGITS, 10) + ":AA" + c.chars(URL_SAFE, 33)));
        makers.put("jwt", c -> plain("jwt", "session: ", "eyJ" + c.chars(URL_SAFE, 33) + ".eyJ" + c.chars(URL_SAFE, 80) + "." + c.chars(URL_SAFE, 43)));
        makers.put("authorization-bearer", c -> plain("authorization-bearer", "curl -H 'Authorization: Bearer ", c.chars(ALNUM, 38) + c.chars(DIGITS, 2), "'"));
        makers.put("authorization-basic", c -> plain("authorization-basic", "Authorization: Basic ",
                Base64.getEncoder().encodeToString(("render:" + c.chars(ALNUM, 14)).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        makers.put("url-with-password", c -> {
            String password = c.chars(ALNUM, 14) + c.chars(DIGITS, 2);
            return new Planted("url-with-password", "database_url: postgres://render_app:" + password + "@db.internal:5432/prod", password);
        });
        makers.put("connection-string-password", c -> {
            String password = c.chars(ALNUM, 14) + c.chars(DIGITS, 2);
            return new Planted("connection-string-password",
                    "Server=tcp:sql.internal,1433;Database=prod;User Id=app;Password=" + password + ";Encrypt=True;", password);
        });
        makers.put("password-assignment", c -> {
            String password = c.chars(ALNUM, 14) + c.chars(DIGITS, 2);
            return plain("password-assignment", c.pick("  password: ", "\"password\": \"", "db_password = '"), password);
        });
        makers.put("netrc-password", c -> plain("netrc-password", "machine api.example.org login render password ", c.chars(ALNUM, 14) + c.chars(DIGITS, 2)));
        makers.put("generic-secret-assignment", c -> plain("generic-secret-assignment", c.pick("RENDER_API_TOKEN=", "export SIGNING_SECRET=\"",
                "webhook_secret: "), c.chars(ALNUM, 30) + c.chars(DIGITS, 2)));
        Map<String, Planted> planted = new LinkedHashMap<>();
        makers.forEach((rule, maker) -> planted.put(rule, maker.apply(this)));
        return planted;
    }

    /** One of the given texts, at random. */
    public String pick(String... texts) {
        return texts[random.nextInt(texts.length)];
    }

    public byte[] bytes(int n) {
        byte[] raw = new byte[n];
        random.nextBytes(raw);
        return raw;
    }

    String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /**
     * {@code n} random letters and digits followed by their CRC-32 in 6 base62 digits, as GitHub and npm
     * tokens end (their documented checksum).
     */
    public String checksummed(int n) {
        String body = chars(ALNUM, n);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String base62 = DIGITS + UPPER + LOWER;
        StringBuilder sum = new StringBuilder();
        for (long v = crc.getValue(); sum.length() < 6; v /= 62) {
            sum.insert(0, base62.charAt((int) (v % 62)));
        }
        return body + sum;
    }

    private static Planted plain(String rule, String before, String token) {
        return plain(rule, before, token, "");
    }

    private static Planted plain(String rule, String before, String token, String after) {
        return new Planted(rule, before + token + after, token);
    }

    /**
     * The planted set of the scan-quality benchmark: per kind, a file named KIND/planted.EXT holding one
     * credential of that kind between lines of ordinary text.
     */
    public Map<String, byte[]> plantedFiles(String extension) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Planted p : onePerRule().values()) {
            files.put(p.rule() + "/planted." + extension, (cleanText(400) + "\n" + p.text() + "\n" + cleanText(200))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return files;
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
