package dev.migrate.exportsqlite;

import static dev.migrate.exportsqlite.TestFiles.column;
import static dev.migrate.exportsqlite.TestFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.testing.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file in import-sqlite's declared-type convention (the reference single-user schema of
 * schema_design) exports back to the original staging types, values exact, without warnings
 * about any column.
 */
class ImportSqliteConventionTest {

    @TempDir
    static Path tmp;

    static ExportResult result;

    static final StagingType INT16 = StagingType.of(StagingKind.INT16);
    static final StagingType INT32 = StagingType.of(StagingKind.INT32);
    static final StagingType INT64 = StagingType.of(StagingKind.INT64);
    static final StagingType TEXT = StagingType.of(StagingKind.TEXT);
    static final StagingType UUID = StagingType.of(StagingKind.UUID);
    static final StagingType BOOL = StagingType.of(StagingKind.BOOLEAN);
    static final StagingType TSTZ = StagingType.of(StagingKind.TIMESTAMPTZ);
    static final StagingType JSONB = StagingType.of(StagingKind.JSONB);

    @BeforeAll
    static void buildAndExport() throws Exception {
        Path db = tmp.resolve("single_user.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.executeUpdate(Files.readString(Datasets.schemaDesign("sqlite/single_user_schema.sql")));
            s.executeUpdate("INSERT INTO app_config VALUES (1, '10100000-0000-4000-8000-000000000001',"
                    + " 'alice@example.com', '$argon2id$v=19$x', 'Alice', '2024-01-15 10:30:00+00:00', 1, 'en-US',"
                    + " 'US', 'infinity', NULL)");
            s.executeUpdate("INSERT INTO user_preferences VALUES (1, 'placidus', 'tropical', 'natal',"
                    + " '{\"sun\":10,\"moon\":8.5}', NULL, '08:00:00+01:00', 1, '2024-01-15 10:30:00')");
            s.executeUpdate("INSERT INTO location_cache (query, display_name, latitude, longitude, country_code,"
                    + " population, elevation_m, provider_response, fetched_at, hit_count) VALUES"
                    + " ('new york', 'New York', '40.712800', '-74.006000', 'US', 8336817, 10, '{\"a\":[1,2]}',"
                    + " '2024-01-15 10:30:00.123456+00:00', 3)");
            s.executeUpdate("INSERT INTO clients VALUES ('20100000-0000-4000-8000-000000000001', 'Ann', NULL,"
                    + " 'ann@example.com', NULL, NULL, '[\"vip\",null,\"it''s \\\"quoted\\\"\"]', '150.00', 0,"
                    + " '2024-01-15 10:30:00+05:30', NULL)");
            s.executeUpdate("INSERT INTO birth_data VALUES ('30100000-0000-4000-8000-000000000001',"
                    + " '20100000-0000-4000-8000-000000000001', '-0043-03-15', '24:00:00', '1990-05-15 14:30:00',"
                    + " 'PT-5H-30M', '1990-05-15 09:00:00+00:00', 1, '40.712800', '-74.006000', 'NYC', 'US',"
                    + " 'America/New_York', 'AA', 1, NULL)");
            s.executeUpdate("INSERT INTO charts VALUES ('40100000-0000-4000-8000-000000000001',"
                    + " '20100000-0000-4000-8000-000000000001', '30100000-0000-4000-8000-000000000001', 'synastry',"
                    + " 'Natal', 'placidus', 'NaN', 24.123457, '{\"sun\":{\"lon\":54.1}}',"
                    + " '{ \"engine\" : \"swe\", \"engine\": \"dup\" }', x'00ff10', 1, '2024-01-15 10:30:00+00:00')");
            s.executeUpdate("INSERT INTO aspect_patterns VALUES ('70100000-0000-4000-8000-000000000001',"
                    + " '40100000-0000-4000-8000-000000000001', 'grand trine', '[\"sun\",\"moon\",\"mars\"]',"
                    + " '[1,5,null]', 1.5, NULL, '2024-01-15 10:30:00+00:00')");
            s.executeUpdate("INSERT INTO transit_events (chart_id, transiting_body, natal_body, aspect, orb_deg,"
                    + " exact_at, influence_duration, reminder_time, priority, is_active, note) VALUES"
                    + " ('40100000-0000-4000-8000-000000000001', 'saturn', 'sun', 'square', 'Infinity',"
                    + " '2025-03-01 12:00:00+00:00', 'P1DT-2H', '09:15:00', 3, 0, NULL)");
            s.executeUpdate("INSERT INTO session_notes (client_id, session_date, started_at, duration, title, body,"
                    + " tags, fee, is_paid, word_count, attachments, created_at) VALUES"
                    + " ('20100000-0000-4000-8000-000000000001', '2024-02-01', '10:00:00', 'PT1H',"
                    + " 'First', 'Notes', '[]', '120.50', 1, 250, 'null', '2024-02-01 11:00:00+00:00')");
        }
        result = TestFiles.export(db, tmp.resolve("out"));
    }

    private static StagingType type(String table, String col) {
        return column(result, table, col).type();
    }

    private static Map<String, Object> first(String table) {
        return rows(result.exportDir(), table).get(0);
    }

