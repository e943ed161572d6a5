package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Tenant rules on small hand-made schemas: cycles, composite keys, excluded tables, odd users. */
class TenantRulesTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path tmp;

    @BeforeAll
    static void schema() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("""
                    create table users (id integer primary key, email text not null);
                    insert into users values (1, 'ann@example.com'), (2, 'ben@example.com'),
                        (3, 'Dup@example.com'), (4, 'dup@EXAMPLE.com'), (5, 'twice@example.com'),
                        (6, 'twice@example.com'), (7, 'idle@example.com');

                    create table boards (id integer primary key, user_id integer references users,
                        title text);
                    insert into boards values (10, 1, 'ann board'), (20, 2, 'ben board'), (30, null, 'public board');

                    -- composite key, reachable through boards
                    create table lanes (board_id integer not null references boards on delete cascade,
                        pos integer not null, name text, primary key (board_id, pos));
                    insert into lanes values (10, 1, 'ann lane'), (20, 1, 'ben lane'), (30, 1, 'public lane');

                    -- composite foreign key, reachable through lanes only
                    create table cards (id integer primary key, board_id integer not null, pos integer not null,
                        text text, foreign key (board_id, pos) references lanes on delete cascade);
                    insert into cards values (100, 10, 1, 'ann card'), (200, 20, 1, 'ben card'), (300, 30, 1, 'public card');

                    -- a cycle between two tables reached through boards: folders <-> docs
                    create table folders (id integer primary key,
                        board_id integer not null references boards on delete cascade, cover_doc integer);
                    create table docs (id integer primary key,
                        folder_id integer not null references folders on delete cascade, body text);
                    alter table folders add foreign key (cover_doc) references docs;
                    insert into folders values (1000, 10, null), (2000, 20, null), (3000, 30, null);
                    insert into docs values (1001, 1000, 'ann doc'), (2001, 2000, 'ben doc'), (3001, 3000, 'public doc');
                    update folders set cover_doc = 2001 where id = 1000;
                    update folders set cover_doc = 2001 where id = 2000;
                    update folders set cover_doc = 1001 where id = 3000;

                    -- references users under another name, no owner column
                    create table mentions (id integer primary key,
                        mentioned integer not null references users on delete cascade, note text);
                    insert into mentions values (1, 1, 'ann mentioned'), (2, 2, 'ben mentioned');

                    -- a lookup table with no path to users
                    create table colors (id integer primary key, name text);
                    insert into colors values (1, 'red'), (2, 'blue');
                    """);
        }
    }

    private static Set<String> keys(Path dir, String table, String column) {
        return new TreeSet<>(Staged.byKey(dir, table, column).keySet());
    }

    @Test
    void compositeKeysCyclesAndOtherNamesAreScopedByOwnership() {
        Path dir = tmp.resolve("ann");
        ExportResult r = new PostgresExporter(
                        Staged.options(db, dir).userEmail("ann@example.com").build())
                .run();
        assertThat(keys(dir, "users", "id")).containsExactly("1");
        assertThat(keys(dir, "boards", "id")).containsExactly("10", "30");
        assertThat(Staged.rows(dir, "lanes"))
                .extracting(row -> row.get("board_id"))
                .containsExactlyInAnyOrder(10L, 30L);
        assertThat(keys(dir, "cards", "id")).containsExactly("100", "300");
        assertThat(keys(dir, "folders", "id")).containsExactly("1000", "3000");
        assertThat(keys(dir, "docs", "id")).containsExactly("1001", "3001");
        assertThat(keys(dir, "mentions", "id")).containsExactly("1");
        assertThat(keys(dir, "colors", "id")).containsExactly("1", "2");

        var tenant = StagingReader.open(dir).manifest().tenant();
        assertThat(tenant.tableScopes())
                .containsOnly(
                        entry("users", "user"),
                        entry("boards", "owned"),
                        entry("lanes", "via_fk"),
                        entry("cards", "via_fk"),
                        entry("folders", "via_fk"),
                        entry("docs", "via_fk"),
                        entry("mentions", "via_fk"),
                        entry("colors", "shared"));
        // ann's folder uses ben's doc as its cover; the public folder uses ann's doc.
        assertThat(tenant.danglingReferences())
                .containsExactly("folders id=1000: cover_doc -> docs id=2001 (not in this export)");
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("foreign-key cycle: "));
    }

    @Test
    void otherUserSeesOnlyTheirsAndTheSharedRows() {
        Path dir = tmp.resolve("ben");
        new PostgresExporter(
                        Staged.options(db, dir).userEmail("ben@example.com").build())
                .run();
        assertThat(keys(dir, "boards", "id")).containsExactly("20", "30");
        assertThat(keys(dir, "cards", "id")).containsExactly("200", "300");
        // The public folder's cover is ann's doc: a shared row that refers to another user's row
        // is left out (with the shared doc inside it), never exported with a dangling reference.
        assertThat(keys(dir, "folders", "id")).containsExactly("2000");
        assertThat(keys(dir, "docs", "id")).containsExactly("2001");
        assertThat(keys(dir, "mentions", "id")).containsExactly("2");
    }

    @Test
    void excludedTablesStillScopeTheTablesBehindThem() {
        Path dir = tmp.resolve("ann-without-lanes");
        ExportResult r = new PostgresExporter(Staged.options(db, dir)
                        .userEmail("ann@example.com")
                        .excludeTable("lanes")
                        .excludeTable("fold*")
                        .build())
                .run();
        assertThat(r.manifest().tables()).extracting(e -> e.table()).doesNotContain("lanes", "folders");
        assertThat(keys(dir, "cards", "id")).containsExactly("100", "300");
        assertThat(keys(dir, "docs", "id")).containsExactly("1001", "3001");
        assertThat(r.warnings())
                .contains(
                        "not migrated: table lanes (excluded by --exclude-table)",
                        "not migrated: foreign key cards.cards_board_id_pos_fkey (references public.lanes, which"
                                + " is not exported)");
        assertThat(r.manifest().schema().table("cards").orElseThrow().foreignKeys())
                .isEmpty();
    }

    @Test
    void aUserWithNoDataGetsTheirRowAndTheSharedRows() {
        Path dir = tmp.resolve("idle");
        new PostgresExporter(
                        Staged.options(db, dir).userEmail("idle@example.com").build())
                .run();
        assertThat(keys(dir, "users", "id")).containsExactly("7");
        assertThat(keys(dir, "boards", "id")).containsExactly("30");
        assertThat(keys(dir, "cards", "id")).containsExactly("300");
        assertThat(keys(dir, "mentions", "id")).isEmpty();
    }

    @Test
    void anEmailMatchingTwoUsersIsRefused() {
        Path dir = tmp.resolve("twice");
        assertThatThrownBy(() -> new PostgresExporter(Staged.options(db, dir)
                                .userEmail("twice@example.com")
                                .build())
                        .run())
                .isInstanceOf(MigrateException.class)
                .hasMessage("email twice@example.com matches 2 users in table users (column email); it must"
                        + " identify exactly one user");
        assertThat(dir).doesNotExist();
        // Two users differing only in case: the exact spelling picks one, any other spelling is ambiguous.
        Path exact = tmp.resolve("dup-exact");
        ExportResult r = new PostgresExporter(
                        Staged.options(db, exact).userEmail("Dup@example.com").build())
                .run();
        assertThat(r.manifest().tenant().userId()).isEqualTo("3");
        assertThatThrownBy(() -> new PostgresExporter(Staged.options(db, tmp.resolve("dup-folded"))
                                .userEmail("DUP@example.com")
                                .build())
                        .run())
                .hasMessageContaining("matches 2 users");
    }

    @Test
    void missingUsersTableOrColumnsAreClearErrors() {
        Path dir = tmp.resolve("bad-names");
        assertThatThrownBy(() -> new PostgresExporter(Staged.options(db, dir)
                                .tenant(new TenantOptions("ann@example.com", "members", null, null, null))
                                .build())
                        .run())
                .isInstanceOf(MigrateException.class)
                .hasMessageStartingWith("users table \"members\" not found");
        assertThatThrownBy(() -> new PostgresExporter(Staged.options(db, dir)
                                .tenant(new TenantOptions("ann@example.com", null, null, "mail", null))
                                .build())
                        .run())
                .isInstanceOf(MigrateException.class)
                .hasMessage("table \"users\", column \"mail\": the users table has no email column \"mail\"");
        assertThat(dir).doesNotExist();
    }
}
