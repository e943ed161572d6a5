package dev.migrate.exportpg;

import dev.migrate.core.schema.SkippedObject;
import dev.migrate.exportpg.RawCatalog.RawObject;
import java.util.List;
import java.util.Set;

/** Objects recorded but not migrated: why, and the one warning line that names each of them. */
final class NotMigrated {

    /** Kinds whose warning line carries the reason; for the others the kind says it all. */
    private static final Set<String> EXPLAINED_KINDS =
            Set.of("table", "foreign key", "constraint", "partitioning", "domain", "sequence", "type");

    private NotMigrated() {}

    /** The rows of {@code not_migrated.sql} as skipped objects with their reasons. */
    static List<SkippedObject> of(List<RawObject> objects) {
        return objects.stream()
                .map(o -> new SkippedObject(o.kind(), o.name(), reason(o.kind()), o.definition()))
                .toList();
    }

    static String reason(String kind) {
        return switch (kind) {
            case "view", "materialized view" -> "views are not migrated; recreate them on the target if needed";
            case "trigger" -> "triggers are not migrated";
            case "rule" -> "rules are not migrated";
            case "policy" -> "row-level security policies are not migrated";
            case "function", "procedure", "aggregate", "window function" -> "functions are not migrated";
            case "domain" ->
                "domains are not migrated: their columns are exported as the base type and the domain's"
                        + " constraints are lost";
            case "sequence" -> "sequences that no exported column uses are not migrated";
            case "type" -> "composite types are not migrated";
            case "foreign table" -> "foreign tables are not migrated";
            case "extension" -> "extensions are not migrated; install them on the target if needed";
            default -> "not migrated";
        };
    }

    /** {@code not migrated: view actor_info}, with the reason where the kind alone does not say it. */
    static String describe(SkippedObject s) {
        return "not migrated: " + s.kind() + " " + s.name()
                + (EXPLAINED_KINDS.contains(s.kind()) ? " (" + s.reason() + ")" : "");
    }
}
