package dev.migrate.importsqlite;

import static dev.migrate.importsqlite.ReferenceSchema.ALICE;
import static dev.migrate.importsqlite.StagingBuilder.row;
import static dev.migrate.importsqlite.StagingBuilder.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.testing.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tenant mode: a one-user export of the reference multi-user schema becomes exactly the single-user
 * layout of {@code schema_design/sqlite/single_user_schema.sql}.
 */
class TenantCollapseTest {

    @TempDir
    Path tmp;

    static final String C1 = "20100000-0000-4000-8000-000000000001";
    static final String B1 = "30100000-0000-4000-8000-000000000001";
    static final String H4 = "40100000-0000-4000-8000-000000000004";
    static final String I_SHARED = "60000000-0000-4000-8000-000000000001";
    static final String I_OWN = "60100000-0000-4000-8000-000000000001";
    static final String I_BOB = "60200000-0000-4000-8000-000000000001";
    static final String CI6 = "50100000-0000-4000-8000-000000000006";
    static final String TS = "2024-03-01 00:00:00+00:00";
    static final String HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA,";
    static final String DANGLING = "chart_interpretations " + CI6 + ": interpretation_id = " + I_BOB
            + " references interpretations, a row of another user; not followed";

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** Alice's tenant export: a few rows per table, as export-postgres writes them (owner columns included). */
    StagingBuilder aliceExport(List<String> dangling, List<Object[]> preferences) {
        StagingBuilder b = StagingBuilder.in(tmp.resolve("staging"))
                .enumType("chart_type", "natal", "transit", "synastry", "composite", "progressed")
                .tenant(ReferenceSchema.aliceFilter(dangling));
        Map<String, List<Object[]>> data = new TreeMap<>();
        data.put(
                "users",
                rows(row(
                        ALICE,
                        "alice@example.com",
                        HASH,
                        "Alice \"Al\" O'Neil",
                        "2024-01-02 03:04:05.123456+00:00",
                        true,
                        "en-US",
                        "GB",
                        null,
                        "2026-11-20 08:00:00+00:00")));
        data.put("user_preferences", preferences);
        data.put(
                "location_cache",
                rows(
                        row(
                                1L,
                                "東京",
                                "Tokyo",
                                "35.689500",
                                "139.691700",
                                "JP",
                                "Asia/Tokyo",
                                13960000L,
                                40L,
                                "[]",
                                TS,
                                3L),
                        row(7L, "Dead Sea", null, "-31.559000", "35.473200", "IL", null, null, -28L, null, TS, 0L)));
        data.put(
                "clients",
                rows(row(
                        C1,
                        ALICE,
                        "Zoe",
                        null,
                        "zoe@example.org",
                        "007",
                        "line1\r\nline2",
                        Arrays.asList("says \"hi\", often", null, "O'Reilly"),
                        "12.50",
                        false,
                        TS,
                        null)));
        data.put(
                "birth_data",
                rows(row(
                        B1,
                        C1,
                        "-0099-07-12",
                        "12:00:00.123456",
                        "1990-05-17 14:30:15.123456",
                        "PT-3H",
                        "1990-05-17 09:00:15.123456+00:00",
                        true,
                        "41.902800",
                        "12.496400",
                        "Rome",
                        "IT",
                        "Europe/Rome",
                        "A ",
                        1L,
                        "")));
        data.put(
                "charts",
                rows(row(
                        H4,
                        ALICE,
                        C1,
                        B1,
                        "transit",
                        "Mundane: 2020 Great Conjunction",
                        "placidus",
                        2459205.5,
                        24.123457,
                        "{\"sun\":1}",
                        "{\"a\": 1,  \"a\":2}",
                        allBytes(),
                        true,
                        TS)));
        data.put(
                "interpretations",
                rows(
                        row(I_SHARED, null, "sign", "sun:taurus", "en", "Sun in Taurus", "", "12.50", TS),
                        row(I_OWN, ALICE, "sign", "sun:taurus", "en", "Alice's take", "C:\\charts\\natal", null, TS)));
        data.put(
                "chart_interpretations",
                rows(
                        row("50100000-0000-4000-8000-000000000001", H4, I_SHARED, 0L, null, TS),
                        row(CI6, H4, I_BOB, 32767L, "tab\tnewline\n", TS)));
        data.put(
                "aspect_patterns",
                rows(row(
                        "70100000-0000-4000-8000-000000000001",
                        ALICE,
                        H4,
                        "grand_trine",
                        List.of("sun", "moon", "mars, \"the red one\""),
                        Arrays.asList(1L, null, 7L),
                        0.30000000000000004,
                        "{\"k\":\"\\\\\"}",
                        TS)));
        data.put(
                "transit_events",
                rows(row(
                        3L,
                        ALICE,
                        H4,
                        "Saturn",
                        "Sun",
                        "square",
                        1.5,
                        "2025-01-01 00:00:00+00:00",
                        "P1DT-2H",
                        "24:00:00",
                        3L,
                        false,
                        null)));
        data.put(
                "session_notes",
                rows(row(
                        9007199254740993L,
                        ALICE,
                        C1,
                        H4,
                        "2024-05-01",
                        "10:00:00",
                        "PT1H",
                        "00123",
                        "body",
                        List.of("", " lead", "NULL"),
                        "9999999999.99",
                        true,
                        2147483647L,
                        null,
                        TS)));
        for (TableSchema t : ReferenceSchema.tables()) {
            b.table(t, data.get(t.name()));
        }
        return b;
    }

