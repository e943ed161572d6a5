package dev.migrate.importpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.testing.Datasets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant expansion into the schema_design reference multi-user database: a single-user export
 * of alice (or bob) goes back in, recreating the user from app_config when missing, replacing
 * the user's rows when present, idempotent, and never touching another user's rows.
 */
class TenantImportTest extends ImportTestSupport {

    static final String ALICE = "alice@example.com";
    static final String ALICE_ID = "10100000-0000-4000-8000-000000000001";
    static final String BOB = "bob@example.com";
    static final String BOB_ID = "10200000-0000-4000-8000-000000000001";

    static final List<String> TABLES = List.of(
            "users",
            "user_preferences",
            "location_cache",
            "clients",
            "birth_data",
            "charts",
            "interpretations",
            "chart_interpretations",
            "aspect_patterns",
            "transit_events",
            "session_notes");

    static String reference;
    static Path aliceStaging;
    static Path bobStaging;
    static Map<String, Long> aliceCounts;

    @BeforeAll
    static void referenceDatabaseAndExports() throws Exception {
        reference = db.createDatabase("tenant_ref");
        db.runScript(reference, Datasets.schemaDesign("postgres/multi_user_schema.sql"));
        db.runScript(reference, Datasets.schemaDesign("postgres/sample_data.sql"));
        try (Connection c = db.connect(reference)) {
            aliceStaging = tmp.resolve("alice");
            aliceCounts = TenantExportFixture.export(c, ALICE, aliceStaging);
            bobStaging = tmp.resolve("bob");
            TenantExportFixture.export(c, BOB, bobStaging);
        }
    }

