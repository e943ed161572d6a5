package dev.migrate.validate;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.types.StagingType;
import java.util.List;

/**
 * How one manifest table is compared: its name on each side, the compared columns (staging type
 * from the manifest, name on each side), the key, and which rows each side contributes.
 *
 * @param table the table as the manifest names it
 * @param sourceTable the name on the source side
 * @param targetTable the name on the target side
 * @param stagingNames the compared columns as the manifest names them
 * @param sourceColumns the compared columns' names on the source side
 * @param targetColumns the compared columns' names on the target side
 * @param compared the compared columns as the manifest describes them (staging type, and the
 *     conversion export-sqlite applied to a SQLite source's values)
 * @param key positions (in the compared columns) of the key; empty when the table has no key
 *     both sides share, in which case whole rows are compared as a multiset
 * @param sourceSelection rows the source contributes
 * @param targetSelection rows the target contributes
 * @param notes remarks for the report (columns only on one side, the selection rule)
 */
record TablePlan(
        String table,
        String sourceTable,
        String targetTable,
        List<String> stagingNames,
        List<String> sourceColumns,
        List<String> targetColumns,
        List<ColumnSchema> compared,
        int[] key,
        Selection sourceSelection,
        Selection targetSelection,
        List<String> notes) {

    /** The compared columns' staging types. */
    List<StagingType> types() {
        return compared.stream().map(ColumnSchema::type).toList();
    }

    boolean hasKey() {
        return key.length > 0;
    }

    String selectionLabel() {
        if (sourceSelection.equals(Selection.ALL) && targetSelection.equals(Selection.ALL)) {
            return "all";
        }
        return "source: " + sourceSelection.label() + "; target: " + targetSelection.label();
    }
}
