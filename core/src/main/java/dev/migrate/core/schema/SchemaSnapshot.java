package dev.migrate.core.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Optional;

/**
 * Everything the exporter learnt about the source schema.
 *
 * @param tables tables in dependency order (referenced before referencing; cycles broken and
 *     noted)
 * @param enums enum types used by the tables
 * @param skipped objects recorded but not migrated (views, triggers, functions, ...)
 */
public record SchemaSnapshot(List<TableSchema> tables, List<EnumType> enums, List<SkippedObject> skipped) {

    public SchemaSnapshot {
        tables = List.copyOf(tables);
        enums = enums == null ? List.of() : List.copyOf(enums);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    @JsonIgnore
    public Optional<TableSchema> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @JsonIgnore
    public Optional<EnumType> enumType(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
