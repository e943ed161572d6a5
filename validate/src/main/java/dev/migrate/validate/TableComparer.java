package dev.migrate.validate;

import dev.migrate.validate.RowHasher.Checksum;
import dev.migrate.validate.ValidationReport.TableResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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

    /**
     * Compares the table, reading both sides; with {@code sourceAhead} (its source side as {@link
     * SourceReadAhead} reads it, or null) only the target, and the source too only when the read
     * ahead did not deliver it.
     */
    TableResult compare(TablePlan plan, CompletableFuture<SourceReadAhead.Read> sourceAhead) {
        SideDigest target = new SideDigest(plan);
        SideDigest source;
        if (sourceAhead == null || (sourceAhead.isDone() && sourceAhead.join() == null)) {
            // Nothing (more) read ahead: both sides at once, as always.
            source = new SideDigest(plan);
            scanner.scan(plan, source, target);
        } else {
            // The target first: the read ahead may still be on this table's source meanwhile.
            scanner.scanTarget(plan, target);
            SourceReadAhead.Read read = sourceAhead.join();
            if (read != null) {
                source = read.digest();
                scanner.adoptSourceReadAhead(plan, read);
            } else {
                source = new SideDigest(plan);
                scanner.scanSource(plan, source);
            }
        }
        source.reportUnreadable(findings, plan.sourceTable(), "source");
        target.reportUnreadable(findings, plan.targetTable(), "target");
        Checksum sourceSum = source.checksum();
        Checksum targetSum = target.checksum();
        boolean countMatch = sourceSum.count() == targetSum.count();
        boolean checksumMatch = sourceSum.sameAs(targetSum);
        Long differing = null;
        List<ValidationReport.MismatchedKey> keys = List.of();
        if (!checksumMatch) {
            DiffFinder.Result diff = DiffFinder.find(plan, scanner, maxKeys);
            differing = diff.differingRows();
            keys = diff.first();
            findings.error("table \"" + plan.table() + "\": "
                    + (countMatch
                            ? ""
                            : "row counts differ (source " + sourceSum.count() + ", target " + targetSum.count()
                                    + "), ")
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
                sourceSum.count(),
                targetSum.count(),
                countMatch,
                checksumMatch,
                sourceSum.hex(),
                targetSum.hex(),
                differing,
                keys,
                plan.notes());
    }
}
