package dev.migrate.exportpg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Everything one {@code export-postgres} run needs, resolved by the caller (the CLI): connection
 * settings are already parsed, so this module never reads environment variables or password files.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/db}, WITHOUT a password (it is never printed
 *     anyway: messages show host:port/db only)
 * @param connectionProperties pgjdbc properties: {@code user}, {@code password}, {@code sslmode}...
 *     (copied; never logged)
 * @param schemas the schemas to export; empty means {@code public}
 * @param includeTables globs ({@code *}, {@code ?}) over table names ({@code schema.table} when the
 *     glob has a dot); empty means every table
 * @param excludeTables globs of tables to leave out, applied after the includes
 * @param exportDir the staging directory to write
 * @param tenant the user to collapse to, or null for a whole-database export
 * @param fetchSize rows per round trip for the table cursors (lowered for wide rows); 0 means
 *     {@value #DEFAULT_FETCH_SIZE}
 * @param toolVersion recorded in the manifest
 */
public record ExportPostgresOptions(
        String jdbcUrl,
        Properties connectionProperties,
        List<String> schemas,
        List<String> includeTables,
        List<String> excludeTables,
        Path exportDir,
        TenantOptions tenant,
        int fetchSize,
        String toolVersion) {

    public static final int DEFAULT_FETCH_SIZE = 10_000;

    public ExportPostgresOptions {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(exportDir, "exportDir");
        Properties copy = new Properties();
        if (connectionProperties != null) {
            copy.putAll(connectionProperties);
        }
        connectionProperties = copy;
        schemas = schemas == null || schemas.isEmpty() ? List.of("public") : List.copyOf(schemas);
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        if (fetchSize < 0) {
            throw new IllegalArgumentException("fetchSize must not be negative");
        }
        fetchSize = fetchSize == 0 ? DEFAULT_FETCH_SIZE : fetchSize;
        toolVersion = toolVersion == null ? "unknown" : toolVersion;
    }

    /** The properties (a copy: callers cannot change this record through it). */
    @Override
    public Properties connectionProperties() {
        Properties copy = new Properties();
        copy.putAll(connectionProperties);
        return copy;
    }

    /** Never shows the properties: they hold the password. */
    @Override
    public String toString() {
        return "ExportPostgresOptions[jdbcUrl=" + ConnectionTarget.describe(jdbcUrl) + ", schemas=" + schemas
                + ", includeTables=" + includeTables + ", excludeTables=" + excludeTables + ", exportDir="
                + exportDir + ", tenant=" + tenant + ", fetchSize=" + fetchSize + "]";
    }

    public static Builder builder(String jdbcUrl, Properties connectionProperties, Path exportDir) {
        return new Builder(jdbcUrl, connectionProperties, exportDir);
    }

    /** Builds the options step by step; unset values take their defaults. */
    public static final class Builder {
        private final String jdbcUrl;
        private final Properties connectionProperties;
        private final Path exportDir;
        private final List<String> schemas = new ArrayList<>();
        private final List<String> includeTables = new ArrayList<>();
        private final List<String> excludeTables = new ArrayList<>();
        private TenantOptions tenant;
        private int fetchSize;
        private String toolVersion;

        private Builder(String jdbcUrl, Properties connectionProperties, Path exportDir) {
            this.jdbcUrl = jdbcUrl;
            this.connectionProperties = connectionProperties;
            this.exportDir = exportDir;
        }

        public Builder schema(String schema) {
            schemas.add(schema);
            return this;
        }

        public Builder includeTable(String glob) {
            includeTables.add(glob);
            return this;
        }

        public Builder excludeTable(String glob) {
            excludeTables.add(glob);
            return this;
        }

        public Builder tenant(TenantOptions value) {
            this.tenant = value;
            return this;
        }

        public Builder userEmail(String email) {
            this.tenant = TenantOptions.forEmail(email);
            return this;
        }

        public Builder fetchSize(int value) {
            this.fetchSize = value;
            return this;
        }

        public Builder toolVersion(String value) {
            this.toolVersion = value;
            return this;
        }

        public ExportPostgresOptions build() {
            return new ExportPostgresOptions(
                    jdbcUrl,
                    connectionProperties,
                    schemas,
                    includeTables,
                    excludeTables,
                    exportDir,
                    tenant,
                    fetchSize,
                    toolVersion);
        }
    }
}
