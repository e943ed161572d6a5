package dev.migrate.importpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SecureFiles;
import dev.migrate.core.staging.SourceInfo;
import dev.migrate.core.staging.StagingWriter;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TableWriter;
import dev.migrate.core.types.StagingKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Backs up target tables, before the import changes them, as a staging directory: {@code
 * <root>/<db>_backup_YYYYMMDD_HHMMSS/} with a manifest and one JSON file per table, owner-only,
 * written by the core {@link StagingWriter} exactly as an export would be. Restoring is an
 * import of that directory ({@code import-postgres --export-dir <backup> --drop-existing}).
 *
 * <p>The rows are read on the import's own connection, inside its REPEATABLE READ transaction
 * after the tables were locked against writers, so the backup is exactly what the import then
 * replaces. Values are read by core's {@link PostgresValues} (PostgreSQL text output under fixed
 * session settings, converted to canonical staging values).
 */
final class BackupWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final int FETCH_SIZE = 5_000;

    private BackupWriter() {}

    /** Writes the backup of {@code tables} (names in the catalog's schema) and returns its directory. */
    static Path write(Connection c, TargetCatalog catalog, List<String> tables, Path root, String database)
            throws SQLException {
        Path dir = newDirectory(root, database);
        StagingWriter writer = StagingWriter.create(dir);
        try {
            List<TableSchema> schemas = new ArrayList<>();
            List<TableEntry> entries = new ArrayList<>();
            Set<String> enumNames = new LinkedHashSet<>();
            for (String name : dependencyOrder(catalog, tables)) {
                TableSchema schema = tableSchema(c, catalog, catalog.tables.get(name));
                schemas.add(schema);
                for (ColumnSchema col : schema.columns()) {
                    if (col.type().leaf().kind() == StagingKind.ENUM) {
                        enumNames.add(col.type().leaf().name());
                    }
                }
                entries.add(writeRows(c, catalog.schema, schema, writer));
            }
            List<EnumType> enums = new ArrayList<>();
            for (String e : enumNames) {
                if (catalog.enums.containsKey(e)) {
                    enums.add(new EnumType(e, catalog.enums.get(e)));
                }
            }
            String version = Sql.queryString(c, "show server_version");
            Manifest manifest = new Manifest(
                    Manifest.FORMAT_VERSION,
                    toolVersion(),
                    Instant.now().toString(),
                    new SourceInfo("postgresql", version, database),
                    new SchemaSnapshot(schemas, enums, List.of()),
                    null,
                    entries);
            writer.commit(manifest);
            return dir;
        } catch (SQLException | RuntimeException e) {
            writer.abort();
            deleteQuietly(dir);
            throw e;
        }
    }

    private static Path newDirectory(Path root, String database) {
        String safe = database.replaceAll("[^A-Za-z0-9_.-]", "_");
        String base = safe + "_backup_" + LocalDateTime.now().format(STAMP);
        try {
            SecureFiles.createPrivateDirectories(root);
        } catch (IOException e) {
            throw MigrateException.runtime(
                    Location.file(root.toString()), "cannot create the backup directory: " + e.getMessage(), e);
        }
        Path dir = root.resolve(base);
        for (int n = 2; Files.exists(dir); n++) {
            dir = root.resolve(base + "_" + n);
        }
        return dir;
    }

    private static TableEntry writeRows(Connection c, String schema, TableSchema table, StagingWriter writer)
            throws SQLException {
        List<String> selects = new ArrayList<>();
        int n = table.columns().size();
        ColumnReader[] readers = new ColumnReader[n];
        for (int i = 0; i < n; i++) {
            ColumnSchema col = table.columns().get(i);
            selects.add(PostgresValues.INSTANCE.selectExpression(col.name(), col.type()));
            readers[i] = PostgresValues.INSTANCE.reader(col.type());
        }
        String sql = "SELECT " + String.join(", ", selects) + " FROM " + PgNames.qualified(schema, table.name());
        TableWriter out = writer.openTable(table);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery(sql)) {
                long row = 0;
                while (rs.next()) {
                    row++;
                    Object[] values = new Object[n];
                    for (int i = 0; i < n; i++) {
                        try {
                            values[i] = readers[i].read(rs, i + 1);
                        } catch (IllegalArgumentException e) {
                            throw MigrateException.runtime(
                                    new Location(
                                            null,
                                            table.name(),
                                            row,
                                            table.columns().get(i).name()),
                                    "backup cannot read the value: " + e.getMessage(),
                                    e);
                        }
                    }
                    out.writeRow(values);
                }
            }
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                throw MigrateException.runtime(
                        Location.table(table.name()), "cannot write the backup: " + e.getMessage(), e);
            }
        }
        return out.entry();
    }

    /** The target table as a staging schema: types through the mapping tables, keys, sequences. */
    static TableSchema tableSchema(Connection c, TargetCatalog catalog, TargetCatalog.Table t) throws SQLException {
        List<ColumnSchema> columns = new ArrayList<>();
        for (TargetCatalog.Column col : t.columns) {
            Identity identity = null;
            String defaultExpr = col.defaultExpression();
            if (col.identity() != '\0' || (col.sequence() != null && defaultExpr != null)) {
                String kind = col.identity() == 'a'
                        ? "identity_always"
                        : col.identity() == 'd' ? "identity_by_default" : "serial";
                identity = new Identity(kind, col.sequence(), lastValue(c, col.sequence()));
                if (kind.equals("serial")) {
                    defaultExpr = null;
                }
            }
            String generated = null;
            if (col.generated() != '\0') {
                generated = defaultExpr;
                defaultExpr = null;
            }
            columns.add(new ColumnSchema(
                    col.name(),
                    col.declaredType(),
                    col.type(),
                    !col.notNull(),
                    defaultExpr,
                    generated,
                    identity,
                    null));
        }
        List<ForeignKey> fks = new ArrayList<>();
        for (TargetCatalog.Fk fk : t.foreignKeys) {
            if (catalog.schema.equals(fk.referencedSchema())) {
                fks.add(fk.key());
            }
        }
        return new TableSchema(
                t.name, catalog.schema, columns, t.primaryKey, fks, t.uniques, t.indexes, t.checks, List.of());
    }

    private static Long lastValue(Connection c, String sequence) throws SQLException {
        if (sequence == null) {
            return null;
        }
        // The name comes from pg_get_serial_sequence, already quoted and qualified.
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + sequence)) {
            rs.next();
            return rs.getBoolean(2) ? rs.getLong(1) : null;
        }
    }

    /** Referenced tables before referencing ones (cycles broken in name order). */
    static List<String> dependencyOrder(TargetCatalog catalog, List<String> tables) {
        Set<String> wanted = new LinkedHashSet<>(tables);
        List<String> out = new ArrayList<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String t : tables) {
            visit(catalog, t, wanted, visiting, out);
        }
        return out;
    }

    private static void visit(
            TargetCatalog catalog, String t, Set<String> wanted, Set<String> visiting, List<String> out) {
        if (out.contains(t) || !visiting.add(t)) {
            return;
        }
        TargetCatalog.Table table = catalog.tables.get(t);
        if (table != null) {
            for (TargetCatalog.Fk fk : table.foreignKeys) {
                String parent = fk.key().referencedTable();
                if (catalog.schema.equals(fk.referencedSchema()) && wanted.contains(parent) && !parent.equals(t)) {
                    visit(catalog, parent, wanted, visiting, out);
                }
            }
        }
        out.add(t);
    }

    static String toolVersion() {
        String v = BackupWriter.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A leftover empty directory without a manifest is harmless.
        }
    }
}
