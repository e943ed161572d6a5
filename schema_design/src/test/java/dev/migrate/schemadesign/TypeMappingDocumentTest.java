package dev.migrate.schemadesign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.migrate.core.mapping.MappingRule;
import dev.migrate.core.mapping.TypeMappingDocument;
import dev.migrate.core.mapping.TypeMappings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code schema_design/type-mapping.md} must be exactly what {@link TypeMappingDocument#render()}
 * produces from the mapping tables, so the document and the code cannot disagree.
 */
class TypeMappingDocumentTest {

    /** Maven runs the tests of this module with the module directory as working directory. */
    private static final Path DOCUMENT = Path.of("type-mapping.md");

    private static final Path EXPECTED = Path.of("target", "type-mapping.md");

    @Test
    void theDocumentIsRenderedFromTheMappingTables() throws Exception {
        String expected = TypeMappingDocument.render();
        Files.createDirectories(EXPECTED.getParent());
        Files.writeString(EXPECTED, expected, StandardCharsets.UTF_8);
        String actual = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        if (!actual.equals(expected)) {
            fail("schema_design/type-mapping.md differs from TypeMappingDocument.render() (first difference at line "
                    + firstDifferentLine(actual, expected) + "). It is generated from TypeMappings; regenerate it"
                    + " from the repository root with: cp schema_design/target/type-mapping.md"
                    + " schema_design/type-mapping.md");
        }
    }

    @Test
    void everyRuleOfBothTablesIsInTheDocument() throws Exception {
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        for (MappingRule rule : TypeMappings.POSTGRES_TO_STAGING) {
            assertThat(document).contains("| `" + rule.source().replace("|", "\\|") + "` | `" + rule.staging() + "` |");
        }
        for (MappingRule rule : TypeMappings.SQLITE_TO_STAGING) {
            assertThat(document).contains("| `" + rule.source().replace("|", "\\|") + "` | `" + rule.staging() + "` |");
        }
        assertThat(document)
                .contains(
                        "## The SQLite declared-type convention",
                        "## Canonical SQLite storage forms",
                        "## Round trips");
    }

    private static int firstDifferentLine(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
