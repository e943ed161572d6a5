package dev.migrate.validate;

import dev.migrate.validate.RowHasher.Checksum;
import dev.migrate.validate.ValidationReport.TableResult;
import java.util.List;

/**
 * Compares one table: count and checksum of both sides in one streaming pass each; only when
 * they differ, a second pass through {@link DiffFinder} to name the first differing keys.
 */
final class TableComparer {

    private final PairScanner scanner;
    private final Findings findings;
    private final int maxKeys;

    TableComparer(PairScanner scanner, Findings findings, int maxKeys) {
        this.scanner = scanner;
        this.findings = findings;
        this.maxKeys = maxKeys;
    }

    TableResult compare(TablePlan plan) {
        Checksum source = new Checksum();
        Checksum target = new Checksum();
        UnreadableValues sourceBad = new UnreadableValues(plan);
        UnreadableValues targetBad = new UnreadableValues(plan);
        RowHasher sourceHasher = new RowHasher(plan.types());
        RowHasher targetHasher = new RowHasher(plan.types());
        scanner.scan(
                plan,
                row -> {
                    sourceBad.check(row);
                    source.add(sourceHasher.hash(row));
                },
                row -> {
                    targetBad.check(row);
                    target.add(targetHasher.hash(row));
                });
        sourceBad.report(plan.sourceTable(), "source");
        targetBad.report(plan.targetTable(), "target");
        boolean countMatch = source.count() == target.count();
        boolean checksumMatch = source.sameAs(target);
        Long differing = null;
        List<ValidationReport.MismatchedKey> keys = List.of();
        if (!checksumMatch) {
            DiffFinder.Result diff = DiffFinder.find(plan, scanner, maxKeys);
            differing = diff.differingRows();
            keys = diff.first();
            findings.error("table \"" + plan.table() + "\": "
                    + (countMatch
                            ? ""
                            : "row counts differ (source " + source.count() + ", target " + target.count() + "), ")
                    + "content differs in " + differing + " row(s)"
                    + (keys.isEmpty()
                            ? ""
                            : ", first " + keys.get(0).kind() + " at "
                                    + keys.get(0).key()));
        }
        return new TableResult(
                plan.table(),
                plan.sourceTable(),
                plan.targetTable(),
                plan.selectionLabel(),
                plan.types().size(),
                source.count(),
                target.count(),
                countMatch,
                checksumMatch,
                source.hex(),
                target.hex(),
                differing,
                keys,
                plan.notes());
    }

    /** Counts values that could not be read, per column, keeping the first message and key. */
    private final class UnreadableValues {
        private final TablePlan plan;
        private long[] counts;
        private String[] first;

        UnreadableValues(TablePlan plan) {
            this.plan = plan;
        }

        void check(Object[] row) {
            for (int i = 0; i < row.length; i++) {
                if (row[i] instanceof Unreadable u) {
                    if (counts == null) {
                        counts = new long[row.length];
                        first = new String[row.length];
                    }
                    if (counts[i]++ == 0) {
                        first[i] = u.message() + ", at " + DiffFinder.describeKey(plan, row);
                    }
                }
            }
        }

        void report(String table, String side) {
            if (counts == null) {
                return;
            }
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    findings.error(side + ": table \"" + table + "\", column \""
                            + plan.stagingNames().get(i) + "\": "
                            + counts[i] + " value(s) cannot be read as "
                            + plan.types().get(i) + " (first: "
                            + first[i] + ")");
                }
            }
        }
    }
}
