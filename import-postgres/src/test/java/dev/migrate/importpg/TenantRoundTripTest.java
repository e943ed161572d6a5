package dev.migrate.importpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.exportpg.ExportPostgresOptions;
import dev.migrate.exportpg.PostgresExporter;
import dev.migrate.exportsqlite.ExportSqliteOptions;
import dev.migrate.exportsqlite.ProgressListener;
import dev.migrate.exportsqlite.SqliteExporter;
import dev.migrate.importsqlite.ImportSqliteOptions;
import dev.migrate.importsqlite.SqliteImporter;
import dev.migrate.testing.Datasets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The round trip with the real modules: the schema_design reference database →
 * export-postgres --user-email → import-sqlite → export-sqlite → import-postgres --user-email into
 * a copy of the database from which that user was deleted gives back, table by table, exactly the
 * original rows and column types.
 */
class TenantRoundTripTest extends ImportTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "bob@example.com", "carol@example.com"})
    void aUserComesBackExactlyThroughSqlite(String email) throws Exception {
        String reference = db.createDatabase("roundtrip_ref");
        db.runScript(reference, Datasets.schemaDesign("postgres/multi_user_schema.sql"));
        db.runScript(reference, Datasets.schemaDesign("postgres/sample_data.sql"));
        String user = email.substring(0, email.indexOf('@'));
        Path dir = tmp.resolve("roundtrip-" + user);

        Path fromPostgres = dir.resolve("staging-pg");
        new PostgresExporter(ExportPostgresOptions.builder(db.server().jdbcUrl(reference), credentials(), fromPostgres)
                        .userEmail(email)
                        .build())
                .run();
        Path sqlite = dir.resolve(user + ".sqlite");
        new SqliteImporter(ImportSqliteOptions.of(fromPostgres, sqlite).withBackup(false)).run();
        Path fromSqlite = dir.resolve("staging-sqlite");
        new SqliteExporter(ExportSqliteOptions.of(sqlite, fromSqlite, "test")).run(ProgressListener.NONE);

        String copy = db.copyDatabase(reference, "roundtrip_copy");
        execute(copy, "delete from users where email = '" + email + "'");
        // Deleting the user can change other users' rows (bob's custom interpretation is referenced
        // by alice with ON DELETE SET NULL): the import must leave those as the deletion left them.
        Map<String, List<String>> afterDelete = tables(copy);
        ImportResult r = new PostgresImporter(options(fromSqlite, copy).withTenant(TenantOptions.forEmail(email)))
                .run(ImportListener.NONE);

        assertThat(r.userCreated()).isTrue();
        Map<String, List<String>> expected = tables(reference);
        for (String t : expected.keySet()) {
            List<String> changed = new java.util.ArrayList<>(afterDelete.get(t));
            changed.removeAll(expected.get(t));
            List<String> rows = new java.util.ArrayList<>(expected.get(t));
            for (String row : changed) {
                rows.removeIf(other -> key(other).equals(key(row)));
                rows.add(row);
            }
            rows.sort(null);
            expected.put(t, rows);
        }
        Map<String, List<String>> actual = tables(copy);
        for (String t : expected.keySet()) {
            List<String> missing = new java.util.ArrayList<>(expected.get(t));
            missing.removeAll(actual.get(t));
            List<String> extra = new java.util.ArrayList<>(actual.get(t));
            extra.removeAll(expected.get(t));
            assertThat(missing)
                    .as("rows of %s missing after the round trip (extra: %s)", t, extra)
                    .isEmpty();
            assertThat(extra).as("rows of %s added by the round trip", t).isEmpty();
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(types(copy)).isEqualTo(types(reference));
    }

    /** The first field of a row's text form: the key of every reference table. */
    private static String key(String rowText) {
        int comma = rowText.indexOf(',');
        return comma < 0 ? rowText : rowText.substring(0, comma);
    }

    private Map<String, List<String>> tables(String database) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : rows(
                database,
                "select relname from pg_class where relkind = 'r' and relnamespace ="
                        + " 'public'::regnamespace order by 1")) {
            List<String> rows =
                    new java.util.ArrayList<>(rows(database, "select x::text from " + PgNames.quote(t) + " x"));
            rows.sort(null);
            out.put(t, rows);
        }
        return out;
    }

    private List<String> types(String database) throws Exception {
        return rows(
                database,
                "select attrelid::regclass || '.' || attname || ' ' || format_type(atttypid, atttypmod)"
                        + " from pg_attribute a join pg_class c on c.oid = a.attrelid where c.relnamespace ="
                        + " 'public'::regnamespace and c.relkind = 'r' and attnum > 0 and not attisdropped order by 1");
    }
}