    @Test
    void theFixtureExportHasTheReadmeCounts() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("app_config", 1L);
        expected.put("user_preferences", 1L);
        expected.put("location_cache", 7L);
        expected.put("clients", 4L);
        expected.put("birth_data", 5L);
        expected.put("charts", 5L);
        expected.put("interpretations", 8L);
        expected.put("chart_interpretations", 6L);
        expected.put("aspect_patterns", 3L);
        expected.put("transit_events", 4L);
        expected.put("session_notes", 4L);
        assertThat(aliceCounts).isEqualTo(expected);
    }

    private ImportResult importAs(String database, Path staging, String email) {
        return new PostgresImporter(options(staging, database).withTenant(TenantOptions.forEmail(email)))
                .run(ImportListener.NONE);
    }

    /** Every row of every table, in a stable order. */
    private Map<String, List<String>> allRows(String database) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : TABLES) {
            out.put(t, rows(database, "select t::text from " + t + " t order by 1"));
        }
        return out;
    }

    /** Rows that are not the given user's: other users' rows and shared rows, per table. */
    private Map<String, List<String>> othersRows(String database, String userId) throws Exception {
        String u = "'" + userId + "'";
        Map<String, String> where = new LinkedHashMap<>();
        where.put("users", "id <> " + u);
        where.put("user_preferences", "user_id <> " + u);
        where.put("location_cache", "true");
        where.put("clients", "user_id <> " + u);
        where.put("birth_data", "client_id in (select id from clients where user_id <> " + u + ")");
        where.put("charts", "user_id <> " + u);
        where.put("interpretations", "user_id is distinct from " + u);
        where.put("chart_interpretations", "chart_id in (select id from charts where user_id <> " + u + ")");
        where.put("aspect_patterns", "user_id <> " + u);
        where.put("transit_events", "user_id <> " + u);
        where.put("session_notes", "user_id <> " + u);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (var e : where.entrySet()) {
            out.put(
                    e.getKey(),
                    rows(database, "select t::text from " + e.getKey() + " t where " + e.getValue() + " order by 1"));
        }
        return out;
    }

    @Test
    void aDeletedUserIsRecreatedFromAppConfigWithExactlyTheOriginalRows() throws Exception {
        String copy = db.copyDatabase(reference, "tenant_missing");
        execute(copy, "delete from users where email = '" + ALICE + "'");
        Map<String, List<String>> others = othersRows(copy, ALICE_ID);

        ImportResult r = importAs(copy, aliceStaging, ALICE);

        assertThat(r.userCreated()).isTrue();
        assertThat(r.userId()).isEqualTo(ALICE_ID);
        assertThat(allRows(copy)).isEqualTo(allRows(reference));
        assertThat(othersRows(copy, ALICE_ID)).isEqualTo(others);
        assertThat(r.backupDirectory()).isNotNull();
        assertThat(StagingReader.open(r.backupDirectory()).manifest().tables()).hasSize(TABLES.size());
        // Sequences were moved past the loaded ids: new rows get fresh ids.
        execute(
                copy,
                "insert into transit_events (user_id, chart_id, transiting_body, natal_body, aspect, exact_at)"
                        + " select user_id, id, 'Sun', 'Moon', 'trine', now() from charts where user_id = '" + ALICE_ID
                        + "' limit 1");
        assertThat(value(copy, "select max(id) from transit_events")).isEqualTo("10");
    }

    @Test
    void anExistingUserIsReplacedAndImportingTwiceGivesTheSameResult() throws Exception {
        String copy = db.copyDatabase(reference, "tenant_replace");
        // alice changed things in the multi-user app after her export; the import puts back the export.
        execute(
                copy,
                "update charts set name = 'renamed' where id = '40100000-0000-4000-8000-000000000001'",
                "delete from session_notes where user_id = '" + ALICE_ID + "' and id = (select min(id) from"
                        + " session_notes where user_id = '" + ALICE_ID + "')",
                "insert into clients (id, user_id, first_name) values ('20100000-0000-4000-8000-0000000000aa', '"
                        + ALICE_ID + "', 'New')",
                "update users set full_name = 'changed' where id = '" + ALICE_ID + "'");
        Map<String, List<String>> others = othersRows(copy, ALICE_ID);

        ImportResult first = importAs(copy, aliceStaging, ALICE);
        assertThat(first.userCreated()).isFalse();
        assertThat(allRows(copy)).isEqualTo(allRows(reference));
        assertThat(othersRows(copy, ALICE_ID)).isEqualTo(others);

        ImportResult second = importAs(copy, aliceStaging, ALICE);
        assertThat(allRows(copy)).isEqualTo(allRows(reference));
        assertThat(othersRows(copy, ALICE_ID)).isEqualTo(others);
        assertThat(second.tables())
                .filteredOn(t -> t.table().equals("charts"))
                .singleElement()
                .satisfies(t -> assertThat(t.notes()).contains("0 rows inserted, 0 updated, 5 unchanged"));
    }

    @Test
    void importingBobNeverChangesAlicesRowThatReferencesBobsInterpretation() throws Exception {
        String copy = db.copyDatabase(reference, "tenant_bob");
        Map<String, List<String>> others = othersRows(copy, BOB_ID);
        importAs(copy, bobStaging, BOB);
        assertThat(othersRows(copy, BOB_ID)).isEqualTo(others);
        assertThat(value(
                        copy,
                        "select interpretation_id from chart_interpretations where id ="
                                + " '50100000-0000-4000-8000-000000000006'"))
                .isEqualTo("60200000-0000-4000-8000-000000000001");
        assertThat(allRows(copy)).isEqualTo(allRows(reference));
    }

    @Test
    void sharedRowsThatDifferAreLeftAsTheyAreAndReported() throws Exception {
        String copy = db.copyDatabase(reference, "tenant_shared");
        execute(
                copy,
                "update location_cache set hit_count = hit_count + 100 where id = 1",
                "update interpretations set title = 'edited by admin' where user_id is null and id ="
                        + " (select min(id::text)::uuid from interpretations where user_id is null)");
        Map<String, List<String>> before = allRows(copy);
        ImportResult r = importAs(copy, aliceStaging, ALICE);
        assertThat(allRows(copy)).isEqualTo(before);
        assertThat(r.warnings())
                .anySatisfy(w -> assertThat(w).contains("location_cache", "1 shared rows already present differ"))
                .anySatisfy(w -> assertThat(w).contains("interpretations", "1 shared rows differ"));
    }

    @Test
    void theStagingOfOneUserIsNeverAttachedToAnother() throws Exception {
        String copy = db.copyDatabase(reference, "tenant_wrong");
        Map<String, List<String>> before = allRows(copy);
        var e = catchThrowableOfType(MigrateException.class, () -> importAs(copy, aliceStaging, BOB));
        assertThat(e.getMessage()).contains("holds the data of alice@example.com, not of bob@example.com");
        assertThat(allRows(copy)).isEqualTo(before);
    }

    @Test
    void aUserWithoutPreferencesKeepsNoneAndAnEmailMatchingTwoUsersIsRefused() throws Exception {
        String copy = db.copyDatabase(reference, "tenant_carol");
        Path carol = tmp.resolve("carol");
        try (Connection c = db.connect(reference)) {
            TenantExportFixture.export(c, "carol@example.com", carol);
        }
        importAs(copy, carol, "carol@example.com");
        assertThat(allRows(copy)).isEqualTo(allRows(reference));

        execute(copy, "insert into users (email, password_hash) values ('CAROL@example.com', 'x')");
        Map<String, List<String>> before = allRows(copy);
        var e = catchThrowableOfType(MigrateException.class, () -> importAs(copy, carol, "Carol@Example.com"));
        assertThat(e.getMessage()).contains("matches 2 users", "refusing to guess");
        assertThat(allRows(copy)).isEqualTo(before);
    }

    @Test
    void deletingARowAnotherUserReferencesIsRefused() throws Exception {
        // alice deleted her custom interpretation in her single-user copy...
        String source = db.copyDatabase(reference, "tenant_src");
        execute(source, "delete from interpretations where id = '60100000-0000-4000-8000-000000000001'");
        Path staging = tmp.resolve("alice-without-interpretation");
        try (Connection c = db.connect(source)) {
            TenantExportFixture.export(c, ALICE, staging);
        }
        // ...which bob's chart uses in the multi-user database.
        String copy = db.copyDatabase(reference, "tenant_ref_by_other");
        execute(
                copy,
                "insert into chart_interpretations (id, chart_id, interpretation_id, sort_order) values"
                        + " ('50200000-0000-4000-8000-0000000000aa', '40200000-0000-4000-8000-000000000002',"
                        + " '60100000-0000-4000-8000-000000000001', 5)");
        Map<String, List<String>> before = allRows(copy);
        var e = catchThrowableOfType(MigrateException.class, () -> importAs(copy, staging, ALICE));
        assertThat(e.getMessage())
                .contains(
                        "table \"interpretations\"",
                        "1 rows of \"chart_interpretations\" not belonging to the user",
                        "ON DELETE SET NULL",
                        "nothing was imported")
                .doesNotContain("\n");
        assertThat(allRows(copy)).isEqualTo(before);
    }

    @Test
    void aTargetWithoutTheMultiUserSchemaIsRefused() throws Exception {
        String empty = db.createDatabase("tenant_empty");
        var e = catchThrowableOfType(MigrateException.class, () -> importAs(empty, aliceStaging, ALICE));
        assertThat(e.getMessage()).contains("has no table \"users\"", "application's migrations");
    }
}
