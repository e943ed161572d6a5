package dev.migrate.exportsqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Include/exclude glob patterns over table names. Globs as in a shell: {@code *} any run,
 * {@code ?} one character, {@code [abc]} / {@code [a-z]} / {@code [!a]} a class; everything else
 * literal. Matching ignores ASCII case because SQLite table names do.
 */
final class TableFilter {

    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final List<String> includeGlobs;

    TableFilter(List<String> includeGlobs, List<String> excludeGlobs) {
        this.includeGlobs = includeGlobs;
        this.include = includeGlobs.stream().map(TableFilter::compile).toList();
        this.exclude = excludeGlobs.stream().map(TableFilter::compile).toList();
    }

    boolean accepts(String table) {
        boolean in = include.isEmpty()
                || include.stream().anyMatch(p -> p.matcher(table).matches());
        return in && exclude.stream().noneMatch(p -> p.matcher(table).matches());
    }

    /** The items whose name is accepted, in their order. */
    <T> List<T> select(List<T> items, Function<T, String> name) {
        return items.stream().filter(t -> accepts(name.apply(t))).toList();
    }

    /** Include patterns that matched none of the names (worth a warning: probably a typo). */
    List<String> unmatchedIncludes(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < include.size(); i++) {
            Pattern p = include.get(i);
            if (names.stream().noneMatch(n -> p.matcher(n).matches())) {
                out.add(includeGlobs.get(i));
            }
        }
        return out;
    }

    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '[' -> {
                    int close = glob.indexOf(']', i + 2);
                    if (close < 0) {
                        re.append(Pattern.quote("["));
                    } else {
                        String body = glob.substring(i + 1, close);
                        boolean negated = body.startsWith("!") || body.startsWith("^");
                        if (negated) {
                            body = body.substring(1);
                        }
                        re.append('[').append(negated ? "^" : "");
                        for (char b : body.toCharArray()) {
                            // '-' keeps its range meaning; anything else that is not a letter or digit is escaped.
                            if (b == '-' || Character.isLetterOrDigit(b)) {
                                re.append(b);
                            } else {
                                re.append('\\').append(b);
                            }
                        }
                        re.append(']');
                        i = close;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
