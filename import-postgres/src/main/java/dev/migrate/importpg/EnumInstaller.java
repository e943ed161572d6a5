package dev.migrate.importpg;

import dev.migrate.core.MigrateException;
import dev.migrate.core.schema.EnumType;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates the enum types the staged tables use ({@code CREATE TYPE ... AS ENUM}), or reuses an
 * existing type of the same name whose labels include the staged ones. A type with other labels
 * is refused: the import never alters an existing type.
 */
final class EnumInstaller {

    private final ImportContext ctx;
    private final TargetCatalog catalog;

    EnumInstaller(ImportContext ctx, TargetCatalog catalog) {
        this.ctx = ctx;
        this.catalog = catalog;
    }

    /** Installs the used enums; returns the names that exist afterwards (others fall back to text). */
    Set<String> install(Set<String> used) throws SQLException {
        Map<String, EnumType> staged =
                FullImport.enumsByName(ctx.manifest.schema().enums());
        Set<String> available = new LinkedHashSet<>();
        for (String name : used) {
            EnumType e = staged.get(name);
            if (e == null) {
                continue;
            }
            List<String> existing = catalog.enums.get(name);
            if (existing != null) {
                if (!existing.containsAll(e.labels())) {
                    throw MigrateException.input("enum type " + PgNames.describe(name) + " exists in the target with"
                            + " labels " + existing + " that do not include the staged labels " + e.labels()
                            + "; the import never alters an existing type");
                }
                available.add(name);
                continue;
            }
            if (catalog.relations.containsKey(name)) {
                throw MigrateException.input("cannot create enum type " + PgNames.describe(name)
                        + ": a relation of that name exists in the target schema");
            }
            String labels = e.labels().stream().map(PgNames::literal).collect(Collectors.joining(", "));
            Sql.execute(
                    ctx.connection,
                    "CREATE TYPE " + PgNames.qualified(ctx.schema(), name) + " AS ENUM (" + labels + ")");
            available.add(name);
        }
        return available;
    }
}
