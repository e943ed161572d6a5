package dev.migrate.exportpg;

import java.util.List;

/** The catalog rows exactly as the {@code .sql} resources return them, before any interpretation. */
record RawCatalog(
        List<RawTable> tables,
        List<RawColumn> columns,
        List<RawConstraint> constraints,
        List<RawIndex> indexes,
        List<RawEnum> enums) {

    /** A row of {@code tables.sql}. */
    record RawTable(
            long oid,
            String schema,
            String name,
            char relkind,
            int partitions,
            String partitionKey,
            long estimatedBytes,
            double estimatedRows,
            boolean hasChildren,
            boolean rowSecurity) {}

    /** A row of {@code columns.sql}. */
    record RawColumn(
            long tableOid,
            int attnum,
            String name,
            String declaredType,
            String domainBaseType,
            String leafType,
            String leafTypeName,
            boolean leafIsEnum,
            long enumOid,
            boolean isArray,
            int arrayDims,
            boolean notNull,
            String identity,
            String generated,
            String defaultExpression,
            String generationExpression,
            String sequenceName,
            Long sequenceLastValue,
            Boolean sequenceReadable) {}

    /** A row of {@code constraints.sql}. */
    record RawConstraint(
            long tableOid,
            String name,
            char type,
            List<String> columns,
            String referencedSchema,
            String referencedTable,
            List<String> referencedColumns,
            String onDelete,
            String onUpdate,
            String matchType,
            boolean deferrable,
            boolean deferred,
            boolean validated,
            String definition) {}

    /** A row of {@code indexes.sql}. */
    record RawIndex(
            long tableOid,
            String name,
            boolean unique,
            String accessMethod,
            boolean valid,
            boolean hasExpressions,
            boolean hasInclude,
            boolean hasOptions,
            String predicate,
            String definition,
            List<String> columns) {}

    /** A row of {@code enums.sql}. */
    record RawEnum(long oid, String schema, String name, List<String> labels) {}

    /** A row of {@code not_migrated.sql}. */
    record RawObject(String kind, String name, String definition) {}
}
