package dev.migrate.exportpg;

import dev.migrate.core.schema.SkippedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --include-table} / {@code --exclude-table}: globs with {@code *} and {@code ?}, matched
 * against the table name, or against {@code schema.table} when the glob contains a dot.
 * Case-sensitive, like PostgreSQL's quoted names.
 */
final class TableGlobs {

    private final List<String> includes;
    private final List<String> excludes;
    private final List<Pattern> includePatterns;
    private final List<Pattern> excludePatterns;

    TableGlobs(List<String> includes, List<String> excludes) {
        this.includes = includes;
        this.excludes = excludes;
        this.includePatterns = includes.stream().map(TableGlobs::compile).toList();
        this.excludePatterns = excludes.stream().map(TableGlobs::compile).toList();
    }

    /**
     * The tables to export, in the given order. Excluded tables are named in {@code skipped}; a glob
     * that matches nothing is a warning (a typo should not pass unnoticed).
     */
    List<SourceTable> select(List<SourceTable> all, List<String> warnings, List<SkippedObject> skipped) {
        List<SourceTable> out = new ArrayList<>();
        boolean[] includeUsed = new boolean[includes.size()];
        boolean[] excludeUsed = new boolean[excludes.size()];
        for (SourceTable t : all) {
            boolean in = includePatterns.isEmpty();
            for (int i = 0; i < includePatterns.size(); i++) {
                if (matches(includes.get(i), includePatterns.get(i), t)) {
                    in = true;
                    includeUsed[i] = true;
                }
            }
            boolean out1 = false;
            for (int i = 0; i < excludePatterns.size(); i++) {
                if (matches(excludes.get(i), excludePatterns.get(i), t)) {
                    out1 = true;
                    excludeUsed[i] = true;
                }
            }
            if (in && !out1) {
                out.add(t);
            } else {
                skipped.add(new SkippedObject(
                        "table",
                        t.name(),
                        out1 ? "excluded by --exclude-table" : "not matched by --include-table",
                        null));
            }
        }
        for (int i = 0; i < includes.size(); i++) {
            if (!includeUsed[i]) {
                warnings.add("--include-table " + includes.get(i) + " matches no table");
            }
        }
        for (int i = 0; i < excludes.size(); i++) {
            if (!excludeUsed[i]) {
                warnings.add("--exclude-table " + excludes.get(i) + " matches no table");
            }
        }
        return out;
    }

    private static boolean matches(String glob, Pattern p, SourceTable t) {
        String subject = glob.contains(".") ? t.schemaName() + "." + t.name() : t.name();
        return p.matcher(subject).matches();
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
