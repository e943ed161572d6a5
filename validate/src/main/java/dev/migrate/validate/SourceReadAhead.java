package dev.migrate.validate;

import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.StagingReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the source side of a validation while the target is being finished: the {@code migrate}
 * command starts it once the import has loaded every row into PostgreSQL and the server is
 * building keys, indexes and foreign keys, and its {@link Validator} then reads only the target
 * of each table whose source was read here.
 *
 * <p>Why: those last steps of an import are the server's work on one core, with this process
 * idle, while validate, which ran after them, read both databases value by value on the two
 * cores. The source does not change because of the import, so reading it earlier is the same
 * comparison: the same reader, columns, conversions and row hash as {@link PairScanner} (on a
 * connection of its own), only sooner.
 *
 * <p>What is read ahead is used only where the comparison's own plan for a table reads the
 * source exactly as planned here (same table, columns, manifest types, key, all rows); anything
 * else, and any table whose read here failed or was not reached, is read by the comparison as
 * before, which then also reports what went wrong in its usual words. Not for tenant runs (the
 * rows of a multi-user source depend on the target) nor for a staging side.
 *
 * <p>Like validate's other readers of a SQLite side ({@link SqliteChecksInBackground}), it reads
 * on a connection of its own: validate compares a source nobody writes to while it runs.
 */
public final class SourceReadAhead implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceReadAhead.class);

    /**
     * One table's source, read.
     *
     * @param digest its rows' checksum, count and values that could not be read
     * @param badForms per compared column, the values not in their stored form (a SQLite source
     *     in UTF-8), else null
     */
    record Read(SideDigest digest, long[] badForms) {}

    private final ValidateOptions options;
    private final Map<String, TablePlan> plans = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Read>> reads = new LinkedHashMap<>();
    private final CompletableFuture<Void> planned = new CompletableFuture<>();
    private final Set<String> handedOver = ConcurrentHashMap.newKeySet();
    private boolean started;
    private boolean closed;
    private Thread thread;
    private volatile boolean cancelled;

    private SourceReadAhead(ValidateOptions options) {
        this.options = options;
    }

    /**
     * A read ahead of the source of the comparison {@code options} describes, not started yet;
     * null when it does not apply (a tenant run, a staging side).
     */
    public static SourceReadAhead of(ValidateOptions options) {
        if (options.tenant()
                || !(options.source() instanceof Endpoint.Postgres || options.source() instanceof Endpoint.Sqlite)
                || options.target() instanceof Endpoint.Staging) {
            return null;
        }
        return new SourceReadAhead(options);
    }

    /**
     * Starts reading on a daemon thread (once, and not after {@link #close}). Never fails: when
     * the staging manifest cannot be read or the thread cannot start, nothing is read ahead and
     * the comparison reads everything itself, saying why where it applies.
     */
    public synchronized void start() {
        if (started || closed) {
            return;
        }
        started = true;
        try {
            Manifest manifest = StagingReader.readManifest(options.stagingDir());
            for (TableSchema t : manifest.schema().tables()) {
                reads.put(t.name(), new CompletableFuture<>());
            }
            Thread t = new Thread(() -> readAll(manifest), "validate-source-read-ahead");
            t.setDaemon(true);
            t.start();
            thread = t;
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.debug("not reading the source ahead", e);
            giveUp();
        }
    }

    /** Every table left to the comparison. */
    private void giveUp() {
        planned.complete(null);
        reads.values().forEach(f -> f.complete(null));
    }

    private void readAll(Manifest manifest) {
        try (Side side = Validator.open(options.source())) {
            // Planned against the source itself: without a tenant every row is compared and the
            // compared columns are the manifest's that a side has, so this is the comparison's
            // plan whenever the target has the columns the import gave it.
            Planner planner = new Planner(manifest, side, side, null, new ArrayList<>());
            for (TableSchema t : manifest.schema().tables()) {
                if (cancelled) {
                    break;
                }
                TablePlan plan = planner.plan(t, new ArrayList<>());
                if (plan != null) {
                    plans.put(t.name(), plan);
                }
            }
            planned.complete(null);
            for (Map.Entry<String, CompletableFuture<Read>> e : reads.entrySet()) {
                TablePlan plan = plans.get(e.getKey());
                if (cancelled || plan == null) {
                    e.getValue().complete(null);
                    continue;
                }
                SideDigest digest = new SideDigest(plan);
                try (RowStream rows =
                        side.rows(plan.sourceTable(), plan.sourceColumns(), plan.compared(), Selection.ALL)) {
                    for (Object[] row = rows.next(); row != null && !cancelled; row = rows.next()) {
                        digest.accept(row);
                    }
                }
                long[] badForms = side instanceof SqliteSide s ? s.badForms(plan.sourceTable()) : null;
                e.getValue().complete(cancelled ? null : new Read(digest, badForms));
            }
        } catch (RuntimeException e) {
            // The comparison reads what is missing here itself and reports any failure then.
            LOG.debug("reading the source ahead stopped", e);
        } finally {
            giveUp();
        }
    }

    /**
     * The source side of {@code plan} as it is being read here, when it is read exactly as the
     * plan reads it (waiting only for the planning); else null. The future's value is null when
     * the read did not finish: then read it yourself.
     */
    CompletableFuture<Read> readFor(TablePlan plan, Endpoint planSource) {
        synchronized (this) {
            if (!started || !planSource.equals(options.source())) {
                return null;
            }
        }
        planned.join();
        TablePlan ahead = plans.get(plan.table());
        if (ahead == null || !readsSourceAlike(ahead, plan)) {
            return null;
        }
        return reads.get(plan.table()).thenApply(read -> {
            if (read != null) {
                handedOver.add(plan.table());
                LOG.debug("table {}: source read ahead", plan.table());
            }
            return read;
        });
    }

    private static boolean readsSourceAlike(TablePlan a, TablePlan b) {
        return a.sourceTable().equals(b.sourceTable())
                && a.sourceColumns().equals(b.sourceColumns())
                && a.stagingNames().equals(b.stagingNames())
                && a.compared().equals(b.compared())
                && Arrays.equals(a.key(), b.key())
                && a.sourceSelection().equals(Selection.ALL)
                && b.sourceSelection().equals(Selection.ALL)
                && !b.targetSelection().byOtherSideKeys();
    }

    /** The tables whose source a comparison took from here. */
    Set<String> handedOver() {
        return Set.copyOf(handedOver);
    }

    /**
     * Stops reading (between rows, or between tables while planning) and waits until the source's
     * connection is closed; a later {@link #start} does nothing.
     */
    @Override
    public void close() {
        cancelled = true;
        Thread t;
        synchronized (this) {
            closed = true;
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
