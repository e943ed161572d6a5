package dev.migrate.core.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where secrets are removed from text before it reaches a log line, an error
 * message or a report. Two layers, so that one failing does not leak:
 *
 * <ol>
 *   <li>Shapes: the password of a {@code postgresql://}, {@code postgres://} or {@code
 *       jdbc:postgresql://} URL ({@code user:secret@host} becomes {@code user:***@host}), and
 *       {@code password=...} parameters ({@code ?password=}, {@code &password=}, libpq's
 *       {@code password=...} keyword form).
 *   <li>Values: every secret registered with {@link #registerSecret} (done by whoever resolves
 *       a password, e.g. {@link PostgresTarget}), in its raw and URL-encoded spellings, is
 *       replaced by {@code ***} wherever it appears.
 * </ol>
 *
 * <p>Secrets shorter than {@value #MIN_SECRET_LENGTH} characters are not scrubbed as free text
 * (replacing every {@code "ab"} would mangle all output while protecting nothing worth the
 * name); they are still removed by the shape rules. Thread-safe: a static registry.
 */
public final class Redactor {

    /** What every secret is replaced with. */
    public static final String MASK = "***";

    /** Shortest registered secret that is scrubbed wherever it appears. */
    public static final int MIN_SECRET_LENGTH = 4;

    /**
     * Scheme, then user, then {@code :password@}. The password runs to the LAST {@code @} before
     * the next whitespace or quote: a raw (unencoded) {@code @}, {@code /} or {@code ?} inside a
     * password must never leave its tail visible. The price, an {@code @} inside a query value
     * hiding the host too, is the safe side to err on.
     */
    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)((?:jdbc:)?postgres(?:ql)?(?:\\+[a-z0-9_]+)?://[^\\s\"'<>:@/?]*:)([^\\s\"'<>]*)@");

    /** {@code password=...} in a query string or a libpq keyword/value string. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile(
            "(?i)(\\b(?:password|pgpassword|postgres_password|sslpassword)\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^\\s&;\"']+)");

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Redactor() {}

    /** Remembers a secret (a resolved password) so that {@link #redact} removes it everywhere. */
    public static void registerSecret(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            return;
        }
        SECRETS.add(secret);
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) {
            SECRETS.add(encoded);
            SECRETS.add(encoded.replace("+", "%20"));
        }
    }

    /** Same as {@link #registerSecret(String)} for a password held as characters. */
    public static void registerSecret(char[] secret) {
        if (secret != null) {
            registerSecret(new String(secret));
        }
    }

    /** Forgets every registered secret; for tests. */
    static void clearSecretsForTests() {
        SECRETS.clear();
    }

    /** The text with URL passwords, password parameters and registered secrets masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        out = PASSWORD_PARAM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        // Longest first, so a secret containing another is masked whole.
        List<String> secrets = SECRETS.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }

    /**
     * True when the text holds a password by its shape (a URL's {@code user:password@} or a
     * {@code password=} parameter), regardless of the registered secrets.
     */
    public static boolean containsPassword(String text) {
        return text != null
                && (URL_PASSWORD.matcher(text).find()
                        || PASSWORD_PARAM.matcher(text).find());
    }

    /**
     * {@link #redact(String)}, and also the password just tried (registered or not), under the
     * same length rule: a short password is not masked as free text, since masking every "abc"
     * in a message would spell the password out in the gaps it leaves.
     */
    public static String redact(String text, String password) {
        String out = text;
        if (out != null && password != null && password.length() >= MIN_SECRET_LENGTH) {
            out = out.replace(password, MASK);
        }
        return redact(out);
    }

    /** The message of a throwable, redacted; its class name when it has no message. */
    public static String redactedMessage(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : redact(message);
    }
}
