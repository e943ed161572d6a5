package dev.migrate.core.config;

import dev.migrate.core.MigrateException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resolved PostgreSQL connection: where to connect, as whom, with which password and TLS mode.
 * The password never appears in {@link #jdbcUrl()}, {@link #describe()} or {@link #toString()};
 * it travels only in {@link #properties()}, and is registered with the {@link Redactor} once
 * resolved.
 *
 * <h2>Where the settings come from ({@link #resolve})</h2>
 *
 * <ol>
 *   <li>The URL given on the command line ({@code --from}/{@code --to}), else
 *   <li>{@code DATABASE_URL} when it is a PostgreSQL URL (a {@code sqlite:} one is ignored here),
 *       else
 *   <li>{@code POSTGRES_HOST}, {@code POSTGRES_PORT}, {@code POSTGRES_DB}, {@code POSTGRES_USER},
 *       {@code POSTGRES_PASSWORD}, {@code POSTGRES_SSLMODE} when any of them is set, else
 *   <li>nothing: libpq's variables and defaults below decide.
 * </ol>
 *
 * Whatever the chosen source leaves out is taken, as libpq does, from {@code PGHOST}, {@code
 * PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}, {@code PGSSLMODE}, then from
 * the defaults: host {@code localhost}, port 5432, user the operating-system user, database the
 * user name. When still no password is known it is looked up in the password file ({@link
 * PgPass}: {@code PGPASSFILE} or {@code ~/.pgpass}) for the final host, port, database and user.
 * No password at all is fine: the server may trust the connection or use a certificate. A
 * password is never required on the command line.
 */
public final class PostgresTarget {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTarget.class);

    /** The {@code sslmode} values libpq and pgjdbc both accept. */
    public static final List<String> SSL_MODES =
            List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    /** Default TCP port. */
    public static final int DEFAULT_PORT = 5432;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;
    private final String sslmode;
    private final Map<String, String> params;
    private final String origin;
    private final String passwordOrigin;

    private PostgresTarget(
            String host,
            int port,
            String database,
            String user,
            String password,
            String sslmode,
            Map<String, String> params,
            String origin,
            String passwordOrigin) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.database = Objects.requireNonNull(database, "database");
        this.user = Objects.requireNonNull(user, "user");
        this.password = password == null || password.isEmpty() ? null : password;
        this.sslmode = sslmode;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.origin = origin;
        this.passwordOrigin = this.password == null ? "none" : passwordOrigin;
        Redactor.registerSecret(this.password);
    }

    /** Settings given directly (tests, the demo's embedded server); no lookup at all. */
    public static PostgresTarget of(String host, int port, String database, String user, String password) {
        return new PostgresTarget(host, port, database, user, password, null, Map.of(), "given", "given");
    }

    /** Resolves from the real environment; see the class comment. */
    public static PostgresTarget resolve(String url) {
        return resolve(url, "--from/--to", System.getenv());
    }

    /**
     * Resolves the connection settings; see the class comment for the order.
     *
     * @param url the URL given on the command line, or null
     * @param urlOrigin how to name the URL in messages, e.g. {@code --from}
     * @param env the environment (injected so tests do not depend on the real one)
     * @throws MigrateException (INPUT) for a malformed URL, port or sslmode, or a Unix-socket host
     */
    public static PostgresTarget resolve(String url, String urlOrigin, Map<String, String> env) {
        PartialSettings primary = choosePrimary(url, urlOrigin, env);
        PartialSettings libpq = fromPrefixed(env, "PG", "PGDATABASE", "libpq environment (PG*)");

        String host = firstNonBlank(primary.host(), libpq.host(), "localhost");
        if (host.startsWith("/")) {
            throw MigrateException.input(
                    "the PostgreSQL host from " + (primary.host() != null ? primary.origin() : "PGHOST")
                            + " is a Unix-socket directory (" + host + "); the JDBC driver connects over TCP: use"
                            + " host localhost (or the server's address) instead");
        }
        int port = primary.port() != null ? primary.port() : libpq.port() != null ? libpq.port() : DEFAULT_PORT;
        String user = firstNonBlank(primary.user(), libpq.user(), System.getProperty("user.name"));
        String database = firstNonBlank(primary.database(), libpq.database(), user);
        String sslmode = firstNonBlank(primary.sslmode(), libpq.sslmode(), null);
        if (sslmode != null) {
            sslmode = sslmode.strip().toLowerCase(Locale.ROOT);
            if (!SSL_MODES.contains(sslmode)) {
                throw MigrateException.input("sslmode \"" + sslmode + "\" from "
                        + (primary.sslmode() != null ? primary.origin() : "PGSSLMODE") + " is not one of "
                        + String.join(", ", SSL_MODES));
            }
        }

        String password;
        String passwordOrigin;
        if (notBlank(primary.password())) {
            password = primary.password();
            passwordOrigin = primary.origin();
        } else if (notBlank(libpq.password())) {
            password = libpq.password();
            passwordOrigin = "PGPASSWORD";
        } else {
            PgPass pgpass = PgPass.load(env);
            pgpass.warning().ifPresent(LOG::warn);
            password = pgpass.find(host, port, database, user).orElse(null);
            passwordOrigin = "password file " + pgpass.file();
        }
        return new PostgresTarget(
                host, port, database, user, password, sslmode, primary.params(), primary.origin(), passwordOrigin);
    }

    private static PartialSettings choosePrimary(String url, String urlOrigin, Map<String, String> env) {
        if (notBlank(url)) {
            return PostgresUrl.parse(url, urlOrigin);
        }
        String databaseUrl = env.get("DATABASE_URL");
        if (notBlank(databaseUrl)) {
            if (PostgresUrl.isPostgresUrl(databaseUrl)) {
                return PostgresUrl.parse(databaseUrl, "DATABASE_URL");
            }
            LOG.debug("DATABASE_URL is not a PostgreSQL URL; looking at POSTGRES_* and PG* instead");
        }
        for (String name : List.of(
                "POSTGRES_HOST",
                "POSTGRES_PORT",
                "POSTGRES_DB",
                "POSTGRES_USER",
                "POSTGRES_PASSWORD",
                "POSTGRES_SSLMODE")) {
            if (notBlank(env.get(name))) {
                return fromPrefixed(env, "POSTGRES_", "POSTGRES_DB", "POSTGRES_* environment");
            }
        }
        return PartialSettings.empty("libpq environment (PG*) and defaults");
    }

    /** Reads {@code <prefix>HOST}, {@code PORT}, {@code USER}, {@code PASSWORD}, {@code SSLMODE} and the database variable. */
    private static PartialSettings fromPrefixed(
            Map<String, String> env, String prefix, String databaseVariable, String origin) {
        String portText = blankToNull(env.get(prefix + "PORT"));
        Integer port = portText == null ? null : PostgresUrl.parsePort(portText, prefix + "PORT", true);
        return new PartialSettings(
                blankToNull(env.get(prefix + "HOST")),
                port,
                blankToNull(env.get(databaseVariable)),
                blankToNull(env.get(prefix + "USER")),
                blankToNull(env.get(prefix + "PASSWORD")),
                blankToNull(env.get(prefix + "SSLMODE")),
                Map.of(),
                origin);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** The password, when one was given or found. Do not log it. */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The {@code sslmode}, when one was given (else the driver's default, {@code prefer}). */
    public Optional<String> sslmode() {
        return Optional.ofNullable(sslmode);
    }

    /** Further driver parameters from the URL's query, in pgjdbc spelling. */
    public Map<String, String> params() {
        return params;
    }

    /** Where the settings came from, e.g. {@code DATABASE_URL}, for {@code --verbose} and messages. */
    public String origin() {
        return origin;
    }

    /** Where the password came from ({@code PGPASSWORD}, {@code password file /home/x/.pgpass}), or {@code none}. */
    public String passwordOrigin() {
        return passwordOrigin;
    }

    /** The same server and credentials, another database (backups, copies, validation). */
    public PostgresTarget withDatabase(String otherDatabase) {
        return new PostgresTarget(host, port, otherDatabase, user, password, sslmode, params, origin, passwordOrigin);
    }

    /**
     * {@code jdbc:postgresql://host:port/database}, without user, password or parameters: those
     * travel in {@link #properties()}. The database name is encoded the way pgjdbc decodes it.
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /**
     * The properties for {@code DriverManager.getConnection(jdbcUrl(), properties())}: {@code
     * user}, {@code password} (when known), {@code sslmode} (when given), {@code
     * ApplicationName=migrate} (unless the URL named one) and the URL's further parameters.
     */
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("ApplicationName", "migrate");
        params.forEach(p::setProperty);
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        if (sslmode != null) {
            p.setProperty("sslmode", sslmode);
        }
        return p;
    }

    /** {@code host:port/database} for messages ("cannot connect to PostgreSQL at ..."). */
    public String describe() {
        return hostForUrl() + ":" + port + "/" + database;
    }

    private String hostForUrl() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + user + "@" + describe() + ", password="
                + (password == null ? "none" : Redactor.MASK + " from " + passwordOrigin)
                + (sslmode == null ? "" : ", sslmode=" + sslmode) + ", from " + origin + "]";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s : null;
    }

    private static String firstNonBlank(String a, String b, String fallback) {
        return notBlank(a) ? a : notBlank(b) ? b : fallback;
    }
}
