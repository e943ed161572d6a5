package dev.migrate.exportsqlite;

import static dev.migrate.exportsqlite.TestFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.report.TableStats;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application keeps writing while the export runs, in WAL and in rollback-journal mode: the
 * export must be the database as it was when its read transaction began, across tables and across
 * the profile and export passes.
 */
class ConcurrentWriterTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"WAL", "DELETE"})
    void exportIsOneSnapshotWhileAWriterCommitsInALoop(String journalMode) throws Exception {
        Path db = tmp.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=" + journalMode);
            s.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            s.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT, touched INTEGER)");
            s.execute("INSERT INTO counter VALUES (1, 25000)");
            s.execute("WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 25000)"
                    + " INSERT INTO events SELECT i, 'event ' || i, 25000 FROM k");
        }

        // The application: keeps its connection open and commits one event per transaction.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong committed = new AtomicLong(25_000);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                try (Statement s = c.createStatement()) {
                    // In rollback-journal mode the export's read lock makes commits wait until it ends.
                    s.execute("PRAGMA busy_timeout = 120000");
                }
                c.setAutoCommit(false);
                try (PreparedStatement insert =
                                c.prepareStatement("INSERT INTO events (payload, touched) VALUES (?, ?)");
                        PreparedStatement count = c.prepareStatement("UPDATE counter SET n = n + 1 WHERE id = 1");
                        PreparedStatement touch = c.prepareStatement("UPDATE events SET touched = ? WHERE id = 1")) {
                    while (!stop.get()) {
                        long n = committed.get() + 1;
                        insert.setString(1, "event " + n);
                        insert.setLong(2, n);
                        insert.executeUpdate();
                        count.executeUpdate();
                        touch.setLong(1, n);
                        touch.executeUpdate();
                        c.commit();
                        committed.set(n);
                    }
                }
            } catch (Exception e) {
                failure.set(e);
            }
        });
        writer.start();
        while (committed.get() < 25_050) {
            Thread.sleep(5);
        }

        long beforeExport = committed.get();
        AtomicLong atStart = new AtomicLong();
        AtomicLong atEnd = new AtomicLong();
        ExportResult r = new SqliteExporter(ExportSqliteOptions.of(db, tmp.resolve("out"), "t"))
                .run(new ProgressListener() {
                    @Override
                    public void snapshotStarted(int tables) {
                        atStart.set(committed.get());
                    }

                    @Override
                    public void tableStarted(String table, int index, int tableCount) {
                        pause(); // let the writer commit between tables and between passes
                    }

                    @Override
                    public void rowsWritten(String table, long rows) {
                        pause();
                    }

                    @Override
                    public void tableFinished(TableStats stats) {
                        atEnd.set(committed.get());
                    }
                });
        long afterExport = committed.get();
        while (committed.get() < afterExport + 5 && failure.get() == null) {
            Thread.sleep(5);
        }
        stop.set(true);
        writer.join();
        assertThat(failure.get()).isNull();

        long counter = (Long) rows(r.exportDir(), "counter").get(0).get("n");
        List<Map<String, Object>> events = rows(r.exportDir(), "events");
        if (journalMode.equals("WAL")) {
            // WAL readers never block writers.
            assertThat(atEnd.get()).as("the writer committed during the export").isGreaterThan(atStart.get() + 10);
        }
        assertThat(events).hasSize((int) counter);
        assertThat(r.table("events").rows()).isEqualTo(counter);
        assertThat(events.get(0).get("touched")).isEqualTo(counter);
        assertThat(events.get(events.size() - 1).get("id")).isEqualTo(counter);
        // The snapshot is taken when the read transaction begins: after run() was called and
        // before the catalog had been read (writer commits in between are not in it).
        // + 1: the writer records a commit just after it returns, so the commit the snapshot sees
        // last may not be counted yet when snapshotStarted reads the count (seen under load 11).
        assertThat(counter).isBetween(beforeExport, atStart.get() + 1);
        assertThat(committed.get()).as("the writer went on after the export").isGreaterThan(counter);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(committed.get());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
