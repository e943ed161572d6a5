package dev.migrate.cli.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders tables so that every table comes after the tables its foreign keys reference; ties and
 * cycles are broken by name, so the order is the same on every run.
 */
final class LoadOrder {

    private LoadOrder() {}

    /**
     * @param tables every table
     * @param parents per table, the tables it references (self-references ignored)
     */
    static List<String> order(Collection<String> tables, Map<String, Set<String>> parents) {
        Map<String, Set<String>> waiting = new TreeMap<>();
        for (String t : tables) {
            Set<String> ps = new TreeSet<>(parents.getOrDefault(t, Set.of()));
            ps.remove(t);
            ps.retainAll(tables);
            waiting.put(t, ps);
        }
        List<String> out = new ArrayList<>();
        while (!waiting.isEmpty()) {
            String next = waiting.entrySet().stream()
                    .filter(e -> e.getValue().isEmpty())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    // a cycle: take the first by name; its references are loaded after it
                    .orElse(waiting.keySet().iterator().next());
            waiting.remove(next);
            waiting.values().forEach(s -> s.remove(next));
            out.add(next);
        }
        return out;
    }
}
