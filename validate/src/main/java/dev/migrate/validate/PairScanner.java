package dev.migrate.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Feeds the rows of one table from both sides to two consumers. Independent sides are read at
 * the same time (two threads, two connections); a side selected by the other side's keys is read
 * in batches of keys while the other side streams.
 */
final class PairScanner {

    static final int KEY_BATCH = 1000;

    private final Side source;
    private final Side target;
    private final ExecutorService executor;

    PairScanner(Side source, Side target, ExecutorService executor) {
        this.source = source;
        this.target = target;
        this.executor = executor;
    }

    void scan(TablePlan plan, Consumer<Object[]> toSource, Consumer<Object[]> toTarget) {
        if (plan.sourceSelection().byOtherSideKeys()) {
            keyed(
                    plan,
                    target,
                    plan.targetTable(),
                    plan.targetColumns(),
                    plan.targetSelection(),
                    toTarget,
                    source,
                    plan.sourceTable(),
                    plan.sourceColumns(),
                    toSource);
        } else if (plan.targetSelection().byOtherSideKeys()) {
            keyed(
                    plan,
                    source,
                    plan.sourceTable(),
                    plan.sourceColumns(),
                    plan.sourceSelection(),
                    toSource,
                    target,
                    plan.targetTable(),
                    plan.targetColumns(),
                    toTarget);
        } else {
            Future<?> other = executor.submit(() ->
                    stream(source, plan.sourceTable(), plan.sourceColumns(), plan, plan.sourceSelection(), toSource));
            try {
                stream(target, plan.targetTable(), plan.targetColumns(), plan, plan.targetSelection(), toTarget);
            } finally {
                Futures.await(other);
            }
        }
    }

    /** Feeds only the target's rows of a table both of whose sides are read whole. */
    void scanTarget(TablePlan plan, Consumer<Object[]> toTarget) {
        requireWhole(plan);
        stream(target, plan.targetTable(), plan.targetColumns(), plan, plan.targetSelection(), toTarget);
    }

    /** Feeds only the source's rows of a table both of whose sides are read whole. */
    void scanSource(TablePlan plan, Consumer<Object[]> toSource) {
        requireWhole(plan);
        stream(source, plan.sourceTable(), plan.sourceColumns(), plan, plan.sourceSelection(), toSource);
    }

    /**
     * Takes over what reading the table's source ahead counted besides its rows (a SQLite side's
     * values not in their stored form), as if the source had been read here.
     */
    void adoptSourceReadAhead(TablePlan plan, SourceReadAhead.Read read) {
        if (source instanceof SqliteSide s && read.badForms() != null) {
            s.adoptBadForms(plan.sourceTable(), read.badForms());
        }
    }

    private static void requireWhole(TablePlan plan) {
        if (plan.sourceSelection().byOtherSideKeys() || plan.targetSelection().byOtherSideKeys()) {
            throw new IllegalStateException("table " + plan.table() + " is read by keys");
        }
    }

    private static void stream(
            Side side, String table, List<String> columns, TablePlan plan, Selection sel, Consumer<Object[]> sink) {
        try (RowStream rows = side.rows(table, columns, plan.compared(), sel)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                sink.accept(row);
            }
        }
    }

    private static void keyed(
            TablePlan plan,
            Side driver,
            String driverTable,
            List<String> driverColumns,
            Selection driverSelection,
            Consumer<Object[]> driverSink,
            Side looked,
            String lookedTable,
            List<String> lookedColumns,
            Consumer<Object[]> lookedSink) {
        List<Object[]> batch = new ArrayList<>(KEY_BATCH);
        try (RowStream rows = driver.rows(driverTable, driverColumns, plan.compared(), driverSelection)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                driverSink.accept(row);
                Object[] key = new Object[plan.key().length];
                boolean usable = true;
                for (int k = 0; k < key.length; k++) {
                    key[k] = row[plan.key()[k]];
                    usable &= key[k] != null && !(key[k] instanceof Unreadable);
                }
                if (usable) {
                    batch.add(key);
                }
                if (batch.size() == KEY_BATCH) {
                    lookup(plan, looked, lookedTable, lookedColumns, batch, lookedSink);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            lookup(plan, looked, lookedTable, lookedColumns, batch, lookedSink);
        }
    }

    private static void lookup(
            TablePlan plan,
            Side side,
            String table,
            List<String> columns,
            List<Object[]> keys,
            Consumer<Object[]> sink) {
        try (RowStream rows = side.rowsByKeys(table, columns, plan.compared(), plan.key(), keys)) {
            for (Object[] row = rows.next(); row != null; row = rows.next()) {
                sink.accept(row);
            }
        }
    }
}
