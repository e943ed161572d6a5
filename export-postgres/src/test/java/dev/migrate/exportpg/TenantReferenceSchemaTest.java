package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TenantFilter;
import dev.migrate.testing.Datasets;
import dev.migrate.testing.PostgresDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant collapse on the reference multi-user schema (schema_design): for each of alice, bob and
 * carol, the exported rows are exactly that user's rows plus the shared ones (computed here
 * independently, by SQL written from the schema's README), with the README's counts, every value
 * equal to the whole-database export, no trace of another user anywhere in the staging
 * directory, and the planted dangling reference reported.
 */
class TenantReferenceSchemaTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path tmp;

    static Path whole;

    static final Map<String, String> USERS = Map.of(
            "alice@example.com", "10100000-0000-4000-8000-000000000001",
            "bob@example.com", "10200000-0000-4000-8000-000000000001",
            "carol@example.com", "10300000-0000-4000-8000-000000000001");

    /** The primary key column of each table (user_preferences is keyed by its owner). */
    static final Map<String, String> KEY = Map.ofEntries(
            entry("users", "id"),
            entry("user_preferences", "user_id"),
            entry("clients", "id"),
            entry("birth_data", "id"),
            entry("charts", "id"),
            entry("chart_interpretations", "id"),
            entry("interpretations", "id"),
            entry("aspect_patterns", "id"),
            entry("transit_events", "id"),
            entry("session_notes", "id"),
            entry("location_cache", "id"));

    /** Which rows belong to user ? (or are shared), written from the README, not from the exporter. */
    static final Map<String, String> EXPECTED_ROWS = Map.ofEntries(
            entry("users", "select id::text from users where id = ?::uuid"),
            entry("user_preferences", "select user_id::text from user_preferences where user_id = ?::uuid"),
            entry("clients", "select id::text from clients where user_id = ?::uuid"),
            entry(
                    "birth_data",
                    "select id::text from birth_data where client_id in (select id from clients where user_id ="
                            + " ?::uuid)"),
            entry("charts", "select id::text from charts where user_id = ?::uuid"),
            entry(
                    "chart_interpretations",
                    "select id::text from chart_interpretations where chart_id in (select id from charts where"
                            + " user_id = ?::uuid)"),
            entry("interpretations", "select id::text from interpretations where user_id = ?::uuid or user_id is null"),
            entry("aspect_patterns", "select id::text from aspect_patterns where user_id = ?::uuid"),
            entry("transit_events", "select id::text from transit_events where user_id = ?::uuid"),
            entry("session_notes", "select id::text from session_notes where user_id = ?::uuid"),
            entry("location_cache", "select id::text from location_cache where ?::text is not null"));

    /** README: "Tenant export" column. */
    static final Map<String, Map<String, Long>> README_COUNTS = Map.of(
            "alice@example.com", counts(1, 1, 4, 5, 5, 6, 8, 3, 4, 4, 7),
            "bob@example.com", counts(1, 1, 3, 3, 4, 4, 8, 2, 3, 3, 7),
            "carol@example.com", counts(1, 0, 2, 2, 2, 2, 7, 1, 2, 2, 7));

    static Map<String, Long> counts(long... n) {
        String[] tables = {
            "users",
            "user_preferences",
            "clients",
            "birth_data",
            "charts",
            "chart_interpretations",
            "interpretations",
            "aspect_patterns",
            "transit_events",
            "session_notes",
            "location_cache"
        };
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < tables.length; i++) {
            out.put(tables[i], n[i]);
        }
        return out;
    }

    @BeforeAll
    static void load() throws Exception {
        db.runScript(Datasets.schemaDesign("postgres/multi_user_schema.sql"));
        db.runScript(Datasets.schemaDesign("postgres/sample_data.sql"));
        whole = tmp.resolve("whole");
        new PostgresExporter(Staged.options(db, whole).build()).run();
    }

    private static Set<String> expectedKeys(String table, String userId) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = db.connect();
                PreparedStatement s = c.prepareStatement(EXPECTED_ROWS.get(table))) {
            s.setString(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "bob@example.com", "carol@example.com"})
    void eachUserGetsExactlyTheirRowsAndTheSharedOnes(String email) throws Exception {
        String userId = USERS.get(email);
        Path dir = tmp.resolve(email.substring(0, email.indexOf('@')));
        ExportResult result =
                new PostgresExporter(Staged.options(db, dir).userEmail(email).build()).run();
        Manifest m = StagingReader.open(dir).manifest();

        Map<String, Long> counts = new LinkedHashMap<>();
        for (TableEntry e : m.tables()) {
            counts.put(e.table(), e.rows());
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(README_COUNTS.get(email));

        for (String table : KEY.keySet()) {
            String key = KEY.get(table);
            Map<String, Map<String, Object>> exported = Staged.byKey(dir, table, key);
            assertThat(new TreeSet<>(exported.keySet())).as(table).isEqualTo(expectedKeys(table, userId));
            // Every value equals the whole-database export of the same row.
            Map<String, Map<String, Object>> all = Staged.byKey(whole, table, key);
            exported.forEach((k, row) -> assertSameRow(table, row, all.get(k)));
        }

        TenantFilter tenant = m.tenant();
        assertThat(tenant.userEmail()).isEqualTo(email);
        assertThat(tenant.userId()).isEqualTo(userId);
        assertThat(tenant.usersTable()).isEqualTo("users");
        assertThat(tenant.ownerColumn()).isEqualTo("user_id");
        assertThat(tenant.tableScopes())
                .containsOnly(
                        entry("users", "user"),
                        entry("user_preferences", "per_user"),
                        entry("clients", "owned"),
                        entry("birth_data", "via_fk"),
                        entry("charts", "owned"),
                        entry("chart_interpretations", "via_fk"),
                        entry("interpretations", "owned"),
                        entry("aspect_patterns", "owned"),
                        entry("transit_events", "owned"),
                        entry("session_notes", "owned"),
                        entry("location_cache", "shared"));

        if (email.startsWith("alice")) {
            String line = "chart_interpretations id=50100000-0000-4000-8000-000000000006: interpretation_id ->"
                    + " interpretations id=60200000-0000-4000-8000-000000000001 (not in this export)";
            assertThat(tenant.danglingReferences()).containsExactly(line);
            assertThat(result.warnings()).contains("dangling reference, not followed: " + line);
            // The row itself is alice's and is exported with its value unchanged.
            assertThat(Staged.byKey(dir, "chart_interpretations", "id").get("50100000-0000-4000-8000-000000000006"))
                    .containsEntry("interpretation_id", "60200000-0000-4000-8000-000000000001");
        } else {
            // The manifest omits empty lists (NON_EMPTY), so an empty list reads back as null.
            assertThat(tenant.danglingReferences()).isNullOrEmpty();
            assertThat(result.warnings()).noneMatch(w -> w.startsWith("dangling"));
        }

        assertNoTraceOfOtherUsers(dir, email);
    }

    /** Other users' emails, ids, names and secrets appear in no staging file, the manifest included. */
    private static void assertNoTraceOfOtherUsers(Path dir, String email) throws Exception {
        Map<String, Map<String, Object>> users = Staged.byKey(whole, "users", "id");
        List<String> forbidden = new ArrayList<>();
        for (Map.Entry<String, String> u : USERS.entrySet()) {
            if (u.getKey().equals(email)) {
                continue;
            }
            Map<String, Object> row = users.get(u.getValue());
            forbidden.add(u.getKey());
            forbidden.add(u.getValue());
            forbidden.add((String) row.get("password_hash"));
            forbidden.add(json((String) row.get("full_name")));
            // The uuid key of every row the other user owns (integer keys are too short to scan
            // for; the exact key sets above cover them). Interpretations are checked below: bob's
            // planted one is allowed as alice's dangling reference.
            for (String table : KEY.keySet()) {
                if (table.equals("interpretations") || table.equals("location_cache")) {
                    continue;
                }
                expectedKeys(table, u.getValue()).stream()
                        .filter(k -> k.length() == 36)
                        .forEach(forbidden::add);
            }
        }
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            for (String secret : forbidden) {
                assertThat(f.getValue())
                        .as(f.getKey() + " must not contain " + secret)
                        .doesNotContain(secret);
            }
        }
        // Other users' custom interpretations: only bob's planted one, only as alice's dangling reference.
        Set<String> othersInterpretations = new TreeSet<>();
        try (Connection c = db.connect();
                PreparedStatement st = c.prepareStatement(
                        "select id::text from interpretations where user_id is not null and user_id <> ?::uuid")) {
            st.setString(1, USERS.get(email));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    othersInterpretations.add(rs.getString(1));
                }
            }
        }
        assertThat(Staged.byKey(dir, "interpretations", "id").keySet())
                .doesNotContainAnyElementsOf(othersInterpretations);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void assertSameRow(String table, Map<String, Object> actual, Map<String, Object> expected) {
        assertThat(expected).as(table + " row in the whole export").isNotNull();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String column : actual.keySet()) {
            Object a = actual.get(column);
            Object e = expected.get(column);
            if (a instanceof byte[] ab) {
                assertThat(ab).as(table + "." + column).isEqualTo((byte[]) e);
            } else {
                assertThat(a).as(table + "." + column).isEqualTo(e);
            }
        }
    }

    @Test
    void planted_edge_values_survive_the_collapse() {
        Path dir = tmp.resolve("edge-alice");
        new PostgresExporter(
                        Staged.options(db, dir).userEmail("alice@example.com").build())
                .run();
        assertThat(Staged.byKey(dir, "birth_data", "id").get("30100000-0000-4000-8000-000000000005"))
                .containsEntry("birth_date", "-0099-07-12")
                .containsEntry("rodden_rating", "DD");
        byte[] thumbnail = (byte[]) Staged.byKey(dir, "charts", "id")
                .get("40100000-0000-4000-8000-000000000001")
                .get("thumbnail");
        assertThat(thumbnail).hasSize(256);
        assertThat(Staged.byKey(dir, "charts", "id").get("40100000-0000-4000-8000-000000000001"))
                .containsEntry("engine_output", "{\"a\": 1,  \"a\":2}")
                .containsEntry("chart_type", "natal");
        assertThat(Staged.byKey(dir, "clients", "id").get("20100000-0000-4000-8000-000000000002"))
                .containsEntry("tags", java.util.Arrays.asList("new", null, "says \"hi\", often", "O'Reilly"))
                .containsEntry("session_fee", "12.50");
        assertThat(Staged.byKey(dir, "transit_events", "id").get("2")).containsEntry("reminder_time", "24:00:00");
        assertThat(Staged.byKey(dir, "user_preferences", "user_id").get("10100000-0000-4000-8000-000000000001"))
                .containsEntry("digest_time", "07:30:00+02:00");

        Path bob = tmp.resolve("edge-bob");
        new PostgresExporter(
                        Staged.options(db, bob).userEmail("bob@example.com").build())
                .run();
        assertThat(Staged.byKey(bob, "users", "id").get("10200000-0000-4000-8000-000000000001"))
                .containsEntry("subscription_ends_at", "infinity")
                .containsEntry("full_name", "Łukasz \"Bob\" O'Brien");

        Path carol = tmp.resolve("edge-carol");
        new PostgresExporter(
                        Staged.options(db, carol).userEmail("carol@example.com").build())
                .run();
        assertThat(Staged.byKey(carol, "session_notes", "id").get("9007199254740993"))
                .containsEntry("created_at", "2000-01-01 11:59:59.999999+00:00");
        assertThat(StagingReader.open(carol)
                        .manifest()
                        .schema()
                        .table("session_notes")
                        .orElseThrow()
                        .column("id")
                        .orElseThrow()
                        .identity()
                        .lastValue())
                .isEqualTo(9007199254740993L);
    }

    @Test
    void emailIsMatchedCaseInsensitivelyWhenNoExactMatchExists() {
        Path dir = tmp.resolve("upper");
        ExportResult r = new PostgresExporter(
                        Staged.options(db, dir).userEmail("Alice@Example.COM").build())
                .run();
        assertThat(r.manifest().tenant().userId()).isEqualTo(USERS.get("alice@example.com"));
    }

    @Test
    void unknownEmailFailsBeforeAnyStagingDirectoryExists() {
        Path dir = tmp.resolve("nobody");
        assertThatThrownBy(() -> new PostgresExporter(Staged.options(db, dir)
                                .userEmail("nobody@example.com")
                                .build())
                        .run())
                .isInstanceOf(MigrateException.class)
                .hasMessage("user not found: nobody@example.com");
        assertThat(dir).doesNotExist();
    }

    @Test
    void scopesAreExplainedPerTable() {
        Path dir = tmp.resolve("notes");
        ExportResult r = new PostgresExporter(
                        Staged.options(db, dir).userEmail("carol@example.com").build())
                .run();
        Map<String, List<String>> notes =
                r.tables().stream().collect(Collectors.toMap(TableStats::table, TableStats::notes));
        assertThat(notes.get("birth_data")).anyMatch(n -> n.contains("via_fk") && n.contains("client_id -> clients"));
        assertThat(notes.get("location_cache"))
                .anyMatch(n -> n.contains("shared") && n.contains("referenced by birth_data"));
        assertThat(notes.get("user_preferences")).anyMatch(n -> n.contains("per_user"));
        assertThat(r.tables().stream().filter(t -> t.table().equals("user_preferences")))
                .singleElement()
                .extracting(TableStats::rows)
                .isEqualTo(0L);
    }
}
