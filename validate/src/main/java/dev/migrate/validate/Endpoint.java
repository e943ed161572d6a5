package dev.migrate.validate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;

/** One side of a comparison: a PostgreSQL schema, a SQLite file or a staging directory. */
public sealed interface Endpoint {

    /** What the side is, for messages and the report; never a password. */
    String describe();

    /**
     * A PostgreSQL database.
     *
     * @param jdbcUrl the JDBC URL without a password
     * @param properties user, password, sslmode...
     * @param schema the schema holding the tables ({@code public} when null)
     */
    record Postgres(String jdbcUrl, Properties properties, String schema) implements Endpoint {
        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            properties = properties == null ? new Properties() : properties;
            schema = schema == null || schema.isBlank() ? "public" : schema;
        }

        @Override
        public String describe() {
            String url = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl;
            int query = url.indexOf('?');
            return (query < 0 ? url : url.substring(0, query)) + " (schema " + schema + ")";
        }
    }

    /** A SQLite database file, opened read-only. */
    record Sqlite(Path file) implements Endpoint {
        public Sqlite {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return "sqlite:" + file;
        }
    }

    /** A staging directory written by an exporter (verified before use). */
    record Staging(Path directory) implements Endpoint {
        public Staging {
            Objects.requireNonNull(directory, "directory");
        }

        @Override
        public String describe() {
            return "staging:" + directory;
        }
    }
}
