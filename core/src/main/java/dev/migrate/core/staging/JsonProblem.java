package dev.migrate.core.staging;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A JSON parse error of a staging file in words, for a one-line message: {@code " at line 49,
 * column 8: unexpected end of input (an object is not closed)"}. Jackson's own text carries
 * location boilerplate meant for developers ({@code [Source: REDACTED
 * (StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION disabled); line: 49, column: 8]}, {@code (code
 * 110)}); that is dropped, the position is said once, in words.
 */
final class JsonProblem {

    /** {@code " (start marker at [Source: ...; line: 49, column: 8])"}. */
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[[^\\]]*\\]\\)");
    /** {@code " [Source: ...; line: 1, column: 2]"} and {@code "at [Source: ...]"}. */
    private static final Pattern SOURCE = Pattern.compile("\\s*(?:at )?\\[Source:[^\\]]*\\]");
    /** {@code "(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION disabled)"} and the like. */
    private static final Pattern FEATURE = Pattern.compile("\\s*\\([A-Za-z]+Feature\\.[A-Z_]+ [a-z]+\\)");
    /** {@code "('n' (code 110))"} becomes {@code "'n'"}. */
    private static final Pattern CHARACTER = Pattern.compile("\\(('[^']{1,2}'|'''|'\\\\'') \\(code [^)]*\\)\\)");
    /** {@code "((CTRL-CHAR, code 10))"} becomes {@code "(control character 10)"}. */
    private static final Pattern CONTROL = Pattern.compile("\\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    private JsonProblem() {}

    /** {@code " at line L, column C: what"}, or {@code ": what"} when the position is unknown. */
    static String describe(JsonProcessingException e) {
        String what = words(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            String column = at.getColumnNr() > 0 ? ", column " + at.getColumnNr() : "";
            return " at line " + at.getLineNr() + column + ": " + what;
        }
        return ": " + what;
    }

    /** Jackson's message without its boilerplate, first line only, starting in lower case. */
    static String words(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable JSON";
        }
        String s = message;
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl);
        }
        s = START_MARKER.matcher(s).replaceAll("");
        s = SOURCE.matcher(s).replaceAll("");
        s = FEATURE.matcher(s).replaceAll("");
        s = CHARACTER.matcher(s).replaceAll("$1");
        s = CONTROL.matcher(s).replaceAll("(control character $1)");
        s = s.replace("Unexpected end-of-input", "unexpected end of input")
                .replace(": expected close marker for Object", " (an object is not closed)")
                .replace(": expected close marker for Array", " (an array is not closed)")
                .replace("was expecting", "expected")
                .strip();
        if (s.isEmpty()) {
            return "unreadable JSON";
        }
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
