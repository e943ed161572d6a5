package dev.migrate.cli;

import dev.migrate.core.config.ConfigKey;
import dev.migrate.core.config.Locations;
import dev.migrate.core.config.MigrateConfig;
import dev.migrate.core.config.PostgresTarget;
import dev.migrate.core.config.SqliteTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns the locations users give (flags, environment, config file) into resolved connections,
 * with the direction decided in this one place.
 */
public final class Endpoints {

    /** A resolved database: exactly one of the two is set. */
    public record Database(PostgresTarget postgres, SqliteTarget sqlite) {

        public static Database of(PostgresTarget target) {
            return new Database(target, null);
        }

        public static Database of(SqliteTarget target) {
            return new Database(null, target);
        }

        public boolean isPostgres() {
            return postgres != null;
        }

        /** For messages: {@code postgresql host:port/db} or {@code sqlite path}; never a password. */
        public String describe() {
            return isPostgres() ? "PostgreSQL " + postgres.describe() : "SQLite " + sqlite.describe();
        }

        /** True when both name the same database (same server and database, or the same file). */
        public boolean sameAs(Database other) {
            if (isPostgres() != other.isPostgres()) {
                return false;
            }
            if (isPostgres()) {
                return postgres.host().equalsIgnoreCase(other.postgres.host())
                        && postgres.port() == other.postgres.port()
                        && postgres.database().equals(other.postgres.database());
            }
            return normalized(sqlite.path()).equals(normalized(other.sqlite.path()));
        }

        private static Path normalized(Path p) {
            try {
                return Files.exists(p) ? p.toRealPath() : p.toAbsolutePath().normalize();
            } catch (java.io.IOException e) {
                return p.toAbsolutePath().normalize();
            }
        }
    }

    /** The two sides of a run. */
    public record Direction(Database source, Database target) {

        /** PostgreSQL to SQLite (tenant collapse), else SQLite to PostgreSQL. */
        public boolean postgresToSqlite() {
            return source.isPostgres();
        }
    }

    private final Map<String, String> env;

    public Endpoints(CliContext context) {
        this.env = context.env();
    }

    /**
     * A PostgreSQL connection from the given URL, or, when none, from {@code DATABASE_URL}, {@code
     * POSTGRES_*}, {@code PG*} and {@code ~/.pgpass}.
     *
     * @param origin how to name the URL's source in messages, e.g. {@code --from}
     */
    public PostgresTarget postgres(String url, String origin) {
        if (url != null && Locations.detect(url, env) != Locations.Kind.POSTGRES) {
            throw new UsageException(origin + " must be a PostgreSQL URL (postgresql://...), not a SQLite file");
        }
        return PostgresTarget.resolve(url, origin, env);
    }

    /** A configured location ({@code MIGRATE_FROM}, config {@code from}...) if it is a PostgreSQL URL. */
    public java.util.Optional<String> configuredPostgres(java.util.Optional<String> location) {
        return location.filter(l -> Locations.detect(l, env) == Locations.Kind.POSTGRES);
    }

    /** A configured location if it is a SQLite file. */
    public java.util.Optional<String> configuredSqlite(java.util.Optional<String> location) {
        return location.filter(l -> Locations.detect(l, env) == Locations.Kind.SQLITE);
    }

    /**
     * A SQLite file from the given location, else the config file's {@code sqlite_path}.
     *
     * @param origin how to name the location in messages, e.g. {@code --to}
     */
    public SqliteTarget sqlite(String location, String origin, MigrateConfig config) {
        if (location != null) {
            if (Locations.detect(location, env) != Locations.Kind.SQLITE) {
                throw new UsageException(origin + " must be a SQLite file, not a PostgreSQL URL");
            }
            return SqliteTarget.parse(location, env);
        }
        return config.get(ConfigKey.SQLITE_PATH)
                .map(p -> SqliteTarget.parse(p, env))
                .orElseThrow(() -> new UsageException("no SQLite file: give " + origin
                        + " FILE, or set sqlite_path in the config file (or MIGRATE_SQLITE_PATH)"));
    }

    /** Whichever database the location names. */
    public Database database(String location, String origin, MigrateConfig config) {
        return Locations.detect(location, env) == Locations.Kind.POSTGRES
                ? Database.of(postgres(location, origin))
                : Database.of(sqlite(location, origin, config));
    }

    /**
     * The direction of a full run. A side not given is the other kind's default: PostgreSQL from
     * the environment, SQLite from {@code sqlite_path}; with neither given, PostgreSQL (from the
     * environment) to SQLite ({@code sqlite_path}), the suite's main use.
     *
     * @throws UsageException when both sides are the same database or the same kind
     */
    public Direction direction(MigrateConfig config) {
        String from = config.from().orElse(null);
        String to = config.to().orElse(null);
        Database source;
        Database target;
        if (from == null && to == null) {
            source = Database.of(postgres(null, "--from"));
            target = Database.of(sqlite(null, "--to", config));
        } else if (to == null) {
            source = database(from, "--from", config);
            target = source.isPostgres()
                    ? Database.of(sqlite(null, "--to", config))
                    : Database.of(postgres(null, "--to"));
        } else if (from == null) {
            target = database(to, "--to", config);
            source = target.isPostgres()
                    ? Database.of(sqlite(null, "--from", config))
                    : Database.of(postgres(null, "--from"));
        } else {
            source = database(from, "--from", config);
            target = database(to, "--to", config);
        }
        if (source.sameAs(target)) {
            throw new UsageException("--from and --to name the same database (" + source.describe() + ")");
        }
        if (source.isPostgres() == target.isPostgres()) {
            throw new UsageException("--from and --to are both " + (source.isPostgres() ? "PostgreSQL" : "SQLite")
                    + ": one side must be PostgreSQL and the other SQLite");
        }
        return new Direction(source, target);
    }
}
