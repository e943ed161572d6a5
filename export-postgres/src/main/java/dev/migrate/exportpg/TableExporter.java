package dev.migrate.exportpg;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.canonical.CanonicalRows;
import dev.migrate.core.canonical.ColumnReader;
import dev.migrate.core.canonical.PostgresValues.CopyReader;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.sql.FetchSize;
import dev.migrate.core.staging.StagingWriter;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TableWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Streams one table into its staging file, the row array reused. A whole table (a query without
 * parameters) is read through {@code COPY (select) TO STDOUT} ({@link PostgresCopyRows}: the
 * server produces rows while this thread converts them); a tenant's rows (the user's key is a
 * bound parameter, which COPY cannot take) through a server-side cursor: autocommit is off and a
 * fetch size is set, so pgjdbc holds one batch of rows at a time.
 */
final class TableExporter {

    private final PgSession session;
    private final StagingWriter writer;
    private final int fetchSize;
    private final ExportListener listener;

    TableExporter(PgSession session, StagingWriter writer, int fetchSize, ExportListener listener) {
        this.session = session;
        this.writer = writer;
        this.fetchSize = fetchSize;
        this.listener = listener;
    }

    /** The SELECT that reads the table: one expression per column, built once. */
    static String selectSql(SourceTable t, Cond filter) {
        List<String> exprs = t.readers().stream().map(ColumnSelect::expression).toList();
        String where = filter.whereOrNull();
        return "SELECT " + String.join(", ", exprs) + " FROM " + t.fromItem()
                + (where == null ? "" : " WHERE " + where);
    }

    /** Writes the table's rows; returns the file's manifest entry. */
    TableEntry export(SourceTable t, Cond filter, String userId) {
        String sql = selectSql(t, filter);
        List<ColumnSchema> columns = t.schema().columns();
        TableWriter out = writer.openTable(t.schema());
        long row = 0;
        int column = -1;
        try (CanonicalRows rows = open(t, sql, filter, userId)) {
            Object[] values = new Object[rows.width()];
            while (rows.next()) {
                row++;
                for (column = 0; column < values.length; column++) {
                    values[column] = rows.read(column);
                }
                column = -1;
                out.writeRow(values);
                if (row % PostgresExporter.PROGRESS_EVERY == 0) {
                    listener.rowsWritten(t.name(), row);
                }
            }
            out.close();
            return out.entry();
        } catch (SQLException e) {
            throw session.error(e, t.name());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            Location where = Location.table(t.name()).withRow(row);
            if (column >= 0) {
                where = where.withColumn(columns.get(column).name());
            }
            throw MigrateException.input(where, "unexpected value from PostgreSQL: " + e.getMessage());
        } catch (IOException e) {
            throw MigrateException.runtime(Location.table(t.name()), "cannot write table file: " + e.getMessage(), e);
        }
    }

    /**
     * The table's rows: a whole table through COPY, a tenant's rows (the user's key bound to each
     * placeholder) through a cursor.
     */
    private CanonicalRows open(SourceTable t, String sql, Cond filter, String userId) throws SQLException {
        return CanonicalRows.ofPostgresQuery(
                session.connection(),
                sql,
                Collections.nCopies(filter.params(), userId),
                () -> fetchSizeFor(t),
                t.readers().stream().map(ColumnSelect::reader).toArray(ColumnReader[]::new),
                t.readers().stream().map(ColumnSelect::copyReader).toArray(CopyReader[]::new));
    }

    /** The configured fetch size, lowered for wide rows ({@link FetchSize#rows}). */
    int fetchSizeFor(SourceTable t) {
        return FetchSize.rows(t.estimatedRows(), t.estimatedBytes(), fetchSize);
    }
}
