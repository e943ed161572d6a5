package dev.migrate.importsqlite;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.SkippedObject;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.staging.Manifest;
import dev.migrate.core.staging.SourceInfo;
import dev.migrate.core.staging.StagingWriter;
import dev.migrate.core.staging.TableEntry;
import dev.migrate.core.staging.TableWriter;
import dev.migrate.core.staging.TenantFilter;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Writes staging directories for tests with core's StagingWriter, as an exporter would. */
final class StagingBuilder {

    private final Path dir;
    private final List<TableSchema> tables = new ArrayList<>();
    private final List<Iterable<Object[]>> rows = new ArrayList<>();
    private final List<EnumType> enums = new ArrayList<>();
    private final List<SkippedObject> skipped = new ArrayList<>();
    private TenantFilter tenant;
    private String dialect = "postgresql";

    StagingBuilder(Path dir) {
        this.dir = dir;
    }

    static StagingBuilder in(Path dir) {
        return new StagingBuilder(dir);
    }

    StagingBuilder table(TableSchema table, List<Object[]> tableRows) {
        tables.add(table);
        rows.add(tableRows);
        return this;
    }

    StagingBuilder table(TableSchema table, Iterable<Object[]> tableRows) {
        tables.add(table);
        rows.add(tableRows);
        return this;
    }

    StagingBuilder enumType(String name, String... labels) {
        enums.add(new EnumType(name, List.of(labels)));
        return this;
    }

    StagingBuilder skipped(SkippedObject s) {
        skipped.add(s);
        return this;
    }

    StagingBuilder tenant(TenantFilter filter) {
        this.tenant = filter;
        return this;
    }

    StagingBuilder dialect(String d) {
        this.dialect = d;
        return this;
    }

    Path write() {
        StagingWriter w = StagingWriter.create(dir);
        List<TableEntry> entries = new ArrayList<>();
        try {
            for (int i = 0; i < tables.size(); i++) {
                TableWriter tw = w.openTable(tables.get(i));
                try {
                    Iterator<Object[]> it = rows.get(i).iterator();
                    while (it.hasNext()) {
                        tw.writeRow(it.next());
                    }
                } finally {
                    tw.close();
                }
                entries.add(tw.entry());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        w.commit(new Manifest(
                Manifest.FORMAT_VERSION,
                "test",
                "2026-11-21T00:00:00Z",
                new SourceInfo(dialect, "17", "testdb"),
                new SchemaSnapshot(tables, enums, skipped),
                tenant,
                entries));
        return dir;
    }

    // ---- schema helpers ----

    static ColumnSchema col(String name, StagingType type) {
        return new ColumnSchema(name, type.toString(), type, true, null, null, null, null);
    }

    static ColumnSchema notNull(String name, StagingType type) {
        return new ColumnSchema(name, type.toString(), type, false, null, null, null, null);
    }

    static ColumnSchema withDefault(ColumnSchema c, String defaultExpression) {
        return new ColumnSchema(
                c.name(),
                c.sourceType(),
                c.type(),
                c.nullable(),
                defaultExpression,
                c.generated(),
                c.identity(),
                c.note());
    }

    static ColumnSchema identity(String name, StagingType type, String kind, Long lastValue) {
        return new ColumnSchema(
                name, type.toString(), type, false, null, null, new Identity(kind, name + "_seq", lastValue), null);
    }

    static TableSchema table(String name, List<ColumnSchema> columns, List<String> pk) {
        return new TableSchema(name, "public", columns, pk, null, null, null, null, null);
    }

    static TableSchema table(
            String name,
            List<ColumnSchema> columns,
            List<String> pk,
            List<ForeignKey> fks,
            List<UniqueConstraint> uniques,
            List<IndexSchema> indexes) {
        return new TableSchema(name, "public", columns, pk, fks, uniques, indexes, null, null);
    }

    static Object[] row(Object... values) {
        return values;
    }

    /** Rows for {@link #table}; unlike {@code List.of}, one row is not mistaken for the varargs array. */
    static List<Object[]> rows(Object[]... rows) {
        return java.util.Arrays.asList(rows);
    }
}
