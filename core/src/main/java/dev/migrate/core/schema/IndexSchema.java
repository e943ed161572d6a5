package dev.migrate.core.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A secondary index (not the ones backing primary keys or unique constraints).
 *
 * @param name the index name
 * @param unique whether it is a unique index
 * @param columns the plain column names, in order; empty when the index has expressions
 * @param definition the source's full definition text ({@code CREATE INDEX ...})
 * @param where the partial-index predicate in source SQL, or null
 * @param portable whether importers can recreate it (plain columns, btree, no predicate or a
 *     predicate known to be portable); a non-portable index is reported, never silently dropped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexSchema(
        String name, boolean unique, List<String> columns, String definition, String where, boolean portable) {}
