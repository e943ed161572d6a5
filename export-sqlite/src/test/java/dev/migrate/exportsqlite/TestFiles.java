package dev.migrate.exportsqlite;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds SQLite files for tests and reads staging exports back (small tables only). */
final class TestFiles {

    private TestFiles() {}

    /** Creates (or extends) a SQLite file by running the statements in one transaction. */
    static Path sqlite(Path file, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
            c.commit();
        }
        return file;
    }

    /** Exports with default options. */
    static ExportResult export(Path source, Path dir) {
        return new SqliteExporter(ExportSqliteOptions.of(source, dir, "test")).run(ProgressListener.NONE);
    }

    /** Every row of a staged table as column name → canonical value. */
    static List<Map<String, Object>> rows(Path dir, String table) {
        StagingReader reader = StagingReader.open(dir);
        List<Map<String, Object>> out = new ArrayList<>();
        try (TableReader t = reader.openTable(table)) {
            List<ColumnSchema> columns = t.table().columns();
            for (Object[] row = t.next(); row != null; row = t.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < row.length; i++) {
                    m.put(columns.get(i).name(), row[i]);
                }
                out.add(m);
            }
        }
        return out;
    }

    static TableSchema table(ExportResult r, String name) {
        return r.manifest().schema().table(name).orElseThrow(() -> new AssertionError("no table " + name));
    }

    static ColumnSchema column(ExportResult r, String table, String column) {
        return table(r, table).column(column).orElseThrow(() -> new AssertionError("no column " + column));
    }
}
