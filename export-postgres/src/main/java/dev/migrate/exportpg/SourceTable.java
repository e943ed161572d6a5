package dev.migrate.exportpg;

import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.sql.PostgresDialect;
import java.util.List;

/**
 * A table of the source as the exporter works with it: its staging schema, where it lives, how
 * its columns are read, and every foreign key with the referenced table's schema (the staging
 * {@link ForeignKey} names the table only).
 *
 * @param oid the table's oid
 * @param schemaName its PostgreSQL schema
 * @param relkind {@code r} (ordinary) or {@code p} (partitioned)
 * @param partitions leaf partitions read through this parent
 * @param partitionKey {@code RANGE (col)} for a partitioned table, else null
 * @param estimatedBytes heap + TOAST size (for the fetch size)
 * @param estimatedRows the planner's row estimate, 0 when never analysed
 * @param schema the staging schema (all foreign keys; the exporter drops those to tables not exported)
 * @param foreignKeys every foreign key, with the referenced schema
 * @param readers how each column is selected and read, in column order
 * @param notes facts the output should show for this table
 * @param warnings warnings about this table (fallback columns, odd indexes, unreadable sequences)
 * @param skipped parts of this table that are not migrated (exclusion constraints, partitioning)
 */
record SourceTable(
        long oid,
        String schemaName,
        char relkind,
        int partitions,
        String partitionKey,
        long estimatedBytes,
        double estimatedRows,
        TableSchema schema,
        List<SourceForeignKey> foreignKeys,
        List<ColumnSelect> readers,
        List<String> notes,
        List<String> warnings,
        List<SkippedObject> skipped) {

    SourceTable {
        foreignKeys = List.copyOf(foreignKeys);
        readers = List.copyOf(readers);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        skipped = List.copyOf(skipped);
    }

    String name() {
        return schema.name();
    }

    /** {@code "schema"."table"}. */
    String qualifiedName() {
        return PostgresDialect.INSTANCE.quoteQualified(schemaName, name());
    }

    /**
     * The FROM item that yields exactly this table's rows: {@code ONLY} for an ordinary table (an
     * inheritance parent would otherwise also return its children's rows, which export as their
     * own tables); a partitioned table's rows are its partitions' rows.
     */
    String fromItem() {
        return (relkind == 'p' ? "" : "ONLY ") + qualifiedName();
    }

    SourceTable withSchema(TableSchema newSchema) {
        return new SourceTable(
                oid,
                schemaName,
                relkind,
                partitions,
                partitionKey,
                estimatedBytes,
                estimatedRows,
                newSchema,
                foreignKeys,
                readers,
                notes,
                warnings,
                skipped);
    }

    /** A foreign key and the schema of the table it references. */
    record SourceForeignKey(ForeignKey key, String referencedSchema) {}
}