    static final List<Object[]> ONE_PREFERENCE =
            rows(row(ALICE, "placidus", "tropical", "natal", "{}", "dark", "07:30:00+02:00", 1L, TS));

    Path importAlice(List<String> dangling) {
        aliceExport(dangling, ONE_PREFERENCE).write();
        Path db = tmp.resolve("alice.db");
        result = new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run();
        return db;
    }

    ImportResult result;

    @Test
    void theSchemaIsTheReferenceSingleUserSchema() throws Exception {
        Path db = importAlice(List.of(DANGLING));
        Path reference = tmp.resolve("reference.db");
        try (Connection c = Sqlite.open(reference);
                Statement st = c.createStatement()) {
            st.executeUpdate(Files.readString(Datasets.schemaDesign("sqlite/single_user_schema.sql")));
        }
        Map<String, String> expected = describe(reference);
        Map<String, String> actual = describe(db);
        assertThat(expected).hasSize(11);
        assertThat(expected.get("app_config"))
                .contains("column [id, INTEGER, 0, null, 1]", "column [user_id, UUID, 1, null, 0]");
        assertThat(expected.get("transit_events"))
                .contains("index transit_events_active_exact_at_idx unique=0 partial=1 [exact_at]");
        assertThat(expected.get("clients")).contains("index clients_lower_email_idx unique=0 partial=0 [null]");
        assertThat(expected.get("aspect_patterns")).contains("fk [charts, chart_id, id, NO ACTION, CASCADE]");
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        for (String table : expected.keySet()) {
            assertThat(actual.get(table)).as(table).isEqualTo(expected.get(table));
        }
    }

