package dev.migrate.exportsqlite;

import dev.migrate.exportsqlite.catalog.SourceForeignKey;
import dev.migrate.exportsqlite.catalog.SourceTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Orders tables so that every referenced table comes before the tables referencing it, keeping
 * the source's creation order wherever foreign keys allow. A cycle is broken at its first table
 * in creation order, and noted.
 */
final class TableOrder {

    private TableOrder() {}

    /**
     * @param tables the tables to export, in creation order
     * @param notes receives one line per broken cycle
     */
    static List<SourceTable> order(List<SourceTable> tables, List<String> notes) {
        List<SourceTable> remaining = new ArrayList<>(tables);
        List<SourceTable> out = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (!remaining.isEmpty()) {
            SourceTable next = null;
            for (SourceTable t : remaining) {
                if (parents(t, tables).stream().allMatch(placed::contains)) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                next = remaining.get(0);
                List<String> waiting = remaining.stream().map(SourceTable::name).toList();
                notes.add("foreign keys form a cycle among " + String.join(", ", quoted(waiting)) + "; \""
                        + next.name() + "\" is placed first (its rows load before the rows they reference;"
                        + " importers create foreign keys after loading)");
            }
            remaining.remove(next);
            out.add(next);
            placed.add(key(next.name()));
        }
        return out;
    }

    /** Keys of the exported tables this table references (itself excluded). */
    private static Set<String> parents(SourceTable t, List<SourceTable> exported) {
        Set<String> out = new LinkedHashSet<>();
        for (SourceForeignKey fk : t.foreignKeys()) {
            String parent = key(fk.referencedTable());
            boolean isExported = exported.stream().anyMatch(e -> key(e.name()).equals(parent));
            if (isExported && !parent.equals(key(t.name()))) {
                out.add(parent);
            }
        }
        return out;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").toList();
    }
}
