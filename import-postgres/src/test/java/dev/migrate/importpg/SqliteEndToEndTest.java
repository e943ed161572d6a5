package dev.migrate.importpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.migrate.core.MigrateException;
import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresValues;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableReader;
import dev.migrate.exportsqlite.ExportSqliteOptions;
import dev.migrate.exportsqlite.SqliteExporter;
import dev.migrate.testing.Datasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQLite files → export-sqlite → import-postgres on a real PostgreSQL: every staged value comes
 * back from PostgreSQL identical (both sides read as canonical staging values), identifiers
 * exact, every identity sequence past max(id), every foreign key present (NOT VALID and reported
 * where the data violates it).
 */
class SqliteEndToEndTest extends ImportTestSupport {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "chinook/Chinook_Sqlite_AutoIncrementPKs.sqlite",
                "northwind-sqlite/northwind.db",
                "pgloader-sqlite-tests/test-sqlite/Chinook_Sqlite.sqlite",
                "pgloader-sqlite-tests/test-sqlite/sqlite.db",
                "pgloader-sqlite-tests/test-sqlite/storage.sqlite",
                "pgloader-sqlite-tests/test-sqlite/test_pk.db",
                "pgloader-sqlite-tests/test-sqlite/bad-utf8.db",
                "pgloader-sqlite-tests/test-sqlite/type-mismatch.db",
                "pgloader-sqlite-tests/clojure-tests-sqlite/cli_with.db",
                "pgloader-sqlite-tests/clojure-tests-sqlite/matviews.sqlite",
                "pgloader-sqlite-tests/clojure-tests-sqlite/matviews-def_source.sqlite",
                "pgloader-sqlite-tests/clojure-tests-sqlite/my db.sqlite"
            })
    void importsWithEveryValueKept(String dataset) throws Exception {
        Path staging = export(dataset);
        String target = db.createDatabase("e2e");
        ImportResult result = importInto(target, staging);
        System.out.println("== " + dataset + ": " + result.totalRows() + " rows");
        result.warnings().forEach(w -> System.out.println("  warning: " + w));
        result.tables().forEach(t -> t.notes().forEach(n -> System.out.println("  note " + t.table() + ": " + n)));

        StagingReader reader = StagingReader.open(staging);
        List<TableSchema> tables = reader.manifest().schema().tables();
        assertThat(rows(
                        target,
                        "select relname from pg_class where relkind = 'r' and relnamespace ="
                                + " 'public'::regnamespace order by 1"))
                .containsExactlyInAnyOrderElementsOf(
                        tables.stream().map(TableSchema::name).toList());
        try (Connection c = db.connect(target)) {
            PostgresValues.prepareSession(c);
            for (TableSchema t : tables) {
                assertThat(columnNames(c, t.name()))
                        .as(t.name())
                        .isEqualTo(t.columns().stream().map(ColumnSchema::name).toList());
                assertThat(sorted(pgRows(c, t))).as("values of " + t.name()).isEqualTo(sorted(stagedRows(reader, t)));
                identitiesPastMax(c, t);
            }
            int stagedFks =
                    tables.stream().mapToInt(t -> t.foreignKeys().size()).sum();
            long notCreated = result.warnings().stream()
                    .filter(w -> w.contains("not created"))
                    .filter(w -> w.contains("foreign key"))
                    .count();
            assertThat(
                            count(
                                    c,
                                    "select count(*) from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace"))
                    .as("foreign keys (warnings: %s)", result.warnings())
                    .isEqualTo(stagedFks - notCreated);
            long notValid = count(c, "select count(*) from pg_constraint where contype = 'f' and not convalidated");
            assertThat(result.warnings().stream()
                            .filter(w -> w.contains("created NOT VALID"))
                            .count())
                    .isEqualTo(notValid);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pgloader-sqlite-tests/test-sqlite/collision.db"})
    void namesCollidingAfterTruncationAreRefusedInOneLine(String dataset) throws Exception {
        Path staging = export(dataset);
        String target = db.createDatabase("e2e_collision");
        String before = fingerprint(target);
        var e = catchThrowableOfType(MigrateException.class, () -> importInto(target, staging));
        assertThat(e.getMessage())
                .contains("products", "same name after truncation")
                .doesNotContain("\n");
        assertThat(fingerprint(target)).isEqualTo(before);
    }

    private Path export(String dataset) throws Exception {
        Path source = Datasets.dataset(dataset);
        Path dir = Files.createTempDirectory(tmp, "e2e");
        Path copy = dir.resolve(source.getFileName());
        Files.copy(source, copy);
        Path staging = dir.resolve("staging");
        new SqliteExporter(ExportSqliteOptions.of(copy, staging, "test"))
                .run(dev.migrate.exportsqlite.ProgressListener.NONE);
        return staging;
    }

    private static List<String> columnNames(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var ps = c.prepareStatement("select attname from pg_attribute where attrelid = ?::regclass and attnum > 0"
                + " and not attisdropped order by attnum")) {
            ps.setString(1, PgNames.qualified("public", table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static List<String> pgRows(Connection c, TableSchema t) throws SQLException {
        List<String> selects = new ArrayList<>();
        List<ColumnReader> readers = new ArrayList<>();
        for (ColumnSchema col : t.columns()) {
            selects.add(PostgresValues.INSTANCE.selectExpression(col.name(), col.type()));
            readers.add(PostgresValues.INSTANCE.reader(col.type()));
        }
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select " + String.join(", ", selects) + " from " + PgNames.qualified("public", t.name()))) {
            while (rs.next()) {
                Object[] row = new Object[readers.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = readers.get(i).read(rs, i + 1);
                }
                out.add(render(row));
            }
        }
        return out;
    }

    private static List<String> stagedRows(StagingReader reader, TableSchema t) {
        List<String> out = new ArrayList<>();
        try (TableReader tr = reader.openTable(t.name())) {
            Object[] row;
            while ((row = tr.next()) != null) {
                out.add(render(row));
            }
        }
        return out;
    }

    static String render(Object[] row) {
        return Arrays.stream(row).map(SqliteEndToEndTest::render).collect(Collectors.joining("|"));
    }

    private static String render(Object v) {
        if (v instanceof byte[] b) {
            return "b64:" + Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(SqliteEndToEndTest::render).collect(Collectors.joining(",", "[", "]"));
        }
        if (v instanceof Double d) {
            return "d:" + d;
        }
        return String.valueOf(v);
    }

    private static List<String> sorted(List<String> rows) {
        List<String> s = new ArrayList<>(rows);
        s.sort(null);
        return s;
    }

    private static void identitiesPastMax(Connection c, TableSchema t) throws SQLException {
        Map<String, String> checks = new HashMap<>();
        for (ColumnSchema col : t.columns()) {
            if (col.identity() == null || !t.primaryKey().equals(List.of(col.name()))) {
                continue;
            }
            String table = PgNames.qualified("public", t.name());
            String seq;
            try (var ps = c.prepareStatement("select pg_get_serial_sequence(?, ?)")) {
                ps.setString(1, table);
                ps.setString(2, col.name());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    seq = rs.getString(1);
                }
            }
            assertThat(seq).as("sequence of %s.%s", t.name(), col.name()).isNotNull();
            // The next value the sequence hands out is above every id and above sqlite_sequence.
            long next = count(c, "select case when is_called then last_value + 1 else last_value end from " + seq);
            long max = count(c, "select coalesce(max(" + PgNames.quote(col.name()) + "), 0) from " + table);
            assertThat(next).as("next id of %s", t.name()).isGreaterThan(max);
            if (col.identity().lastValue() != null) {
                assertThat(next).isGreaterThan(col.identity().lastValue());
            }
            checks.put(t.name(), seq);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
