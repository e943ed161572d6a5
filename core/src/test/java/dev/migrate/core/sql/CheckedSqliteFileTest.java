package dev.migrate.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a stamped SQLite file still is the one that was checked, and when it is not. */
class CheckedSqliteFileTest {

    @TempDir
    Path dir;

    private Path database(String name) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            st.execute("INSERT INTO t (v) VALUES ('a'), ('b')");
        }
        return file;
    }

    @Test
    void anUntouchedFileStillMatches() throws Exception {
        Path file = database("a.db");
        CheckedSqliteFile checked = CheckedSqliteFile.stamp(file, "import-sqlite");
        assertThat(checked).isNotNull();
        assertThat(checked.stillDescribes(file)).isTrue();
    }

    @Test
    void aCommitInsideOneClockTickIsSeenByTheHeadersChangeCounter() throws Exception {
        Path file = database("b.db");
        CheckedSqliteFile checked = CheckedSqliteFile.stamp(file, "import-sqlite");
        FileTime modified = Files.getLastModifiedTime(file);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("UPDATE t SET v = 'c' WHERE id = 1"); // same size: a page rewritten in place
        }
        // As a file system whose clock is coarser than the two writes would leave it.
        Files.setLastModifiedTime(file, modified);
        assertThat(Files.size(file)).isEqualTo(checked.size());
        assertThat(checked.stillDescribes(file)).isFalse();
    }

    @Test
    void aWriteAheadLogWithChangesIsLookedForBesideTheRealFileOfALink() throws Exception {
        Path real = database("real.db");
        Path link = Files.createSymbolicLink(dir.resolve("link.db"), real);
        CheckedSqliteFile checked = CheckedSqliteFile.stamp(link, "import-sqlite");
        assertThat(checked.stillDescribes(link)).isTrue();
        Files.write(dir.resolve("real.db-wal"), new byte[] {1, 2, 3});
        assertThat(checked.stillDescribes(link)).isFalse();
        assertThat(checked.stillDescribes(real)).isFalse();
    }

    @Test
    void anotherFileOfTheSameContentIsNotTheCheckedOne() throws Exception {
        Path file = database("c.db");
        CheckedSqliteFile checked = CheckedSqliteFile.stamp(file, "import-sqlite");
        Path copy = dir.resolve("copy.db");
        Files.copy(file, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        assertThat(checked.stillDescribes(copy)).isFalse();
    }
}
