package dev.migrate.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The result of a validation, written as {@code validation_report.json} (snake_case fields).
 *
 * @param timestamp when validation finished, ISO-8601 UTC
 * @param source the source, described without secrets
 * @param target the target, described without secrets
 * @param stagingDir the staging directory whose manifest defined the comparison
 * @param userEmail the tenant's email, or null
 * @param userId the tenant's key as text, or null
 * @param tables one entry per compared table, in the manifest's order
 * @param rules one entry per domain rule
 * @param errors problems that make the validation FAIL, one line each
 * @param warnings things worth knowing that do not fail it
 * @param notes how the checks were made where that is not the obvious way (a check taken over from
 *     the import that ran on the same file moments before), one line each
 * @param overallStatus {@code PASS} or {@code FAIL}
 * @param seconds how long validation took
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
    "timestamp",
    "overall_status",
    "source",
    "target",
    "staging_dir",
    "user_email",
    "user_id",
    "tables",
    "rules",
    "errors",
    "warnings",
    "notes",
    "seconds"
})
public record ValidationReport(
        String timestamp,
        String source,
        String target,
        String stagingDir,
        String userEmail,
        String userId,
        List<TableResult> tables,
        List<RuleResult> rules,
        List<String> errors,
        List<String> warnings,
        List<String> notes,
        String overallStatus,
        double seconds) {

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";

    public boolean passed() {
        return PASS.equals(overallStatus);
    }

    /**
     * The comparison of one table.
     *
     * @param table the table as the manifest names it
     * @param sourceTable the table's name on the source side
     * @param targetTable the table's name on the target side
     * @param selection how rows were chosen on each side ({@code all}, {@code user}, {@code owned},
     *     {@code per_user}, {@code keys of the other side})
     * @param columns how many columns were compared
     * @param sourceCount rows on the source side (after the tenant selection)
     * @param targetCount rows on the target side (after the tenant selection)
     * @param countMatch whether the counts are equal
     * @param checksumMatch whether the content checksums are equal
     * @param sourceChecksum the source's checksum: 128-bit sum of row hashes, hex
     * @param targetChecksum the target's checksum
     * @param differingRows how many rows differ in all (only computed on a mismatch), or null
     * @param firstMismatchingKeys the first differing rows by key
     * @param notes anything particular about this table's comparison
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TableResult(
            String table,
            String sourceTable,
            String targetTable,
            String selection,
            int columns,
            long sourceCount,
            long targetCount,
            boolean countMatch,
            boolean checksumMatch,
            String sourceChecksum,
            String targetChecksum,
            Long differingRows,
            List<MismatchedKey> firstMismatchingKeys,
            List<String> notes) {

        public boolean matches() {
            return countMatch && checksumMatch;
        }
    }

    /**
     * One differing row.
     *
     * @param key the row's key columns and canonical values (a few leading columns for a table
     *     without a comparable key)
     * @param kind {@code missing_in_target}, {@code extra_in_target} or {@code values_differ}
     * @param columns the differing columns, for {@code values_differ}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record MismatchedKey(Map<String, String> key, String kind, List<String> columns) {
        public static final String MISSING = "missing_in_target";
        public static final String EXTRA = "extra_in_target";
        public static final String DIFFER = "values_differ";
    }

    /**
     * One domain rule.
     *
     * @param rule the rule's text
     * @param table the table it was evaluated on (target side name)
     * @param checkedRows rows checked
     * @param violations rows that break the rule
     * @param firstViolatingKeys the first of them
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RuleResult(
            String rule,
            String table,
            long checkedRows,
            long violations,
            List<Map<String, String>> firstViolatingKeys) {}
}
