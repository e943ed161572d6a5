package dev.migrate.exportpg;

import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Orders tables so that every table comes after the tables it references. Self-references need
 * nothing. A cycle is broken deterministically: when no table is ready, the first remaining one
 * in catalog order (schema, name) goes next, and a note names the references it comes before.
 */
final class DependencyOrder {

    private DependencyOrder() {}

    /** The ordered tables and one note per broken cycle. */
    record Result(List<TableSchema> tables, List<String> cycleNotes) {}

    static Result order(List<TableSchema> tables) {
        Map<String, TableSchema> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (TableSchema t : tables) {
            Set<String> deps = new TreeSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (!fk.referencedTable().equals(t.name()) && byName.containsKey(fk.referencedTable())) {
                    deps.add(fk.referencedTable());
                }
            }
            dependsOn.put(t.name(), deps);
        }
        List<TableSchema> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Set<String> remaining = new LinkedHashSet<>(byName.keySet());
        while (!remaining.isEmpty()) {
            String next = null;
            for (String name : remaining) {
                if (placed.containsAll(dependsOn.get(name))) {
                    next = name;
                    break;
                }
            }
            if (next == null) {
                next = remaining.iterator().next();
                Set<String> before = new TreeSet<>(dependsOn.get(next));
                before.removeAll(placed);
                notes.add("foreign-key cycle: " + next + " is placed before " + String.join(", ", before)
                        + ", which it references; an importer must add those foreign keys after loading");
            }
            remaining.remove(next);
            placed.add(next);
            out.add(byName.get(next));
        }
        return new Result(out, notes);
    }
}