    /**
     * One text per table: columns (name, declared type, NOT NULL, default, pk position), foreign
     * keys, unique keys and secondary indexes (name, unique, partial, columns; null for an
     * expression).
     */
    static Map<String, String> describe(Path db) {
        Map<String, String> out = new TreeMap<>();
        for (List<Object> t : Sqlite.query(
                db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name")) {
            String name = (String) t.get(0);
            StringBuilder b = new StringBuilder();
            for (List<Object> c : Sqlite.query(
                    db, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('" + name + "')")) {
                b.append("column ").append(c).append('\n');
            }
            new TreeSet<>(Sqlite.query(
                                    db,
                                    "SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('"
                                            + name + "')")
                            .stream()
                            .map(Object::toString)
                            .toList())
                    .forEach(fk -> b.append("fk ").append(fk).append('\n'));
            List<String> indexes = new ArrayList<>();
            for (List<Object> i : Sqlite.query(
                    db, "SELECT name, \"unique\", origin, partial FROM pragma_index_list('" + name + "')")) {
                List<Object> cols = new ArrayList<>();
                for (List<Object> col :
                        Sqlite.query(db, "SELECT name FROM pragma_index_info('" + i.get(0) + "') ORDER BY seqno")) {
                    cols.add(col.get(0));
                }
                String origin = (String) i.get(2);
                // Constraint indexes are named by SQLite (sqlite_autoindex_...): compare their content only.
                String label = origin.equals("c") ? (String) i.get(0) : origin;
                indexes.add(label + " unique=" + i.get(1) + " partial=" + i.get(3) + " " + cols);
            }
            new TreeSet<>(indexes).forEach(i -> b.append("index ").append(i).append('\n'));
            out.put(name, b.toString());
        }
        return out;
    }

    @Test
    void theUserBecomesTheAppConfigSingletonWithTheirKeyAndPasswordHash() {
        Path db = importAlice(List.of(DANGLING));
        assertThat(Sqlite.query(db, "SELECT * FROM app_config"))
                .containsExactly(Arrays.asList(
                        1L,
                        ALICE,
                        "alice@example.com",
                        HASH,
                        "Alice \"Al\" O'Neil",
                        "2024-01-02 03:04:05.123456+00:00",
                        1L,
                        "en-US",
                        "GB",
                        null,
                        "2026-11-20 08:00:00+00:00"));
        assertThat(Sqlite.query(db, "SELECT id, house_system, default_chart_type, digest_time FROM user_preferences"))
                .containsExactly(List.of(1L, "placidus", "natal", "07:30:00+02:00"));
        assertThatThrownBy(() -> Sqlite.exec(
                        db,
                        "INSERT INTO app_config (id, user_id, email, password_hash) VALUES" + " (2, 'x', 'y', 'z')"))
                .hasMessageContaining("CHECK constraint failed");
        // No owner column is left anywhere; the user's key lives on only in app_config.user_id.
        assertThat(Sqlite.query(
                        db,
                        "SELECT m.name FROM sqlite_schema m, pragma_table_info(m.name) p WHERE m.type = 'table' AND"
                                + " p.name = 'user_id'"))
                .containsExactly(List.of("app_config"));
        assertThat(result.tables().stream().map(TableStats::table).toList())
                .contains("app_config")
                .doesNotContain("users");
        assertThat(result.tables().stream()
                        .filter(t -> t.table().equals("clients"))
                        .findFirst()
                        .orElseThrow()
                        .notes())
                .contains(
                        "column \"user_id\" dropped (owner column, tenant mode)",
                        "foreign key \"clients_user_id_fkey\" → \"users\" removed (tenant mode: the users table is"
                                + " app_config)",
                        "unique constraint \"clients_user_id_email_key\" reduced to [email] (owner column dropped)",
                        "index \"clients_user_id_idx\" dropped: its only column was the owner column");
    }

    @Test
    void valuesOfEveryKindArriveExactly() {
        Path db = importAlice(List.of(DANGLING));
        assertThat(Sqlite.query(db, "SELECT typeof(id), id, title, tags, fee, typeof(fee), is_paid FROM session_notes"))
                .containsExactly(List.of(
                        "integer",
                        9007199254740993L,
                        "00123",
                        "[\"\",\" lead\",\"NULL\"]",
                        "9999999999.99",
                        "text",
                        1L));
        assertThat(Sqlite.query(
                        db,
                        "SELECT birth_date, birth_time, utc_offset, birth_instant, latitude, rodden_rating, source_note"
                                + " FROM birth_data"))
                .containsExactly(List.of(
                        "-0099-07-12",
                        "12:00:00.123456",
                        "PT-3H",
                        "1990-05-17 09:00:15.123456+00:00",
                        "41.902800",
                        "A ",
                        ""));
        assertThat(Sqlite.query(
                        db,
                        "SELECT engine_output, length(thumbnail), hex(substr(thumbnail, 1, 3)), ayanamsa_deg"
                                + " FROM charts"))
                .containsExactly(List.of("{\"a\": 1,  \"a\":2}", 256L, "000102", 24.123457));
        assertThat(Sqlite.query(db, "SELECT bodies, house_numbers, max_orb_deg FROM aspect_patterns"))
                .containsExactly(
                        List.of("[\"sun\",\"moon\",\"mars, \\\"the red one\\\"\"]", "[1,null,7]", 0.30000000000000004));
        assertThat(Sqlite.query(db, "SELECT reminder_time, influence_duration, is_active FROM transit_events"))
                .containsExactly(List.of("24:00:00", "P1DT-2H", 0L));
        assertThat(Sqlite.query(db, "SELECT query, latitude, elevation_m FROM location_cache ORDER BY id"))
                .containsExactly(List.of("東京", "35.689500", 40L), List.of("Dead Sea", "-31.559000", -28L));
        assertThat(Sqlite.query(db, "SELECT name, seq FROM sqlite_sequence ORDER BY name"))
                .containsExactly(
                        List.of("location_cache", 7L),
                        List.of("session_notes", 9007199254740993L),
                        List.of("transit_events", 9L));
        // Shared and own interpretations are both there; nothing marks which is which any more.
        assertThat(Sqlite.query(db, "SELECT id, body FROM interpretations ORDER BY id"))
                .containsExactly(List.of(I_SHARED, ""), List.of(I_OWN, "C:\\charts\\natal"));
    }

    @Test
    void aReportedDanglingReferenceKeepsItsValueAndIsListed() {
        Path db = importAlice(List.of(DANGLING));
        assertThat(Sqlite.scalar(db, "SELECT interpretation_id FROM chart_interpretations WHERE id = '" + CI6 + "'"))
                .isEqualTo(I_BOB);
        assertThat(Sqlite.query(db, "PRAGMA foreign_key_check")).hasSize(1);
        assertThat(result.warnings())
                .anyMatch(w -> w.startsWith("foreign key violation kept: \"chart_interpretations\" rowid 2"
                                + " [interpretation_id] = '" + I_BOB + "' → \"interpretations\"")
                        && w.contains("a dangling reference the export reported"));
    }

    @Test
    void aDanglingReferenceTheExportDidNotReportFailsTheImport() {
        aliceExport(List.of(), ONE_PREFERENCE).write();
        Path db = tmp.resolve("alice.db");
        assertThatThrownBy(() -> new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining(
                        "table \"chart_interpretations\", column \"interpretation_id\": foreign key" + " violation")
                .hasMessageContaining(I_BOB);
        assertThat(db).doesNotExist();
    }

    @Test
    void aUserWithoutPreferencesGetsAnEmptySingleton() {
        aliceExport(List.of(DANGLING), List.of()).write();
        Path db = tmp.resolve("alice.db");
        new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run();
        assertThat(Sqlite.scalar(db, "SELECT count(*) FROM user_preferences")).isEqualTo(0L);
        Sqlite.exec(db, "INSERT INTO user_preferences (id) VALUES (1)");
        assertThat(Sqlite.query(db, "SELECT house_system, orb_settings, week_starts_on FROM user_preferences"))
                .containsExactly(List.of("placidus", "{}", 1L));
    }

    @Test
    void theReferenceSchemaFileCanBeSuppliedAndHoldsTheSameData() {
        Path generated = importAlice(List.of(DANGLING));
        Path withFile = tmp.resolve("alice-file.db");
        ImportResult r = new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), withFile)
                        .withSchemaFile(Datasets.schemaDesign("sqlite/single_user_schema.sql")))
                .run();
        assertThat(describe(withFile)).isEqualTo(describe(generated));
        for (List<Object> t :
                Sqlite.query(generated, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")) {
            String sql = "SELECT * FROM \"" + t.get(0) + "\" ORDER BY rowid";
            assertThat(deep(Sqlite.query(withFile, sql)))
                    .as((String) t.get(0))
                    .isEqualTo(deep(Sqlite.query(generated, sql)));
        }
        // Nothing staged was left out and no affinity would change a value.
        assertThat(r.warnings()).allMatch(w -> w.startsWith("foreign key violation kept"));
        assertThat(r.tables()).allMatch(t -> t.notes().stream().noneMatch(n -> n.contains("dropped: not in")));
    }

    private static List<String> deep(List<List<Object>> rows) {
        return rows.stream()
                .map(row -> row.stream()
                        .map(v -> v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v))
                        .toList()
                        .toString())
                .toList();
    }

    @Test
    void twoRowsForAOnePerUserTableAreRefused() {
        List<Object[]> two = new ArrayList<>(ONE_PREFERENCE);
        two.add(row(ALICE, "koch", "tropical", "natal", "{}", null, null, 1L, TS));
        aliceExport(List.of(DANGLING), two).write();
        Path db = tmp.resolve("alice.db");
        assertThatThrownBy(() -> new SqliteImporter(ImportSqliteOptions.of(tmp.resolve("staging"), db)).run())
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("table \"user_preferences\", row 2")
                .hasMessageContaining("holds more than one row");
    }
}
