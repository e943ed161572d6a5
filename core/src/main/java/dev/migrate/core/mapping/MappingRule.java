package dev.migrate.core.mapping;

import dev.migrate.core.types.StagingType;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a mapping table: a pattern over the source's type text, the staging type it means
 * and what the row says in the document.
 *
 * @param source the source type as the document shows it
 * @param staging the staging type as the document shows it
 * @param target the target declared type as the document shows it
 * @param note why, or what to watch for
 * @param pattern matched against the normalised source type text (lowercase for PostgreSQL,
 *     uppercase for SQLite)
 * @param mapper builds the staging type from the match (groups carry typmods)
 */
public record MappingRule(
        String source,
        String staging,
        String target,
        String note,
        Pattern pattern,
        Function<Matcher, StagingType> mapper) {

    static MappingRule of(
            String source,
            String staging,
            String target,
            String note,
            String regex,
            Function<Matcher, StagingType> mapper) {
        return new MappingRule(source, staging, target, note, Pattern.compile(regex), mapper);
    }
}
