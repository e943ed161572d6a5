package dev.migrate.exportsqlite.catalog;

import dev.migrate.core.schema.SkippedObject;
import java.util.List;

/**
 * What the catalog of one SQLite file holds, read inside the export's read transaction.
 *
 * @param sqliteVersion the SQLite library version that read it
 * @param encoding the database text encoding ({@code UTF-8}, {@code UTF-16le}, {@code UTF-16be})
 * @param tables the user tables in creation order (no {@code sqlite_*} internals, no virtual or
 *     shadow tables)
 * @param skipped views, triggers and virtual tables: recorded, not migrated
 */
public record Catalog(String sqliteVersion, String encoding, List<SourceTable> tables, List<SkippedObject> skipped) {

    public Catalog {
        tables = List.copyOf(tables);
        skipped = List.copyOf(skipped);
    }
}
