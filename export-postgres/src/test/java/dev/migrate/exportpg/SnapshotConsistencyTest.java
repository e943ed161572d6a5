package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export taken while another connection inserts, updates and deletes in a loop equals the
 * database as it was when the export began: same tables, counts and values as an export taken
 * before the writer started.
 */
class SnapshotConsistencyTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path tmp;

    @Test
    void exportIsOneSnapshotDespiteAConcurrentWriter() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("""
                    create table accounts (id serial primary key, balance bigint not null, note text);
                    insert into accounts (balance, note) select g * 10, 'acct ' || g from generate_series(1, 20000) g;
                    create table ledger (id bigserial primary key, account_id integer not null references accounts,
                        amount integer not null, at timestamptz not null default now());
                    insert into ledger (account_id, amount, at)
                        select 1 + g % 20000, g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 second'
                        from generate_series(1, 20000) g;
                    create table zzz_last (id integer primary key, v text);
                    insert into zzz_last select g, 'v' || g from generate_series(1, 1000) g;
                    """);
        }
        Path before = tmp.resolve("before");
        new PostgresExporter(Staged.options(db, before).build()).run();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger commits = new AtomicInteger();
        AtomicReference<Throwable> writerError = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                while (!stop.get()) {
                    int id = 1 + ThreadLocalRandom.current().nextInt(20000);
                    s.execute("insert into accounts (balance, note) values (1, 'new')");
                    s.execute("update accounts set balance = balance + 1, note = 'changed' where id = " + id);
                    s.execute("delete from ledger where id = (select min(id) from ledger)");
                    s.execute("insert into ledger (account_id, amount) values (" + id + ", -1)");
                    s.execute("update zzz_last set v = 'changed' where id = " + (1 + id % 1000));
                    s.execute("delete from zzz_last where id = (select max(id) from zzz_last)");
                    commits.incrementAndGet();
                }
            } catch (Throwable t) {
                writerError.set(t);
            }
        });
        ExportListener interleave = new ExportListener() {
            @Override
            public void tableStarted(String table, int index, int tables) {
                if (index == 1) {
                    writer.start();
                }
                // Before each table is read, let the writer commit more changes: they happen
                // after the export's snapshot and must not show up in it.
                int target = commits.get() + 20;
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (commits.get() < target && writerError.get() == null && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
        };
        Path during = tmp.resolve("during");
        try {
            new PostgresExporter(Staged.options(db, during).fetchSize(100).build()).run(interleave);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertThat(writerError.get()).isNull();
        assertThat(commits.get()).isGreaterThanOrEqualTo(60);

        for (String table : List.of("accounts", "ledger", "zzz_last")) {
            List<Map<String, Object>> a = sorted(Staged.rows(before, table));
            List<Map<String, Object>> b = sorted(Staged.rows(during, table));
            assertThat(b).as(table).hasSameSizeAs(a).isEqualTo(a);
        }
        // And the database did change meanwhile.
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                var rs = s.executeQuery("select count(*) from accounts")) {
            rs.next();
            assertThat(rs.getLong(1)).isGreaterThan(20000);
        }
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows) {
        return rows.stream()
                .sorted(Comparator.comparingLong(r -> (Long) r.get("id")))
                .toList();
    }
}
