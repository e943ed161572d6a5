package dev.migrate.validate;

import dev.migrate.core.BackgroundTask;
import dev.migrate.core.staging.Manifest;
import java.util.List;

/**
 * Runs a SQLite side's integrity checks (integrity_check, foreign_key_check, stored formats,
 * sqlite_sequence) on a thread and a read-only connection of
 * their own, while the tables are compared; the stored formats stay with the comparison when its
 * read counts them ({@link SqliteSide#checksStoredForms}), and integrity_check is left out when
 * the same command's import ran it on the unchanged file ({@link Validator}). The checks are whole-file scans done by SQLite in
 * one thread; run after the comparison, as before, they added their full time to the wall (about
 * 3 s of the tenant workload's validate) while the comparison left a core idle half of the
 * time. Their findings are kept apart and handed over in the order they would have had.
 *
 * <p>The second connection reads the same file; validate runs on a finished target or a source
 * nobody writes to (a file that changes under validate is reported by neither connection's
 * snapshot alone, as before).
 */
final class SqliteChecksInBackground implements AutoCloseable {

    private final Findings findings = new Findings();
    private final Findings sequenceFindings = new Findings();
    private final boolean formatsCountedInRead;
    private final BackgroundTask done;

    private SqliteChecksInBackground(
            Endpoint.Sqlite endpoint,
            boolean isTarget,
            List<TablePlan> plans,
            Manifest manifest,
            boolean formatsCountedInRead,
            boolean integrityKnown) {
        this.formatsCountedInRead = formatsCountedInRead;
        done = BackgroundTask.start("validate-sqlite-checks", () -> {
            try (SqliteSide side = new SqliteSide(endpoint)) {
                Validator.checkSqliteFile(side, isTarget, manifest, findings, integrityKnown);
                if (!formatsCountedInRead) {
                    Validator.formats(side, isTarget, plans, findings);
                }
                Validator.checkSqliteSequences(side, isTarget, plans, sequenceFindings);
            }
            return null;
        });
    }

    /**
     * Starts the checks of {@code side} when it is a SQLite file, else returns null; without {@code
     * PRAGMA integrity_check} when {@code integrityKnown}.
     */
    static SqliteChecksInBackground start(
            Side side, boolean isTarget, List<TablePlan> plans, Manifest manifest, boolean integrityKnown) {
        if (side instanceof SqliteSide s) {
            return new SqliteChecksInBackground(
                    (Endpoint.Sqlite) s.endpoint(), isTarget, plans, manifest, s.checksStoredForms(), integrityKnown);
        }
        return null;
    }

    /**
     * Waits for the checks and adds their findings; rethrows what stopped them. When the stored
     * formats were left to the comparison's read, {@code formats} reports them (on the caller's
     * thread and side) in their place, between the foreign keys and sqlite_sequence.
     */
    void awaitInto(Findings into, Runnable formats) {
        done.await(RuntimeException.class);
        add(findings, into);
        if (formatsCountedInRead) {
            formats.run();
        }
        add(sequenceFindings, into);
    }

    private static void add(Findings from, Findings into) {
        into.errors.addAll(from.errors);
        into.warnings.addAll(from.warnings);
    }

    /**
     * Lets running checks finish (a SQLite statement cannot be interrupted from here; the longest,
     * integrity_check, takes seconds) so that no query outlives validate's failure.
     */
    @Override
    public void close() {
        done.close();
    }
}
