package dev.migrate.exportsqlite;

import dev.migrate.core.Location;
import dev.migrate.core.MigrateException;
import dev.migrate.core.report.TableStats;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.staging.ExportPreview;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SourceInfo;
import dev.migrate.core.staging.StagingWriter;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TableWriter;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.exportsqlite.catalog.Catalog;
import dev.migrate.exportsqlite.catalog.CatalogReader;
import dev.migrate.exportsqlite.catalog.SourceColumn;
import dev.migrate.exportsqlite.catalog.SourceTable;
import dev.migrate.exportsqlite.profile.ColumnDecision;
import dev.migrate.exportsqlite.profile.ColumnProfile;
import dev.migrate.exportsqlite.profile.Reading;
import dev.migrate.exportsqlite.profile.Readings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * export-sqlite: reads a SQLite file, read-only and as one consistent snapshot, profiles the
 * values of every column, and writes a staging directory (one JSON file per table, the manifest
 * last). Never writes to the source.
 *
 * <pre>{@code
 * ExportResult r = new SqliteExporter(ExportSqliteOptions.of(file, dir, version)).run(ProgressListener.NONE);
 * }</pre>
 */
public final class SqliteExporter {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteExporter.class);

    /** Identifiers longer than this many UTF-8 bytes are truncated by PostgreSQL. */
    private static final int POSTGRES_NAME_BYTES = 63;

    private final ExportSqliteOptions options;

    public SqliteExporter(ExportSqliteOptions options) {
        this.options = options;
    }

    /**
     * Runs the export.
     *
     * @throws MigrateException with a one-line message when the source is missing, empty, not a
     *     database, stays locked past the busy timeout, or cannot be read; no manifest is written
     *     then (a staging directory without manifest is by definition incomplete)
     */
    public ExportResult run(ProgressListener listener) {
        List<String> warnings = new ArrayList<>();
        ExportResult result = inSnapshot(warnings, snapshot -> export(snapshot, listener, warnings));
        return new ExportResult(result.manifest(), result.exportDir(), result.tables(), warnings);
    }

    /**
     * What {@link #run} would export, read the same way (one read-only snapshot, the catalog, the
     * profile pass over every value, so the types are the ones the export would choose) without
     * creating the staging directory or writing anything. Row counts are exact.
     *
     * @throws MigrateException as {@link #run}
     */
    public ExportPreview plan() {
        List<String> warnings = new ArrayList<>();
        return inSnapshot(warnings, snapshot -> {
            Selection selection = select(snapshot, warnings);
            Profiler profiler = new Profiler(snapshot, selection, warnings);
            List<ExportPreview.TableRows> rows = new ArrayList<>();
            for (SourceTable table : selection.ordered()) {
                Profiled p = profiler.profile(table);
                rows.add(new ExportPreview.TableRows(table.name(), p.export().profiledRows(), true));
            }
            reportSkipped(selection.catalog().skipped(), warnings);
            return new ExportPreview(selection.source(), profiler.schema(), null, rows, warnings);
        });
    }

    /**
     * Opens the source read-only, begins the snapshot, does the work, and says so in a warning when
     * SQLite had to create -wal/-shm companions to read it.
     */
    private <T> T inSnapshot(List<String> warnings, Function<SnapshotConnection, T> work) {
        Path source = options.source();
        SourceFile.check(source);
        List<Path> companionsBefore = companions(source);
        T result;
        try (SnapshotConnection snapshot = SnapshotConnection.open(source, options.busyTimeout())) {
            snapshot.begin();
            result = work.apply(snapshot);
        }
        List<Path> created = new ArrayList<>(companions(source));
        created.removeAll(companionsBefore);
        if (!created.isEmpty()) {
            List<String> names =
                    created.stream().map(p -> p.getFileName().toString()).toList();
            String line = "SQLite created " + String.join(" and ", names) + " beside the source: a WAL-mode"
                    + " database needs them even to be read; the database file itself was not modified";
            LOG.info(line);
            warnings.add(line);
        }
        return result;
    }

    /** The catalog, and the tables the options choose in load order. */
    private record Selection(Catalog catalog, List<SourceTable> ordered, SourceInfo source) {}

    private Selection select(SnapshotConnection snapshot, List<String> warnings) {
        String where = options.source().toString();
        Catalog catalog;
        try {
            catalog = new CatalogReader(snapshot.connection()).read();
        } catch (SQLException e) {
            throw SqliteErrors.translate(e, Location.file(where), "cannot read the schema", options.busyTimeout());
        }
        TableFilter filter = new TableFilter(options.includeTables(), options.excludeTables());
        List<String> allNames = catalog.tables().stream().map(SourceTable::name).toList();
        for (String glob : filter.unmatchedIncludes(allNames)) {
            warnings.add("--include-table " + glob + " matched no table");
        }
        List<SourceTable> selected = filter.select(catalog.tables(), SourceTable::name);
        if (catalog.tables().isEmpty()) {
            warnings.add("the database has no tables; the export is empty");
        }
        List<SourceTable> ordered = TableOrder.order(selected, warnings);
        String fileName = options.source().getFileName().toString();
        LOG.info(
                "reading {} of {} tables from {} (SQLite {})",
                ordered.size(),
                allNames.size(),
                fileName,
                catalog.sqliteVersion());
        return new Selection(catalog, ordered, new SourceInfo("sqlite", catalog.sqliteVersion(), fileName));
    }

    /** One table after its profile pass: ready for the export pass, with its manifest schema and notes. */
    private record Profiled(TableExport export, TableSchema schema, List<String> notes) {}

    /** Profiles the chosen tables one by one and collects what the manifest's schema says about them. */
    private final class Profiler {
        private final SnapshotConnection snapshot;
        private final Selection selection;
        private final List<String> warnings;
        private final List<SkippedObject> skipped;
        private final TableSchemas schemas;
        private final Map<String, EnumType> enums = new LinkedHashMap<>();
        private final List<TableSchema> tableSchemas = new ArrayList<>();

        Profiler(SnapshotConnection snapshot, Selection selection, List<String> warnings) {
            this.snapshot = snapshot;
            this.selection = selection;
            this.warnings = warnings;
            this.skipped = new ArrayList<>(selection.catalog().skipped());
            this.schemas = new TableSchemas(
                    byKey(selection.ordered()), byKey(selection.catalog().tables()), warnings, skipped);
        }

        Profiled profile(SourceTable table) {
            TableExport export = newExport(table);
            export.profile();
            return describe(export);
        }

        TableExport newExport(SourceTable table) {
            return new TableExport(snapshot.connection(), options.busyTimeout(), table, snapshot.utf8());
        }

        /** The manifest's schema and notes of a table whose profile pass is complete. */
        Profiled describe(TableExport export) {
            SourceTable table = export.table();
            List<String> notes = new ArrayList<>();
            registerEnums(export, enums, warnings);
            List<ColumnSchema> columns = export.columnSchemas();
            for (int i = 0; i < columns.size(); i++) {
                ColumnSchema c = columns.get(i);
                if (c.note() != null) {
                    notes.add("column \"" + c.name() + "\": " + c.note());
                    if (export.decisions().get(i).warning()) {
                        warnings.add("table \"" + table.name() + "\", column \"" + c.name() + "\": " + c.note());
                    }
                }
            }
            warnLongNames(table, warnings);
            TableSchema schema = schemas.build(table, columns, nullsInKey(export));
            tableSchemas.add(schema);
            return new Profiled(export, schema, notes);
        }

        /** The manifest's schema of the tables profiled so far. */
        SchemaSnapshot schema() {
            return new SchemaSnapshot(tableSchemas, List.copyOf(enums.values()), skipped);
        }
    }

    private ExportResult export(SnapshotConnection snapshot, ProgressListener listener, List<String> warnings) {
        Selection selection = select(snapshot, warnings);
        List<SourceTable> ordered = selection.ordered();
        listener.snapshotStarted(ordered.size());
        Profiler profiler = new Profiler(snapshot, selection, warnings);
        List<TableEntry> entries = new ArrayList<>();
        List<TableStats> stats = new ArrayList<>();

        StagingWriter writer = StagingWriter.create(options.exportDir());
        try {
            int index = 0;
            for (SourceTable table : ordered) {
                index++;
                listener.tableStarted(table.name(), index, ordered.size());
                long started = System.nanoTime();
                TableExport export = profiler.newExport(table);
                List<Reading> guess = export.speculation();
                Profiled p;
                TableEntry entry;
                if (guess == null) {
                    export.profile();
                    p = profiler.describe(export);
                    entry = writeTable(writer, p.schema(), export, listener);
                } else {
                    TableWriter tw = writer.openTable(export.speculativeSchema(guess));
                    if (!export.profileAndWrite(tw, guess, listener)) {
                        // A value does not fit its declared type: today's two passes, the profile
                        // from the first row, then the table under the decision, same file name.
                        LOG.debug(
                                "table {}: profiled again and written under the types its profile chose", table.name());
                        writer.discardTable(tw);
                        export.resetProfile();
                        export.profile();
                        p = profiler.describe(export);
                        entry = writeTable(writer, p.schema(), export, listener);
                    } else {
                        p = profiler.describe(export);
                        if (export.decidedAs(guess)) {
                            entry = close(tw, p.schema());
                        } else {
                            // Every value fit, yet the decision differs (dates in a TIMESTAMP column,
                            // an enum whose labels clash): write the table again under it.
                            LOG.debug("table {}: written again under the types its profile chose", table.name());
                            writer.discardTable(tw);
                            entry = writeTable(writer, p.schema(), export, listener);
                        }
                    }
                }
                long rows = entry.rows();
                entries.add(entry);
                TableStats s = new TableStats(table.name(), rows, entry.bytes(), seconds(started), p.notes());
                stats.add(s);
                listener.tableFinished(s);
                LOG.info("table {}: {} rows, {} bytes", table.name(), rows, entry.bytes());
            }
            reportSkipped(selection.catalog().skipped(), warnings);
            Manifest manifest = new Manifest(
                    Manifest.FORMAT_VERSION,
                    options.toolVersion(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    selection.source(),
                    profiler.schema(),
                    null,
                    entries);
            writer.commit(manifest);
            return new ExportResult(manifest, options.exportDir(), stats, warnings);
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        }
    }

    /** Streams the table into its staging file; the file is closed (and its entry final) on return. */
    private static TableEntry writeTable(
            StagingWriter writer, TableSchema schema, TableExport export, ProgressListener listener) {
        TableWriter tw = writer.openTable(schema);
        try {
            export.write(tw, listener);
        } catch (RuntimeException e) {
            try {
                tw.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed); // the export is aborted anyway; report the first failure
            }
            throw e;
        }
        return close(tw, schema);
    }

    /** Completes a table file; its manifest entry is final on return. */
    private static TableEntry close(TableWriter tw, TableSchema schema) {
        try {
            tw.close();
        } catch (IOException e) {
            throw MigrateException.runtime(
                    Location.table(schema.name()), "cannot write the table file: " + e.getMessage(), e);
        }
        return tw.entry();
    }

    /**
     * Collects the enum types the profile found; a second column naming the same enum with other
     * labels is exported as text instead, since one enum type cannot have two label lists.
     */
    private static void registerEnums(TableExport export, Map<String, EnumType> enums, List<String> warnings) {
        List<ColumnDecision> decisions = export.decisions();
        for (int i = 0; i < decisions.size(); i++) {
            StagingType type = decisions.get(i).type();
            if (type.kind() != StagingKind.ENUM) {
                continue;
            }
            SourceColumn column = export.table().columns().get(i);
            EnumType found = new EnumType(type.name(), column.enumLabels());
            EnumType known = enums.putIfAbsent(type.name(), found);
            if (known != null && !known.labels().equals(found.labels())) {
                String note = "enum " + type.name() + " is declared with labels " + found.labels() + " here and "
                        + known.labels() + " on an earlier column; exported as text";
                export.override(
                        i,
                        new ColumnDecision(
                                StagingType.of(StagingKind.TEXT),
                                Readings.text(StagingType.of(StagingKind.TEXT), false),
                                note,
                                true));
                warnings.add("table \"" + export.table().name() + "\", column \"" + column.name() + "\": " + note);
            }
        }
    }

    /** Primary-key columns that hold NULL (possible in SQLite unless INTEGER PRIMARY KEY). */
    private static Map<String, String> nullsInKey(TableExport export) {
        Map<String, String> out = new LinkedHashMap<>();
        List<SourceColumn> columns = export.table().columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnProfile p = export.profileOf(i);
            if (columns.get(i).primaryKeyPosition() > 0 && p.nulls() > 0) {
                out.put(
                        columns.get(i).name(),
                        p.nulls() + " NULL" + (p.nulls() == 1 ? "" : "s") + " (first at "
                                + p.firstNull().rowKey() + ")");
            }
        }
        return out;
    }

    private static void warnLongNames(SourceTable table, List<String> warnings) {
        List<String> long_ = new ArrayList<>();
        if (table.name().getBytes(StandardCharsets.UTF_8).length > POSTGRES_NAME_BYTES) {
            long_.add("the table name");
        }
        for (SourceColumn c : table.columns()) {
            if (c.name().getBytes(StandardCharsets.UTF_8).length > POSTGRES_NAME_BYTES) {
                long_.add("column \"" + c.name() + "\"");
            }
        }
        if (!long_.isEmpty()) {
            warnings.add("table \"" + table.name() + "\": " + String.join(", ", long_)
                    + (long_.size() == 1 ? " is" : " are") + " longer than " + POSTGRES_NAME_BYTES
                    + " bytes, the most PostgreSQL keeps; exported unchanged, but importing into PostgreSQL needs"
                    + " them renamed");
        }
    }

    private static void reportSkipped(List<SkippedObject> skipped, List<String> warnings) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (SkippedObject o : skipped) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add("\"" + o.name() + "\"");
        }
        byKind.forEach((kind, names) -> warnings.add(names.size() + " " + kind.replace('_', ' ')
                + (names.size() == 1 ? "" : "s") + " recorded in the manifest but not migrated: "
                + String.join(", ", names)));
    }

    private static Map<String, SourceTable> byKey(List<SourceTable> tables) {
        Map<String, SourceTable> out = new LinkedHashMap<>();
        for (SourceTable t : tables) {
            out.put(t.name().toLowerCase(Locale.ROOT), t);
        }
        return out;
    }

    /** The -wal, -shm and -journal files next to the source that exist now. */
    private static List<Path> companions(Path source) {
        List<Path> out = new ArrayList<>();
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            Path p = source.resolveSibling(source.getFileName() + suffix);
            if (Files.exists(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
