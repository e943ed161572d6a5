package dev.migrate.core.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqliteDriverCells} fills every cell exactly as {@link SqliteCell#read} does: the same
 * storage class, number, text, bytes and text validity, for every storage class and for text that
 * is not UTF-8, holds U+FFFD, is empty, or needs surrogate pairs.
 */
class SqliteDriverCellsTest {

    @TempDir
    Path dir;

    @Test
    void everyCellIsFilledAsGetObjectFillsIt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cells.db"));
                Statement s = c.createStatement()) {
            s.execute("create table t (a, b, c)");
            s.execute("insert into t values"
                    + " (1, -9223372036854775808, 9223372036854775807),"
                    + " (1.5, -0.0, 1e308),"
                    + " ('plain', '', 'café \uD83D\uDE00 Łódź'),"
                    + " (cast(x'66ff6f' as text), 'replacement \uFFFD char', cast(x'c3' as text)),"
                    + " (x'00ff10', x'', null),"
                    + " (cast(x'eda080' as text), cast(x'f09f9880' as text), 'x')");
            int rows = 0;
            try (Statement q = c.createStatement();
                    ResultSet rs = q.executeQuery("select a, b, c from t order by rowid")) {
                SqliteDriverCells cells = new SqliteDriverCells(q, 3);
                while (rs.next()) {
                    rows++;
                    for (int i = 1; i <= 3; i++) {
                        SqliteCell expected = new SqliteCell();
                        expected.read(rs, i);
                        SqliteCell actual = new SqliteCell();
                        cells.read(actual, rs, i);
                        String where = "row " + rows + ", column " + i;
                        assertThat(actual.storageClass()).as(where).isEqualTo(expected.storageClass());
                        assertThat(actual.integer()).as(where).isEqualTo(expected.integer());
                        assertThat(Double.doubleToRawLongBits(actual.real()))
                                .as(where)
                                .isEqualTo(Double.doubleToRawLongBits(expected.real()));
                        assertThat(actual.text()).as(where).isEqualTo(expected.text());
                        assertThat(actual.bytes()).as(where).isEqualTo(expected.bytes());
                        assertThat(actual.validText()).as(where).isEqualTo(expected.validText());
                    }
                }
            }
            assertThat(rows).isEqualTo(6);
        }
    }

    @Test
    void textThatIsNotUtf8KeepsItsBytesAndIsMarkedInvalid() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bad.db"));
                Statement s = c.createStatement()) {
            s.execute("create table t (v)");
            s.execute("insert into t values (cast(x'66ff6f' as text))");
            try (Statement q = c.createStatement();
                    ResultSet rs = q.executeQuery("select v from t")) {
                rs.next();
                SqliteCell cell = new SqliteCell();
                new SqliteDriverCells(q, 1).read(cell, rs, 1);
                assertThat(cell.storageClass()).isEqualTo(SqliteCell.StorageClass.TEXT);
                assertThat(cell.validText()).isFalse();
                assertThat(cell.bytes()).isEqualTo(new byte[] {0x66, (byte) 0xff, 0x6f});
            }
        }
    }
}
