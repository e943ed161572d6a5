package dev.migrate.importsqlite;

import dev.migrate.core.BackgroundTask;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code PRAGMA integrity_check} of the new database on a read-only connection and a thread of its
 * own, while the build connection runs {@code PRAGMA foreign_key_check}: two independent
 * whole-file reads that ran one after the other on one core at the end of every import (the
 * tenant workload: ~0.3 s of foreign keys, then ~0.8 s of integrity), while the other core had
 * nothing left to do. Either check failing still fails the import before the swap.
 *
 * <pre>{@code
 * try (IntegrityCheckBeside integrity = IntegrityCheckBeside.start(build, temp)) {
 *     checks.foreignKeys();
 *     integrity.await();
 * }
 * }</pre>
 */
final class IntegrityCheckBeside implements AutoCloseable {

    private final BackgroundTask check;

    private IntegrityCheckBeside(Path file) {
        check = BackgroundTask.start("import-sqlite-integrity", () -> {
            try (Connection readOnly = SqliteConnections.openReadOnly(file)) {
                IntegrityChecks.integrity(readOnly);
            }
            return null;
        });
    }

    /**
     * Lets other connections read {@code file}, which the build connection {@code build} holds
     * exclusively ({@link SqliteConnections#openBuild}; its data must be committed), and starts
     * the check.
     */
    static IntegrityCheckBeside start(Connection build, Path file) throws SQLException {
        try (Statement st = build.createStatement()) {
            // In NORMAL mode the next transaction ends with the lock released: this read, ended
            // by the commit below.
            st.execute("PRAGMA locking_mode = NORMAL");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
                rs.next();
            }
        }
        build.commit();
        return new IntegrityCheckBeside(file);
    }

    /** Waits for the check: returns when it answered {@code ok}, else throws what it found or met. */
    void await() throws SQLException {
        check.await(SQLException.class);
    }

    /** Waits for a running check to end (a failure elsewhere must not leave it reading a file about to be removed). */
    @Override
    public void close() {
        check.close();
    }
}
