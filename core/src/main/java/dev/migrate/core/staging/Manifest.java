package dev.migrate.core.staging;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.migrate.core.schema.SchemaSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * {@code manifest.json}: what a staging directory holds and how to check it.
 *
 * @param formatVersion the staging format version; readers refuse any other
 * @param toolVersion the version of the tool that wrote it
 * @param createdAt when the export finished, ISO-8601 UTC
 * @param source where the data came from
 * @param schema the schema snapshot
 * @param tenant the tenant filter, or null for a whole-database export
 * @param tables one entry per table file, in the snapshot's table order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
        int formatVersion,
        String toolVersion,
        String createdAt,
        SourceInfo source,
        SchemaSnapshot schema,
        TenantFilter tenant,
        List<TableEntry> tables) {

    /** The only format version this build reads and writes. */
    public static final int FORMAT_VERSION = 1;

    /** The manifest's file name inside a staging directory. */
    public static final String FILE_NAME = "manifest.json";

    public Manifest {
        tables = List.copyOf(tables);
    }

    @JsonIgnore
    public Optional<TableEntry> entry(String table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst();
    }
}
