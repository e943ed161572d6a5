package dev.migrate.importpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.staging.TableReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams one staged table into {@code COPY ... FROM STDIN}: the JSON reader hands over one row
 * at a time, the encoder appends it to a buffer, and the buffer goes to the server every 128 KiB.
 * Memory is one row plus one buffer, whatever the table's size; nothing touches the disk.
 */
final class TableCopier {

    private static final int FLUSH_AT = 1 << 17;
    private static final long PROGRESS_EVERY = 50_000;

    private TableCopier() {}

    /**
     * Copies every row of {@code reader} into {@code target} ({@code "schema"."table"}).
     *
     * @param columns the target columns, quoted, in slot order
     * @return the number of rows the server stored
     */
    static long copy(
            Connection connection,
            TableReader reader,
            String target,
            List<String> columns,
            CopyRowEncoder encoder,
            Location where,
            ImportListener listener)
            throws SQLException {
        String sql = "COPY " + target + " (" + String.join(", ", columns) + ") FROM STDIN";
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        CopyBuffer buffer = new CopyBuffer();
        long rows = 0;
        try {
            Object[] row;
            while ((row = reader.next()) != null) {
                rows++;
                try {
                    encoder.encode(row, buffer);
                } catch (CopyRowEncoder.BadValue e) {
                    throw MigrateException.input(
                            where.withRow(rows)
                                    .withColumn(reader.table()
                                            .columns()
                                            .get(e.column)
                                            .name()),
                            e.getMessage());
                }
                if (buffer.length() >= FLUSH_AT) {
                    in.writeToCopy(buffer.array(), 0, buffer.length());
                    buffer.reset();
                }
                if (rows % PROGRESS_EVERY == 0) {
                    listener.rowsLoaded(where.table(), rows);
                }
            }
            if (buffer.length() > 0) {
                in.writeToCopy(buffer.array(), 0, buffer.length());
            }
            return in.endCopy();
        } catch (SQLException e) {
            cancel(in);
            throw SqlErrors.copy(where, e);
        } catch (RuntimeException e) {
            cancel(in);
            throw e;
        }
    }

    private static void cancel(CopyIn in) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // The transaction is rolled back by the caller; a failed cancel changes nothing.
        }
    }
}
