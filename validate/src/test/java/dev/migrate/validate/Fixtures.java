package dev.migrate.validate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SourceInfo;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.staging.StagingWriter;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TableWriter;
import dev.migrate.core.staging.TenantFilter;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingType;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the sides of a comparison the way the exporters and importers do: rows read from
 * PostgreSQL through the canonical readers, a SQLite copy with {@code TypeMappings.toSqlite}
 * declared types and import-sqlite's storage forms, and a staging directory written with {@link
 * StagingWriter}.
 */
final class Fixtures {

    private Fixtures() {}

    static ColumnSchema column(String name, String pgType) {
        int dims = pgType.endsWith("[]") ? 1 : 0;
        return new ColumnSchema(
                name, pgType, TypeMappings.fromPostgres(pgType, null, dims), true, null, null, null, null);
    }

    static TableSchema table(String name, List<ColumnSchema> cols, List<String> pk, List<ForeignKey> fks) {
        return new TableSchema(name, "public", cols, pk, fks, null, null, null, null);
    }

    static ForeignKey fk(String column, String parent, String parentColumn) {
        return new ForeignKey(null, List.of(column), parent, List.of(parentColumn), "NO ACTION", "NO ACTION", null);
    }

    /** Every row of a PostgreSQL table in canonical form, by primary key. */
    static List<Object[]> readPostgres(Connection c, TableSchema t) throws Exception {
        PostgresValues.prepareSession(c);
        List<String> select = new ArrayList<>();
        List<ColumnReader> readers = new ArrayList<>();
        for (ColumnSchema col : t.columns()) {
            select.add(PostgresValues.INSTANCE.selectExpression(col.name(), col.type()));
            readers.add(PostgresValues.INSTANCE.reader(col.type()));
        }
        List<Object[]> rows = new ArrayList<>();
        String order = t.primaryKey().isEmpty() ? "" : " order by \"" + String.join("\", \"", t.primaryKey()) + "\"";
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select " + String.join(", ", select) + " from \"" + t.name() + "\"" + order)) {
            while (rs.next()) {
                Object[] row = new Object[readers.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = readers.get(i).read(rs, i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The value as import-sqlite stores it. */
    static Object storage(StagingType type, Object v) throws Exception {
        if (v == null) {
            return null;
        }
        return switch (type.kind()) {
            case BOOLEAN -> (Boolean) v ? 1 : 0;
            case FLOAT32, FLOAT64 -> ((Double) v).isNaN() ? "NaN" : v;
            case ARRAY -> {
                StringWriter w = new StringWriter();
                try (JsonGenerator g = StagingJson.FACTORY.createGenerator(w)) {
                    Codecs.forType(type).write(g, v);
                }
                yield w.toString();
            }
            default -> v;
        };
    }

    /** Creates a SQLite table with the mapping's declared types (plus extra DDL) and inserts the rows. */
    static void sqliteTable(Connection c, String name, List<ColumnSchema> cols, String constraints, List<Object[]> rows)
            throws Exception {
        StringBuilder ddl = new StringBuilder("create table \"" + name + "\" (");
        for (int i = 0; i < cols.size(); i++) {
            ColumnSchema col = cols.get(i);
            ddl.append(i == 0 ? "" : ", ").append('"').append(col.name()).append("\" ");
            ddl.append(
                    col.sourceType().startsWith("INTEGER PRIMARY KEY")
                            ? col.sourceType()
                            : TypeMappings.toSqlite(col.type()));
        }
        if (constraints != null) {
            ddl.append(", ").append(constraints);
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl + ")");
        }
        String marks = "?" + ", ?".repeat(cols.size() - 1);
        try (PreparedStatement ps = c.prepareStatement("insert into \"" + name + "\" values (" + marks + ")")) {
            for (Object[] row : rows) {
                for (int i = 0; i < cols.size(); i++) {
                    ps.setObject(i + 1, storage(cols.get(i).type(), row[i]));
                }
                ps.executeUpdate();
            }
        }
    }

    static Connection sqlite(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** Writes a staging directory holding the given tables and rows. */
    static void staging(Path dir, List<TableSchema> tables, Map<String, List<Object[]>> rows, TenantFilter tenant)
            throws Exception {
        StagingWriter w = StagingWriter.create(dir);
        List<TableEntry> entries = new ArrayList<>();
        for (TableSchema t : tables) {
            TableWriter tw = w.openTable(t);
            for (Object[] row : rows.get(t.name())) {
                tw.writeRow(row);
            }
            tw.close();
            entries.add(tw.entry());
        }
        w.commit(new Manifest(
                Manifest.FORMAT_VERSION,
                "test",
                "2026-01-01T00:00:00Z",
                new SourceInfo("postgresql", "17", "test"),
                new SchemaSnapshot(tables, List.of(), List.of()),
                tenant,
                entries));
    }

    static Endpoint.Postgres postgres(dev.migrate.testing.PostgresDatabase db, String database) {
        Properties p = new Properties();
        p.setProperty("user", db.server().user());
        if (!db.server().password().isEmpty()) {
            p.setProperty("password", db.server().password());
        }
        return new Endpoint.Postgres(db.server().jdbcUrl(database), p, "public");
    }

    static Map<String, List<Object[]>> rows(Object... tableAndRows) {
        Map<String, List<Object[]>> m = new LinkedHashMap<>();
        for (int i = 0; i < tableAndRows.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<Object[]> r = (List<Object[]>) tableAndRows[i + 1];
            m.put((String) tableAndRows[i], r);
        }
        return m;
    }
}
