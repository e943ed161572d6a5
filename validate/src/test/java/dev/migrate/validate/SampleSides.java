package dev.migrate.validate;

import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SampleData} on every side a validation compares, built once per test class: a PostgreSQL
 * database, its SQLite copy and its staging directory; and copies of them changed by SQL, for a
 * test to compare against. Test classes run one after another (each gets its own database and
 * files before its tests).
 */
abstract class SampleSides {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path dir;

    static Path sqlite;
    static Path staging;

    @TempDir
    Path work;

    private static final AtomicInteger COPIES = new AtomicInteger();

    @BeforeAll
    static void build() throws Exception {
        Map<String, List<Object[]>> rows = SampleData.loadPostgres(db, db.name());
        sqlite = dir.resolve("copy.db");
        SampleData.writeSqlite(sqlite, rows);
        staging = dir.resolve("migration_data");
        SampleData.writeStaging(staging, rows);
    }

    /** Options comparing the two sides, the report written in the test's own directory. */
    ValidateOptions options(Endpoint source, Endpoint target) {
        return ValidateOptions.of(source, target, staging).withReportPath(work.resolve("report.json"));
    }

    /**
     * A new copy of the SQLite side with {@code statements} run on it (foreign keys not
     * enforced).
     */
    Path sqliteCopy(String... statements) throws Exception {
        Path copy = work.resolve("copy-" + COPIES.incrementAndGet() + ".db");
        Files.copy(sqlite, copy);
        try (Connection c = Fixtures.sqlite(copy);
                Statement s = c.createStatement()) {
            s.execute("pragma foreign_keys = off");
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return copy;
    }

    /** A copy of the PostgreSQL side with {@code statements} run on it; returns its name. */
    static String pgCopy(String... statements) throws Exception {
        String copy = db.copyDatabase(db.name(), "copy");
        try (Connection c = db.connect(copy);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return copy;
    }
}
