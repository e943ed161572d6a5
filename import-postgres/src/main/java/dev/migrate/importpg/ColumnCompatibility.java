package dev.migrate.importpg;

import static dev.migrate.core.types.StagingKind.*;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether staged columns can be loaded into an existing table ({@code --data-only}, tenant mode):
 * every staged column must exist in the target with a type whose input accepts the staged
 * values' text form without losing anything, and every target column the staging lacks must be
 * nullable or have a default.
 */
final class ColumnCompatibility {

    private static final Set<StagingKind> INTEGERS = EnumSet.of(INT16, INT32, INT64);
    private static final Set<StagingKind> NUMBERS = EnumSet.of(INT16, INT32, INT64, DECIMAL, FLOAT32, FLOAT64);
    private static final Set<StagingKind> TEXTUAL =
            EnumSet.of(TEXT, VARCHAR, CHAR, ENUM, UUID, JSON, JSONB, SOURCE_TEXT);

    /** Which target staging kinds accept which staged kinds (besides the same kind and source_text). */
    private static final Map<StagingKind, Set<StagingKind>> ACCEPTS = Map.ofEntries(
            Map.entry(INT16, INTEGERS),
            Map.entry(INT32, INTEGERS),
            Map.entry(INT64, INTEGERS),
            Map.entry(DECIMAL, NUMBERS),
            Map.entry(FLOAT32, NUMBERS),
            Map.entry(FLOAT64, NUMBERS),
            Map.entry(BOOLEAN, EnumSet.of(BOOLEAN)),
            Map.entry(BYTES, EnumSet.of(BYTES)),
            Map.entry(UUID, TEXTUAL),
            Map.entry(JSON, TEXTUAL),
            Map.entry(JSONB, TEXTUAL),
            Map.entry(ENUM, TEXTUAL),
            Map.entry(DATE, EnumSet.of(DATE)),
            Map.entry(TIME, EnumSet.of(TIME)),
            Map.entry(TIMETZ, EnumSet.of(TIMETZ, TIME)),
            Map.entry(TIMESTAMP, EnumSet.of(TIMESTAMP, DATE)),
            Map.entry(TIMESTAMPTZ, EnumSet.of(TIMESTAMPTZ, TIMESTAMP, DATE)),
            Map.entry(INTERVAL, EnumSet.of(INTERVAL)));

    private ColumnCompatibility() {}

    /** True when every value of {@code staged} loads into a column of {@code target} unchanged in meaning. */
    static boolean accepts(StagingType target, StagingType staged) {
        StagingKind t = target.kind();
        StagingKind s = staged.kind();
        if (s == SOURCE_TEXT) {
            return true; // the source's own text form: the server's input function decides
        }
        if (t == ARRAY || s == ARRAY) {
            return t == s && accepts(target.leaf(), staged.leaf());
        }
        if (t == s) {
            return true;
        }
        if (t == TEXT || t == VARCHAR || t == CHAR || t == SOURCE_TEXT) {
            return s != BYTES;
        }
        if (isText(s) && t != BYTES) {
            // A column the exporter had to widen to text (a value did not fit its declared type
            // there) may still hold values the target type takes: PostgreSQL parses each one, and
            // one it cannot take fails the import naming its row and column.
            return true;
        }
        Set<StagingKind> accepted = ACCEPTS.get(t);
        return accepted != null && accepted.contains(s);
    }

    static boolean isText(StagingKind k) {
        return k == TEXT || k == VARCHAR || k == CHAR || k == SOURCE_TEXT;
    }

    /**
     * The type a staged value is written as for a target column: its own, except text bound for
     * a date or timestamp column, which is written as the target type so that a canonical
     * astronomical year ({@code -0099-07-12}) reaches PostgreSQL as {@code 0100-07-12 BC}.
     */
    static StagingType encodingType(StagingType staged, StagingType target) {
        if (isText(staged.kind())
                && (target.kind() == DATE || target.kind() == TIMESTAMP || target.kind() == TIMESTAMPTZ)) {
            return target;
        }
        return staged;
    }

    /** Whether the staged column is text going into a non-text column (reported as a note). */
    static boolean parsedByServer(StagingType staged, StagingType target) {
        return isText(staged.kind())
                && !isText(target.kind())
                && target.kind() != staged.kind()
                && target.kind() != ENUM
                && target.kind() != JSON
                && target.kind() != JSONB
                && target.kind() != UUID;
    }

    /**
     * Problems that prevent loading {@code staged} into {@code target} (empty when compatible);
     * {@code ignored} are staged columns the caller handles itself, {@code supplied} target
     * columns it fills itself.
     */
    static List<String> problems(
            TableSchema staged, TargetCatalog.Table target, Set<String> ignored, Set<String> supplied) {
        List<String> problems = new ArrayList<>();
        for (ColumnSchema c : staged.columns()) {
            if (ignored.contains(c.name())) {
                continue;
            }
            var tc = target.column(c.name());
            if (tc.isEmpty()) {
                problems.add("column " + PgNames.describe(c.name()) + " is missing in the target");
            } else if (tc.get().generated() != '\0') {
                problems.add("column " + PgNames.describe(c.name()) + " is a generated column in the target");
            } else if (!accepts(tc.get().type(), c.type())) {
                problems.add("column " + PgNames.describe(c.name()) + " is " + c.type() + " in the staging but "
                        + tc.get().declaredType() + " in the target");
            }
        }
        for (TargetCatalog.Column tc : target.columns) {
            if (staged.column(tc.name()).isEmpty()
                    && !supplied.contains(tc.name())
                    && tc.notNull()
                    && !tc.hasDefault()) {
                problems.add("target column " + PgNames.describe(tc.name()) + " is NOT NULL without a default and"
                        + " the staging has no values for it");
            }
        }
        return problems;
    }

    /** Target columns the staging does not fill (they get their defaults or NULL), for the report. */
    static List<String> extraTargetColumns(TableSchema staged, TargetCatalog.Table target, Set<String> supplied) {
        List<String> extra = new ArrayList<>();
        for (TargetCatalog.Column tc : target.columns) {
            if (staged.column(tc.name()).isEmpty() && !supplied.contains(tc.name())) {
                extra.add(tc.name());
            }
        }
        return extra;
    }
}
