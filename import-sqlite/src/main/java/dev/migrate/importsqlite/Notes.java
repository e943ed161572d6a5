package dev.migrate.importsqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what an import changed or skipped: per-table notes and run-wide warnings, in order. */
final class Notes {

    private final Map<String, List<String>> byTable = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    void table(String table, String note) {
        byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(note);
    }

    List<String> forTable(String table) {
        return List.copyOf(byTable.getOrDefault(table, List.of()));
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
