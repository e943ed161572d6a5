package dev.migrate.core.schema;

import java.util.List;

/** A PostgreSQL enum type and its labels in sort order. */
public record EnumType(String name, List<String> labels) {
    public EnumType {
        labels = List.copyOf(labels);
    }
}
