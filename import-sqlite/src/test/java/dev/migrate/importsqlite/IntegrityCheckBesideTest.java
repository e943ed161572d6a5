package dev.migrate.importsqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.core.MigrateException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integrity check that runs beside the foreign-key check, on real files, sound and damaged. */
class IntegrityCheckBesideTest {

    @TempDir
    Path dir;

    @Test
    void aSoundFilePassesWhileTheBuildConnectionReadsItToo() throws Exception {
        Path file = build(dir.resolve("sound.db"));
        try (Connection c = SqliteConnections.openBuild(file)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE t SET v = v"); // a write: the connection now holds the file exclusively
            }
            c.commit();
            try (IntegrityCheckBeside integrity = IntegrityCheckBeside.start(c, file)) {
                try (Statement st = c.createStatement();
                        var rs = st.executeQuery("PRAGMA foreign_key_check")) {
                    assertThat(rs.next()).isFalse();
                }
                integrity.await();
            }
        }
    }

    @Test
    void aFileWhoseIndexNoLongerMatchesItsTableFailsNamingTheCheck() throws Exception {
        Path file = build(dir.resolve("damaged.db"));
        // The index's definition changed under it (SQLite's own writable_schema, so the file stays
        // well-formed): its entries no longer match what it says it indexes.
        try (Connection c = SqliteConnections.openBuild(file);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA writable_schema = ON");
            st.executeUpdate("UPDATE sqlite_schema SET sql = 'CREATE INDEX t_v ON t (id)' WHERE name = 't_v'");
        }

        try (Connection c = SqliteConnections.openBuild(file)) {
            c.setAutoCommit(false);
            try (IntegrityCheckBeside integrity = IntegrityCheckBeside.start(c, file)) {
                assertThatThrownBy(integrity::await)
                        .isInstanceOf(MigrateException.class)
                        .hasMessageStartingWith("the new database failed PRAGMA integrity_check: ")
                        .hasMessageEndingWith("; the target was not replaced");
            }
        }
    }

    private static Path build(Path file) throws Exception {
        try (Connection c = SqliteConnections.openBuild(file)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
                st.execute("CREATE INDEX t_v ON t (v)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (v) VALUES (?)")) {
                for (int i = 0; i < 2000; i++) {
                    ps.setString(1, String.format("MARKER-%04d", i));
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        return file;
    }
}
