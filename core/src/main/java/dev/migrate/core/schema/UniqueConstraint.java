package dev.migrate.core.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A UNIQUE constraint over one or more columns; {@code name} may be null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UniqueConstraint(String name, List<String> columns) {}
