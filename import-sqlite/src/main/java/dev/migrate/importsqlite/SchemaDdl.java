package dev.migrate.importsqlite;

import dev.migrate.core.mapping.TypeMappings;
import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.types.StagingKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the SQLite DDL for the planned tables: {@code CREATE TABLE} statements (created before the
 * rows are loaded) and {@code CREATE INDEX} statements (created after, which is faster).
 *
 * <p>Column definitions: {@code "name" TYPE [NOT NULL] [PRIMARY KEY [AUTOINCREMENT]] [DEFAULT x]
 * [CHECK (...)]}. The type always comes from {@link TypeMappings#toSqlite}, except an identity key,
 * which must be spelled exactly {@code INTEGER} to be SQLite's rowid. Enum columns get {@code CHECK
 * ("col" IN (labels))}, singleton keys {@code CHECK ("id" = 1)}. Every identifier goes through
 * {@link SqliteDialect#quote}, every DDL literal through {@link SqliteDialect#quoteLiteral}. Other
 * CHECK constraints of the source are reported and not reproduced: their expressions are not
 * reliably portable (a numeric comparison on a {@code DECIMAL TEXT} column would compare text).
 */
final class SchemaDdl {

    private final SchemaSnapshot snapshot;
    private final boolean sqliteSource;
    private final Notes notes;
    private final SqliteDialect sql = SqliteDialect.INSTANCE;
    private final Set<String> enumNames = new HashSet<>();
    private final Set<String> usedNames = new HashSet<>();

    SchemaDdl(SchemaSnapshot snapshot, boolean sqliteSource, Notes notes, List<TablePlan> plans) {
        this.snapshot = snapshot;
        this.sqliteSource = sqliteSource;
        this.notes = notes;
        snapshot.enums().forEach(e -> enumNames.add(e.name()));
        plans.forEach(p -> usedNames.add(p.name().toLowerCase(Locale.ROOT)));
    }

    /** The {@code CREATE TABLE} statement; notes what is not reproduced. */
    String createTable(TablePlan p) {
        List<String> parts = new ArrayList<>();
        for (ColumnPlan c : p.columns()) {
            parts.add(columnDefinition(p, c));
        }
        if (p.primaryKey().size() > 1 || (p.primaryKey().size() == 1 && !inlinePrimaryKey(p))) {
            parts.add("PRIMARY KEY " + columnList(p.primaryKey()));
        }
        for (UniqueConstraint u : p.uniques()) {
            parts.add(constraintName(u.name()) + "UNIQUE " + columnList(u.columns()));
        }
        for (ForeignKey fk : p.foreignKeys()) {
            parts.add(foreignKey(fk));
        }
        for (String check : p.source().checks()) {
            notes.table(p.name(), "check constraint not reproduced (not portable to SQLite): " + check);
        }
        return "CREATE TABLE " + sql.quote(p.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + (p.withoutRowid() ? " WITHOUT ROWID" : "");
    }

    /** A single-column primary key is declared on its column, as the reference schema does. */
    private static boolean inlinePrimaryKey(TablePlan p) {
        return p.primaryKey().size() == 1;
    }

    private String columnDefinition(TablePlan p, ColumnPlan c) {
        StringBuilder b = new StringBuilder(sql.quote(c.name())).append(' ');
        boolean rowid = p.isRowidColumn(c);
        if (rowid) {
            b.append("INTEGER PRIMARY KEY");
            if (p.key() == TablePlan.Key.AUTOINCREMENT) {
                b.append(" AUTOINCREMENT");
            }
            if (p.key() == TablePlan.Key.SINGLETON) {
                b.append(" CHECK (").append(sql.quote(c.name())).append(" = 1)");
            }
            // A rowid is never NULL (NULL asks for a new id) and has no default of its own.
            if (c.source() != null) {
                note(
                        p,
                        c,
                        DefaultTranslator.translate(c.source().defaultExpression(), c.type(), null, sqliteSource),
                        true);
            }
            return b.toString();
        }
        ColumnSchema s = c.source();
        b.append(TypeMappings.toSqlite(c.type()));
        if (!s.nullable()) {
            b.append(" NOT NULL");
        }
        if (p.primaryKey().size() == 1 && p.primaryKey().get(0).equals(c.name()) && inlinePrimaryKey(p)) {
            b.append(" PRIMARY KEY");
        }
        EnumType enumType = enumOf(c);
        DefaultTranslator.Translation d =
                DefaultTranslator.translate(s.defaultExpression(), c.type(), enumType, sqliteSource);
        if (d.sql() != null) {
            b.append(" DEFAULT ").append(d.sql());
        }
        note(p, c, d, false);
        if (c.type().kind() == StagingKind.ENUM) {
            if (enumType == null) {
                notes.table(p.name(), "column \"" + c.name() + "\": enum labels unknown, no CHECK of its values");
            } else {
                List<String> labels = new ArrayList<>();
                enumType.labels().forEach(l -> labels.add(sql.quoteLiteral(l)));
                b.append(" CHECK (")
                        .append(sql.quote(c.name()))
                        .append(" IN (")
                        .append(String.join(", ", labels))
                        .append("))");
            }
        }
        if (s.generated() != null) {
            notes.table(
                    p.name(),
                    "column \"" + c.name() + "\": generated column (" + s.generated()
                            + ") loaded as a plain column with its values; the expression is not reproduced");
        }
        return b.toString();
    }

    private void note(TablePlan p, ColumnPlan c, DefaultTranslator.Translation d, boolean rowid) {
        if (rowid) {
            String e = c.source().defaultExpression();
            if (e != null && !e.toLowerCase(Locale.ROOT).startsWith("nextval(")) {
                notes.table(
                        p.name(),
                        "column \"" + c.name() + "\": default " + e
                                + " dropped: the INTEGER PRIMARY KEY generates ids");
            }
            return;
        }
        if (d.note() != null) {
            notes.table(p.name(), "column \"" + c.name() + "\": " + d.note());
        }
    }

    private EnumType enumOf(ColumnPlan c) {
        if (c.type().kind() != StagingKind.ENUM || c.type().name() == null) {
            return null;
        }
        return snapshot.enumType(c.type().name()).orElse(null);
    }

    private String foreignKey(ForeignKey fk) {
        StringBuilder b = new StringBuilder(constraintName(fk.name()))
                .append("FOREIGN KEY ")
                .append(columnList(fk.columns()))
                .append(" REFERENCES ")
                .append(sql.quote(fk.referencedTable()))
                .append(' ')
                .append(columnList(fk.referencedColumns()));
        if (fk.onDelete() != null && !fk.onDelete().equalsIgnoreCase("NO ACTION")) {
            b.append(" ON DELETE ").append(action(fk.onDelete()));
        }
        if (fk.onUpdate() != null && !fk.onUpdate().equalsIgnoreCase("NO ACTION")) {
            b.append(" ON UPDATE ").append(action(fk.onUpdate()));
        }
        if (fk.deferrable() != null && fk.deferrable().toUpperCase(Locale.ROOT).contains("DEFERRED")) {
            b.append(" DEFERRABLE INITIALLY DEFERRED");
        }
        return b.toString();
    }

    /** One of SQLite's five actions; anything else would be a syntax error, so it is refused loudly. */
    private static String action(String action) {
        String a = action.strip().toUpperCase(Locale.ROOT);
        if (!List.of("NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT")
                .contains(a)) {
            throw new IllegalArgumentException("unknown foreign key action " + action);
        }
        return a;
    }

    private String constraintName(String name) {
        return name == null ? "" : "CONSTRAINT " + sql.quote(name) + " ";
    }

    private String columnList(List<String> columns) {
        List<String> quoted = new ArrayList<>();
        columns.forEach(c -> quoted.add(sql.quote(c)));
        return "(" + String.join(", ", quoted) + ")";
    }

    /** The {@code CREATE INDEX} statements of a table; notes the indexes that cannot be reproduced. */
    List<String> createIndexes(TablePlan p) {
        List<String> out = new ArrayList<>();
        IndexTranslator translator = new IndexTranslator(p, enumNames);
        for (IndexSchema idx : p.indexes()) {
            String name = uniqueName(idx.name() == null ? p.name() + "_idx" : idx.name());
            if (!name.equals(idx.name()) && idx.name() != null) {
                notes.table(
                        p.name(),
                        "index \"" + idx.name() + "\" renamed to \"" + name
                                + "\" (SQLite names ignore case and are shared with tables)");
            }
            IndexTranslator.Result r = translator.translate(idx, name, sqliteSource);
            if (r.sql() != null) {
                out.add(r.sql());
            } else {
                notes.table(
                        p.name(),
                        "index \"" + idx.name() + "\" not reproduced: " + r.reason()
                                + (idx.definition() == null ? "" : " (" + idx.definition() + ")"));
            }
        }
        return out;
    }

    private String uniqueName(String name) {
        String candidate = name;
        for (int n = 2; !usedNames.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = name + "_" + n;
        }
        return candidate;
    }
}
