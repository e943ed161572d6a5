package dev.migrate.validate;

import dev.migrate.validate.RowHasher.Checksum;
import java.util.function.Consumer;

/**
 * What one side's rows of a table come to for the comparison: their checksum and count ({@link
 * RowHasher}), and per column the values that could not be read, with the first one's message
 * and key. Fed one row at a time, on one thread at a time (a {@link SourceReadAhead} hands its
 * digests over through a future).
 */
final class SideDigest implements Consumer<Object[]> {

    private final TablePlan plan;
    private final RowHasher hasher;
    private final Checksum checksum = new Checksum();
    private long[] unreadable;
    private String[] firstUnreadable;

    SideDigest(TablePlan plan) {
        this.plan = plan;
        this.hasher = new RowHasher(plan.types());
    }

    @Override
    public void accept(Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof Unreadable u) {
                if (unreadable == null) {
                    unreadable = new long[row.length];
                    firstUnreadable = new String[row.length];
                }
                if (unreadable[i]++ == 0) {
                    firstUnreadable[i] = u.message() + ", at " + DiffFinder.describeKey(plan, row);
                }
            }
        }
        checksum.add(hasher.hash(row));
    }

    Checksum checksum() {
        return checksum;
    }

    /** One error per column with values that could not be read, naming the side's table. */
    void reportUnreadable(Findings findings, String table, String side) {
        if (unreadable == null) {
            return;
        }
        for (int i = 0; i < unreadable.length; i++) {
            if (unreadable[i] > 0) {
                findings.error(side + ": table \"" + table + "\", column \""
                        + plan.stagingNames().get(i) + "\": "
                        + unreadable[i] + " value(s) cannot be read as "
                        + plan.types().get(i) + " (first: "
                        + firstUnreadable[i] + ")");
            }
        }
    }
}
