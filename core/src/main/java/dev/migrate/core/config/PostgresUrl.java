package dev.migrate.core.config;

import dev.migrate.core.MigrateException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the PostgreSQL URL forms users paste: libpq's {@code postgresql://} and {@code
 * postgres://} (also SQLAlchemy's {@code postgresql+driver://}), and pgjdbc's {@code
 * jdbc:postgresql://} and {@code jdbc:postgresql:dbname}.
 *
 * <p>{@code scheme://[user[:password]@][host][:port][/dbname][?key=value&...]}: user, password,
 * host, database and parameters are percent-decoded (UTF-8); an IPv6 host is written in brackets
 * ({@code [::1]}); the query may also carry {@code host}, {@code port}, {@code dbname}, {@code
 * user}, {@code password} and {@code sslmode}, which override the URL's parts as in libpq. Other
 * parameters are handed to the driver; libpq's {@code application_name} and {@code
 * connect_timeout} are renamed to pgjdbc's {@code ApplicationName} and {@code connectTimeout}.
 * Error messages never include the password.
 */
final class PostgresUrl {

    private static final Pattern SCHEME =
            Pattern.compile("(?i)^(?:jdbc:postgresql:|postgres(?:ql)?(?:\\+[a-z0-9_]+)?:)");

    private PostgresUrl() {}

    /** True when the text starts with one of the PostgreSQL URL schemes. */
    static boolean isPostgresUrl(String text) {
        return text != null && SCHEME.matcher(text.strip()).find();
    }

    /**
     * Parses a URL.
     *
     * @param origin where the URL came from, for messages ({@code --from}, {@code DATABASE_URL})
     * @throws MigrateException (INPUT) naming the origin and the problem, never the password
     */
    static PartialSettings parse(String url, String origin) {
        String text = url.strip();
        var schemeMatch = SCHEME.matcher(text);
        if (!schemeMatch.find()) {
            throw invalid(origin, "it does not start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        String rest = text.substring(schemeMatch.end());
        if (!rest.startsWith("//")) {
            // jdbc:postgresql:dbname (pgjdbc's short form); libpq has no such form but is harmless.
            if (rest.isEmpty() || rest.startsWith("/")) {
                throw invalid(origin, "expected // after the scheme");
            }
            int q = rest.indexOf('?');
            String database = decode(q < 0 ? rest : rest.substring(0, q), origin, "database name");
            Map<String, String> query = q < 0 ? Map.of() : parseQuery(rest.substring(q + 1), origin);
            return apply(new Parts(null, null, null, null, database), query, origin);
        }
        rest = rest.substring(2);

        String user = null;
        String password = null;
        int at = userinfoEnd(rest);
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userinfo.indexOf(':');
            String rawUser = colon < 0 ? userinfo : userinfo.substring(0, colon);
            user = rawUser.isEmpty() ? null : decode(rawUser, origin, "user name");
            if (colon >= 0) {
                password = decode(userinfo.substring(colon + 1), origin, "password");
            }
        }

        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int slash = beforeQuery.indexOf('/');
        String hostPort = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String path = slash < 0 ? "" : beforeQuery.substring(slash + 1);

        String host = null;
        Integer port = null;
        if (hostPort.contains(",")) {
            throw invalid(origin, "several hosts are not supported; give one host");
        }
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(origin, "an IPv6 host must be closed with ]");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw invalid(origin, "unexpected text after the IPv6 host");
                }
                portText = after.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
            host = decode(host, origin, "host");
        }
        if (portText != null && !portText.isEmpty()) {
            port = parsePort(portText, origin, false);
        }
        String database = path.isEmpty() ? null : decode(path, origin, "database name");
        Parts parts = new Parts(host == null || host.isEmpty() ? null : host, port, user, password, database);
        return apply(parts, query.isEmpty() ? Map.of() : parseQuery(query, origin), origin);
    }

    private record Parts(String host, Integer port, String user, String password, String database) {}

    private static PartialSettings apply(Parts parts, Map<String, String> query, String origin) {
        String host = parts.host();
        Integer port = parts.port();
        String user = parts.user();
        String password = parts.password();
        String database = parts.database();
        String sslmode = null;
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : query.entrySet()) {
            String value = e.getValue();
            switch (e.getKey()) {
                case "host", "PGHOST" -> host = value;
                case "port", "PGPORT" -> port = parsePort(value, origin, true);
                case "dbname", "PGDBNAME" -> database = value;
                case "user" -> user = value;
                case "password" -> password = value;
                case "sslmode" -> sslmode = value;
                case "application_name" -> params.put("ApplicationName", value);
                case "connect_timeout" -> params.put("connectTimeout", value);
                default -> params.put(e.getKey(), value);
            }
        }
        if (params.containsKey("sslpassword")) {
            Redactor.registerSecret(params.get("sslpassword"));
        }
        return new PartialSettings(host, port, database, user, password, sslmode, params, origin);
    }

    /**
     * Index of the '@' that ends the userinfo, or -1: the last '@' before the first '/' (as in
     * libpq, a userinfo cannot hold a raw '/'; taking the last '@' tolerates a raw '@' in a
     * password).
     */
    private static int userinfoEnd(String rest) {
        int slash = rest.indexOf('/');
        return slash < 0 ? rest.lastIndexOf('@') : rest.lastIndexOf('@', slash);
    }

    private static Map<String, String> parseQuery(String query, String origin) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalid(origin, "query parameter without a value: " + Redactor.redact(pair));
            }
            String key = decode(pair.substring(0, eq), origin, "parameter name");
            String value = decode(pair.substring(eq + 1), origin, "value of parameter " + key);
            out.put(key, value);
        }
        return out;
    }

    /**
     * @param echo whether the message may repeat the text: not for a URL's authority, where a
     *     password with an unencoded '/' can end up in the port position
     */
    static int parsePort(String text, String origin, boolean echo) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        if (echo) {
            throw MigrateException.input("invalid port \"" + Redactor.redact(text) + "\" in " + origin
                    + ": expected a number from 1 to 65535");
        }
        throw MigrateException.input("invalid port in the URL in " + origin
                + ": expected a number from 1 to 65535 (a password must percent-encode / : @ ? as %2F %3A %40 %3F)");
    }

    /** Percent-decoding as in RFC 3986 (a '+' stays a '+'), bytes read as UTF-8. */
    static String decode(String text, String origin, String what) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()
                        || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw invalid(origin, "bad percent-encoding in the " + what);
                }
                bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    utf8 = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(utf8);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(origin, "the " + what + " is not valid UTF-8 after percent-decoding");
        }
    }

    private static MigrateException invalid(String origin, String why) {
        return MigrateException.input("invalid PostgreSQL URL in " + origin + ": " + why);
    }
}
