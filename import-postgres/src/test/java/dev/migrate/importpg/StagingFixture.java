package dev.migrate.importpg;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.SchemaSnapshot;
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
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes staging directories for tests with the core {@link StagingWriter}, so import tests do
 * not depend on the export modules: a schema built with {@link #table} and rows given as arrays
 * of canonical values (or generated lazily for big tables).
 */
final class StagingFixture {

    private final String dialect;
    private final List<TableSchema> tables = new ArrayList<>();
    private final List<Supplier<Iterator<Object[]>>> rows = new ArrayList<>();
    private final List<EnumType> enums = new ArrayList<>();
    private TenantFilter tenant;

    private StagingFixture(String dialect) {
        this.dialect = dialect;
    }

    static StagingFixture fromSqlite() {
        return new StagingFixture("sqlite");
    }

    static StagingFixture fromPostgres() {
        return new StagingFixture("postgresql");
    }

    StagingFixture add(TableBuilder table, Object[]... values) {
        List<Object[]> list = Arrays.asList(values);
        return add(table.build(), () -> list.iterator());
    }

    StagingFixture add(TableSchema table, Supplier<Iterator<Object[]>> values) {
        tables.add(table);
        rows.add(values);
        return this;
    }

    StagingFixture enumType(String name, String... labels) {
        enums.add(new EnumType(name, List.of(labels)));
        return this;
    }

    StagingFixture tenant(TenantFilter filter) {
        this.tenant = filter;
        return this;
    }

    Path write(Path dir) {
        StagingWriter w = StagingWriter.create(dir);
        List<TableEntry> entries = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            TableWriter tw = w.openTable(tables.get(i));
            Iterator<Object[]> it = rows.get(i).get();
            while (it.hasNext()) {
                tw.writeRow(it.next());
            }
            try {
                tw.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            entries.add(tw.entry());
        }
        w.commit(new Manifest(
                Manifest.FORMAT_VERSION,
                "test",
                "2026-01-01T00:00:00Z",
                new SourceInfo(dialect, "test", "fixture"),
                new SchemaSnapshot(tables, enums, List.of()),
                tenant,
                entries));
        return dir;
    }

    static TableBuilder table(String name) {
        return new TableBuilder(name);
    }

    /** Fluent construction of a {@link TableSchema}. */
    static final class TableBuilder {
        private final String name;
        private final List<ColumnSchema> columns = new ArrayList<>();
        private List<String> pk = List.of();
        private final List<ForeignKey> fks = new ArrayList<>();
        private final List<UniqueConstraint> uniques = new ArrayList<>();
        private final List<IndexSchema> indexes = new ArrayList<>();
        private final List<String> checks = new ArrayList<>();

        TableBuilder(String name) {
            this.name = name;
        }

        TableBuilder col(String column, StagingType type) {
            return col(column, type, true, null, null);
        }

        TableBuilder notNull(String column, StagingType type) {
            return col(column, type, false, null, null);
        }

        TableBuilder col(String column, StagingType type, boolean nullable, String defaultExpr, Identity identity) {
            columns.add(new ColumnSchema(column, type.toString(), type, nullable, defaultExpr, null, identity, null));
            return this;
        }

        TableBuilder pk(String... cols) {
            pk = List.of(cols);
            return this;
        }

        TableBuilder fk(List<String> cols, String parent, List<String> refCols) {
            fks.add(new ForeignKey(null, cols, parent, refCols, null, null, null));
            return this;
        }

        TableBuilder fk(ForeignKey fk) {
            fks.add(fk);
            return this;
        }

        TableBuilder unique(String constraintName, String... cols) {
            uniques.add(new UniqueConstraint(constraintName, List.of(cols)));
            return this;
        }

        TableBuilder index(IndexSchema ix) {
            indexes.add(ix);
            return this;
        }

        TableBuilder check(String check) {
            checks.add(check);
            return this;
        }

        TableSchema build() {
            return new TableSchema(name, null, columns, pk, fks, uniques, indexes, checks, List.of());
        }
    }

    static Object[] row(Object... values) {
        return values;
    }
}
