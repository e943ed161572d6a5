package dev.migrate.exportpg;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableReader;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Test helpers: options for a test database, and staged rows read back through the verifying reader. */
final class Staged {

    private Staged() {}

    static Properties credentials(PostgresDatabase db) {
        Properties p = new Properties();
        p.setProperty("user", db.server().user());
        p.setProperty("password", db.server().password());
        return p;
    }

    static ExportPostgresOptions.Builder options(PostgresDatabase db, Path dir) {
        return ExportPostgresOptions.builder(db.jdbcUrl(), credentials(db), dir).toolVersion("test");
    }

    static ExportPostgresOptions.Builder options(PostgresDatabase db, String database, Path dir) {
        return ExportPostgresOptions.builder(db.server().jdbcUrl(database), credentials(db), dir)
                .toolVersion("test");
    }

    /** Every row of a staged table as column → canonical value, in file order. */
    static List<Map<String, Object>> rows(Path dir, String table) {
        StagingReader reader = StagingReader.open(dir);
        TableSchema schema = reader.manifest().schema().table(table).orElseThrow();
        List<Map<String, Object>> out = new ArrayList<>();
        try (TableReader r = reader.openTable(table)) {
            for (Object[] row = r.next(); row != null; row = r.next()) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < row.length; i++) {
                    ColumnSchema c = schema.columns().get(i);
                    m.put(c.name(), row[i]);
                }
                out.add(m);
            }
        }
        return out;
    }

    /** The rows keyed by the value of one column (as text). */
    static Map<String, Map<String, Object>> byKey(Path dir, String table, String column) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> row : rows(dir, table)) {
            out.put(String.valueOf(row.get(column)), row);
        }
        return out;
    }
}
