package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.SqliteConversion;
import dev.migrate.core.canonical.SqliteDriverCells;
import dev.migrate.core.canonical.SqliteValues;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.staging.TableReader;
import dev.migrate.core.types.StagingKind;
import dev.migrate.exportsqlite.ExportResult;
import dev.migrate.exportsqlite.ExportSqliteOptions;
import dev.migrate.exportsqlite.ProgressListener;
import dev.migrate.exportsqlite.SqliteExporter;
import dev.migrate.testing.Datasets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator and export-sqlite read SQLite the same way. Every SQLite file of {@code
 * testdata/datasets} and a file holding every profiling case is exported by export-sqlite, then
 * (1) validated against its source, which must PASS on every table, and (2) read cell by cell
 * through the validator's SQLite reader ({@link SqliteValues} with the column's staging type and
 * recorded conversion): every canonical value must equal the staged one exactly ({@code -0.0} is
 * not {@code 0.0}, {@code 12.50} is not {@code 12.5}).
 */
class SqliteExportAgreementTest {

    @TempDir
    Path tmp;

    static Stream<String> datasets() throws IOException {
        Path root = Datasets.repoRoot().resolve("testdata/datasets");
        try (Stream<Path> files = Files.walk(root)) {
            List<String> sqlite = files.filter(Files::isRegularFile)
                    .filter(SqliteExportAgreementTest::isSqliteFile)
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
            assertThat(sqlite).hasSizeGreaterThanOrEqualTo(14);
            return sqlite.stream();
        }
    }

