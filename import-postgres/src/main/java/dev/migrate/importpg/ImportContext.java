package dev.migrate.importpg;

import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.StagingReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one import run shares between its steps: the connection, the staging, the findings. */
final class ImportContext {

    final ImportPostgresOptions options;
    final Connection connection;
    final StagingReader staging;
    final Manifest manifest;
    final ImportListener listener;
    final String database;
    final boolean sourceIsPostgres;
    final List<String> warnings = new ArrayList<>();
    final Map<String, List<String>> notes = new LinkedHashMap<>();
    final List<TableImportStats> stats = new ArrayList<>();
    Path backup;
    String userId;
    boolean userCreated;

    ImportContext(
            ImportPostgresOptions options,
            Connection connection,
            StagingReader staging,
            ImportListener listener,
            String database) {
        this.options = options;
        this.connection = connection;
        this.staging = staging;
        this.manifest = staging.manifest();
        this.listener = listener;
        this.database = database;
        this.sourceIsPostgres = manifest.source() != null
                && manifest.source().dialect() != null
                && manifest.source().dialect().equalsIgnoreCase("postgresql");
    }

    String schema() {
        return options.schema();
    }

    List<String> notesOf(String table) {
        return notes.computeIfAbsent(table, k -> new ArrayList<>());
    }

    /** A note on a table that the user must see: also a warning. */
    void warn(String table, String message) {
        notesOf(table).add(message);
        warnings.add("table " + PgNames.describe(table) + ": " + message);
    }

    /** The per-table figures, with each table's notes attached. */
    List<TableImportStats> finalStats() {
        List<TableImportStats> out = new ArrayList<>();
        for (TableImportStats s : stats) {
            out.add(new TableImportStats(s.table(), s.rows(), s.bytes(), s.seconds(), notesOf(s.table())));
        }
        return out;
    }
}
