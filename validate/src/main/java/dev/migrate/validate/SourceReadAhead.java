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
 */
public final class SourceReadAhead implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourceReadAhead.class);

    /** One table's source, read. */
    record Read(SideDigest digest, long[] badForms) {}

    private final ValidateOptions options;
    private final Map<String, TablePlan> plans = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Read>> reads = new LinkedHashMap<>();
    private final CompletableFuture<Void> planned = new CompletableFuture<>();
    /** The tables whose source the comparison took from here (tests). */
    final Set<String> handedOver = ConcurrentHashMap.newKeySet();

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
     * Starts reading on a daemon thread (once; later calls do nothing). Nothing is read when the
     * staging manifest cannot be read: the comparison then reads, and says why.
     */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        Manifest manifest;
        try {
            manifest = StagingReader.readManifest(options.stagingDir());
        } catch (RuntimeException e) {
            LOG.debug("not reading the source ahead: {}", e.toString());
            manifest = null;
        }
        Manifest m = manifest;
        if (m != null) {
            for (TableSchema t : m.schema().tables()) {
                reads.put(t.name(), new CompletableFuture<>());
            }
        }
        thread = new Thread(() -> readAll(m), "validate-source-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void readAll(Manifest manifest) {
        if (manifest == null) {
            planned.complete(null);
            return;
        }
        try (Side side = Validator.open(options.source())) {
            // Planned against the source itself: without a tenant every row is compared and the
            // compared columns are the manifest's that a side has, so this is the comparison's
            // plan whenever the target has the columns the import gave it.
            Planner planner = new Planner(manifest, side, side, null, new ArrayList<>());
            for (TableSchema t : manifest.schema().tables()) {
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
        } catch (RuntimeException | Error e) {
            // The comparison reads what is missing here itself and reports any failure then.
            LOG.debug("reading the source ahead stopped: {}", e.toString());
        } finally {
            planned.complete(null);
            reads.values().forEach(f -> f.complete(null));
        }
    }

    /**
     * The source side of {@code plan} as read here, when it was read exactly as the plan reads it
     * (waiting for it if still being read); else null. A future of null means: read it yourself.
     */
    CompletableFuture<Read> readFor(TablePlan plan, Endpoint planSource) {
        synchronized (this) {
            if (thread == null || !planSource.equals(options.source())) {
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
                LOG.debug("table {}: source read during the import", plan.table());
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
                && b.sourceSelection().equals(Selection.ALL);
    }

    /** Stops reading (between rows) and waits until the source's connection is closed. */
    @Override
    public void close() {
        cancelled = true;
        Thread t;
        synchronized (this) {
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