    private static boolean isSqliteFile(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] header = in.readNBytes(16);
            return new String(header, StandardCharsets.ISO_8859_1).equals("SQLite format 3\0");
        } catch (IOException e) {
            return false;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("datasets")
    void everyDatasetValidatesAgainstItsExport(String dataset) throws Exception {
        assertAgreement(Datasets.dataset(dataset), dataset);
    }

    @Test
    void everyProfilingCaseValidatesAgainstItsExport() throws Exception {
        Path db = tmp.resolve("profiling.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement()) {
            for (String sql : PROFILING_CASES) {
                s.execute(sql);
            }
        }
        ExportResult result = assertAgreement(db, "profiling cases");
        // The cases really reached the conversions they are about.
        TableSchema cases = result.manifest().schema().table("cases").orElseThrow();
        assertThat(type(cases, "amount")).isEqualTo("decimal");
        assertThat(type(cases, "at_time")).isEqualTo("time");
        assertThat(type(cases, "happened")).isEqualTo("timestamp");
        assertThat(type(cases, "stamped")).isEqualTo("timestamptz");
        assertThat(type(cases, "seen_s")).isEqualTo("timestamptz");
        assertThat(type(cases, "seen_ms")).isEqualTo("timestamptz");
        assertThat(type(cases, "born_s")).isEqualTo("date");
        assertThat(type(cases, "born_ms")).isEqualTo("date");
        assertThat(type(cases, "ref")).isEqualTo("uuid");
        assertThat(type(cases, "label")).isEqualTo("bytes");
        assertThat(type(cases, "note_any")).isEqualTo("text");
        assertThat(type(cases, "qty")).isEqualTo("text");
        assertThat(type(cases, "flag")).isEqualTo("boolean");
        assertThat(type(cases, "ratio")).isEqualTo("float64");
        assertThat(type(cases, "single")).isEqualTo("float32");
        assertThat(type(cases, "doc")).isEqualTo("json");
        assertThat(type(cases, "payload")).isEqualTo("bytes");
        assertThat(type(cases, "tags")).isEqualTo("array<int32>[2]");
        assertThat(type(cases, "mood")).isEqualTo("enum(mood)");
        assertThat(SqliteConversion.of(cases.column("seen_s").orElseThrow())).isEqualTo(SqliteConversion.EPOCH_SECONDS);
        assertThat(SqliteConversion.of(cases.column("born_ms").orElseThrow()))
                .isEqualTo(SqliteConversion.EPOCH_MILLISECONDS);
        assertThat(SqliteConversion.of(cases.column("happened").orElseThrow())).isEqualTo(SqliteConversion.NONE);
    }

    private static String type(TableSchema t, String column) {
        return t.column(column).orElseThrow().type().toString();
    }

    /** Exports, validates source against staging (PASS on every table), then compares cell by cell. */
    private ExportResult assertAgreement(Path source, String name) throws Exception {
        Path staging = tmp.resolve("staging");
        ExportResult result =
                new SqliteExporter(ExportSqliteOptions.of(source, staging, "test")).run(ProgressListener.NONE);
        ValidationReport report = new Validator(
                        ValidateOptions.of(new Endpoint.Sqlite(source), new Endpoint.Staging(staging), staging)
                                .withReportPath(tmp.resolve("report.json")))
                .run();
        List<String> failed = report.tables().stream()
                .filter(t -> !t.matches())
                .map(ValidationReport.TableResult::table)
                .toList();
        System.out.println("agreement " + name + ": " + (report.tables().size() - failed.size()) + "/"
                + report.tables().size() + " tables PASS, " + result.totalRows() + " rows"
                + (failed.isEmpty() ? "" : ", FAIL: " + failed));
        assertThat(report.errors()).as("validation errors of %s", name).isEmpty();
        assertThat(failed).as("tables of %s that differ", name).isEmpty();
        assertThat(report.tables()).hasSize(result.manifest().schema().tables().size());
        assertThat(report.passed()).isTrue();
        for (TableSchema t : result.manifest().schema().tables()) {
            assertSameCells(source, staging, t, name);
        }
        return result;
    }

    /** Every cell read through the validator's SQLite reader equals the staged canonical value. */
    private static void assertSameCells(Path source, Path staging, TableSchema t, String name) throws Exception {
        List<ColumnSchema> columns = t.columns();
        String select = columns.isEmpty()
                ? "1"
                : columns.stream()
                        .map(c -> SqliteDialect.INSTANCE.quote(c.name()))
                        .collect(Collectors.joining(", "));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select " + select + " from " + SqliteDialect.INSTANCE.quote(t.name()) + orderBy(c, t));
                TableReader staged = StagingReader.open(staging).openTable(t.name())) {
            ColumnReader[] readers = new ColumnReader[columns.size()];
            ColumnReader[] fast = new ColumnReader[columns.size()];
            for (int i = 0; i < readers.length; i++) {
                ColumnSchema col = columns.get(i);
                readers[i] = SqliteValues.INSTANCE.reader(col.type(), SqliteConversion.of(col));
                fast[i] = SqliteCellReads.reader(col, new SqliteDriverCells(s, readers.length));
            }
            long row = 0;
            while (rs.next()) {
                row++;
                Object[] expected = staged.next();
                assertThat(expected)
                        .as("%s: %s has more rows than its export", name, t.name())
                        .isNotNull();
                for (int i = 0; i < readers.length; i++) {
                    Object actual = readers[i].read(rs, i + 1);
                    if (!Objects.deepEquals(actual, expected[i])) {
                        throw new AssertionError(name + ": table " + t.name() + ", row " + row + ", column "
                                + columns.get(i).name() + " (" + columns.get(i).type() + "): validator reads "
                                + show(actual) + ", export wrote " + show(expected[i]));
                    }
                    // The validator's cheaper cell reads give the same value (jsonb: uncompacted, its text
                    // as bytes when it is TEXT).
                    Object quick = fast[i].read(rs, i + 1);
                    if (quick instanceof Utf8Json json) {
                        quick = json.toString();
                    }
                    Object expectedQuick = columns.get(i).type().kind() == StagingKind.JSONB
                            ? SqliteSide.reader(columns.get(i)).read(rs, i + 1)
                            : actual;
                    if (!Objects.deepEquals(quick, expectedQuick)) {
                        throw new AssertionError(name + ": table " + t.name() + ", row " + row + ", column "
                                + columns.get(i).name() + ": SqliteCellReads reads " + show(quick) + ", SqliteValues "
                                + show(expectedQuick));
                    }
                }
            }
            assertThat(staged.next())
                    .as("%s: %s has fewer rows than its export", name, t.name())
                    .isNull();
        }
    }

    /** The export's row order: rowid order, or the primary key of a WITHOUT ROWID table. */
    private static String orderBy(Connection c, TableSchema t) throws Exception {
        if (t.options() != null && t.options().contains("WITHOUT ROWID")) {
            return " order by "
                    + t.primaryKey().stream().map(SqliteDialect.INSTANCE::quote).collect(Collectors.joining(", "));
        }
        for (String rowid : List.of("rowid", "_rowid_", "oid")) {
            if (t.column(rowid).isEmpty()) {
                return " order by " + rowid;
            }
        }
        throw new AssertionError("no rowid name free in " + t.name());
    }

    private static String show(Object v) {
        if (v instanceof byte[] b) {
            return "bytes " + Arrays.toString(b);
        }
        return v == null ? "NULL" : v + " (" + v.getClass().getSimpleName() + ")";
    }

    /** One file, every profiling rule whose conversion the validator must repeat. */
    private static final List<String> PROFILING_CASES = new ArrayList<>(List.of(
            "CREATE TABLE cases (id INTEGER PRIMARY KEY, amount NUMERIC, price NUMERIC(10,2), at_time TIME,"
                    + " at_tz TIMETZ, happened DATETIME, stamped TIMESTAMPTZ, offsets DATETIME, only_dates DATETIME,"
                    + " day DATE, seen_s DATETIME, seen_ms TIMESTAMP, born_s DATE, born_ms DATE, ref UUID,"
                    + " label TEXT, note_any, qty INTEGER, flag BOOLEAN, ratio REAL, single FLOAT4, doc JSON,"
                    + " docb JSONB, payload BLOB, tags INTEGER ARRAY, code CHAR(3), name VARCHAR(5),"
                    + " mood MOOD ENUM TEXT CHECK (mood IN ('sad', 'ok', 'happy')))",
            // REAL → shortest decimal (2e23 is 1.9999999999999998E23 for JDK 17's Double.toString); HH:MM
            // without seconds; a date-only value among timestamps; a naive value in TIMESTAMPTZ; epochs;
            // 32-hex and 16-byte uuids; invalid UTF-8 in a TEXT column; reals in an untyped text column.
            "INSERT INTO cases VALUES (1, 2e23, '12.50', '08:30', '08:30+0530', '2024-01-02',"
                    + " '2024-01-02 03:04:05', '2024-01-02T03:04:05Z', '2016-07-04', '-0043-03-15', 1627303906,"
                    + " 1627303906122, 1609459200, 1609459200000, 'A0EEBC999C0B4EF8BB6D6BB9BD380A11',"
                    + " CAST(X'66ff6f' AS TEXT), 1e20, 'lots', 't', 'NaN', 0.1, '{\"a\": 1,  \"a\":2}',"
                    + " '{ \"b\" : [1, 2.50] }', X'00ff', '[1,null,3]', 'abc', 'hello', 'sad')",
            "INSERT INTO cases VALUES (2, 0.1, 3, '23:59:59.500', '12:00:00Z', '2024-01-02 03:04',"
                    + " '2024-01-02T03:04:05.250+0530', '2024-01-02 03:04:05+05:30', '2016-07-05', '2024-02-29',"
                    + " 1600000000, 1600000000000, 1609545600, 1609545600000,"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'plain', 1.5e-7, 2.5, 'true', '-0.0 (negative zero)',"
                    + " 0.5, 1e20, 2.5, 'text in a blob column', '[[1,2],[3,4]]', 'xyz', 'héllo', 'ok')",
            "INSERT INTO cases VALUES (3, 123456789012345.67, 0.5, '24:00:00', '12:00:00+05:53:28',"
                    + " '2024-01-02T03:04:05.250', '2024-01-02', '2024-01-02 03:04:05-08', '2016-07-06', 'infinity',"
                    + " 1700000000, 1600000000001, 1609632000, 1609632000000, X'000102030405060708090a0b0c0d0e0f',"
                    + " 'ünïcode', 12.0, 1e20, 'f', 'Infinity', 'NaN', 42, 2e23, 1.5, '[]', 'a', NULL, 'happy')",
            "INSERT INTO cases VALUES (4, -0.0, -7, NULL, NULL, '2024-02-29 23:59:59.1234560', NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, NULL, NULL, NULL, NULL, 'a text', -3, 'FALSE', 1.5, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL)",
            "INSERT INTO cases VALUES (5, 1e-7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, -1.25e-300, NULL, 0, 3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
            "INSERT INTO cases VALUES (6, 5e-324, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL, NULL, 1.7976931348623157e308, NULL, 1, -1e308, NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                    + " NULL)",
            // Only ±infinity: read as the declared type.
            "CREATE TABLE forever (id INTEGER PRIMARY KEY, until DATETIME, since DATE)",
            "INSERT INTO forever VALUES (1, 'infinity', '-infinity'), (2, '-infinity', NULL)",
            // A WITHOUT ROWID table keyed by text, untyped values of every storage class.
            "CREATE TABLE kv (k TEXT PRIMARY KEY, v) WITHOUT ROWID",
            "INSERT INTO kv VALUES ('a', 1), ('b', 2.5), ('c', 'three'), ('d', X'04'), ('e', NULL), ('f', 1e100)"));
}