    @Test
    void declaredTypesComeBackAsTheOriginalStagingTypes() {
        assertThat(type("app_config", "user_id")).isEqualTo(UUID);
        assertThat(type("app_config", "created_at")).isEqualTo(TSTZ);
        assertThat(type("app_config", "is_active")).isEqualTo(BOOL);
        assertThat(type("app_config", "locale")).isEqualTo(StagingType.varchar(16));
        assertThat(type("app_config", "country_code")).isEqualTo(StagingType.character(2));
        assertThat(type("app_config", "subscription_ends_at")).isEqualTo(TSTZ);
        assertThat(type("user_preferences", "default_chart_type")).isEqualTo(StagingType.enumOf("chart_type"));
        assertThat(type("user_preferences", "orb_settings")).isEqualTo(JSONB);
        assertThat(type("user_preferences", "digest_time")).isEqualTo(StagingType.of(StagingKind.TIMETZ));
        assertThat(type("user_preferences", "week_starts_on")).isEqualTo(INT16);
        assertThat(type("location_cache", "latitude")).isEqualTo(StagingType.decimal(9, 6));
        assertThat(type("location_cache", "population")).isEqualTo(INT64);
        assertThat(type("location_cache", "elevation_m")).isEqualTo(INT16);
        assertThat(type("location_cache", "hit_count")).isEqualTo(INT32);
        assertThat(column(result, "location_cache", "id").identity())
                .isEqualTo(new Identity("autoincrement", null, 1L));
        assertThat(type("clients", "tags")).isEqualTo(StagingType.array(TEXT, 1));
        assertThat(type("clients", "session_fee")).isEqualTo(StagingType.decimal(12, 2));
        assertThat(type("birth_data", "birth_date")).isEqualTo(StagingType.of(StagingKind.DATE));
        assertThat(type("birth_data", "birth_time")).isEqualTo(StagingType.of(StagingKind.TIME));
        assertThat(type("birth_data", "birth_local")).isEqualTo(StagingType.of(StagingKind.TIMESTAMP));
        assertThat(type("birth_data", "utc_offset")).isEqualTo(StagingType.of(StagingKind.INTERVAL));
        assertThat(type("birth_data", "rodden_rating")).isEqualTo(StagingType.character(2));
        assertThat(type("charts", "julian_day")).isEqualTo(StagingType.of(StagingKind.FLOAT64));
        assertThat(type("charts", "ayanamsa_deg")).isEqualTo(StagingType.of(StagingKind.FLOAT32));
        assertThat(type("charts", "engine_output")).isEqualTo(StagingType.of(StagingKind.JSON));
        assertThat(type("charts", "thumbnail")).isEqualTo(StagingType.of(StagingKind.BYTES));
        assertThat(type("aspect_patterns", "house_numbers")).isEqualTo(StagingType.array(INT32, 1));
        assertThat(type("transit_events", "orb_deg")).isEqualTo(StagingType.of(StagingKind.FLOAT32));
        assertThat(type("transit_events", "priority")).isEqualTo(INT16);
        assertThat(result.manifest().schema().enums())
                .containsExactly(
                        new EnumType("chart_type", List.of("natal", "transit", "synastry", "composite", "progressed")));
    }

    @Test
    void valuesAreExact() {
        assertThat(first("app_config"))
                .containsEntry("created_at", "2024-01-15 10:30:00+00:00")
                .containsEntry("subscription_ends_at", "infinity")
                .containsEntry("is_active", true)
                .containsEntry("country_code", "US");
        assertThat(first("user_preferences"))
                .containsEntry("default_chart_type", "natal")
                .containsEntry("orb_settings", "{\"sun\":10,\"moon\":8.5}")
                .containsEntry("digest_time", "08:00:00+01:00")
                .containsEntry("updated_at", "2024-01-15 10:30:00+00:00");
        assertThat(first("location_cache"))
                .containsEntry("latitude", "40.712800")
                .containsEntry("longitude", "-74.006000")
                .containsEntry("fetched_at", "2024-01-15 10:30:00.123456+00:00");
        assertThat(first("clients"))
                .containsEntry("tags", Arrays.asList("vip", null, "it's \"quoted\""))
                .containsEntry("session_fee", "150.00")
                .containsEntry("is_archived", false)
                .containsEntry("created_at", "2024-01-15 10:30:00+05:30");
        assertThat(first("birth_data"))
                .containsEntry("birth_date", "-0043-03-15")
                .containsEntry("birth_time", "24:00:00")
                .containsEntry("utc_offset", "PT-5H-30M");
        Map<String, Object> chart = first("charts");
        assertThat((Double) chart.get("julian_day")).isNaN();
        assertThat(chart)
                .containsEntry("ayanamsa_deg", 24.123457)
                .containsEntry("chart_type", "synastry")
                .containsEntry("engine_output", "{ \"engine\" : \"swe\", \"engine\": \"dup\" }");
        assertThat((byte[]) chart.get("thumbnail")).containsExactly(0x00, 0xff, 0x10);
        assertThat(first("aspect_patterns")).containsEntry("house_numbers", Arrays.asList(1L, 5L, null));
        assertThat(first("transit_events"))
                .containsEntry("orb_deg", Double.POSITIVE_INFINITY)
                .containsEntry("influence_duration", "P1DT-2H")
                .containsEntry("is_active", false);
        assertThat(first("session_notes")).containsEntry("tags", List.of()).containsEntry("attachments", "null");
    }

    @Test
    void noColumnIsWarnedAbout() {
        assertThat(result.warnings()).allMatch(w -> w.contains(": index \""), "only index warnings");
        assertThat(result.warnings())
                .anyMatch(w -> w.contains("\"clients_lower_email_idx\" is on expressions"))
                .anyMatch(w -> w.contains("\"transit_events_active_exact_at_idx\" is partial (WHERE is_active)"));
        for (var t : result.manifest().schema().tables()) {
            for (ColumnSchema c : t.columns()) {
                assertThat(c.note() == null || c.note().contains("without an offset read as UTC"))
                        .as(t.name() + "." + c.name() + ": " + c.note())
                        .isTrue();
            }
        }
    }
}
