package dev.migrate.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import dev.migrate.core.staging.StagingJson;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    static final List<String> DOCUMENTS = List.of(
            "{\"a\":1}",
            "[1,2.50,-0,1e400,1E-7,12345678901234567890.123456789]",
            "{\"a\":{\"b\":[{},[],\"\",null,true,false]},\"a\":2}",
            "\"é😀 日本\"",
            "\"with \\\"escapes\\\" \\n \\u00e9 \\/\"",
            "null",
            "0");

    @Test
    void compactingAPrettyDocumentGivesTheCompactOneAndCompactTextIsReturnedAsIs() {
        for (String doc : DOCUMENTS) {
            String compact = JsonText.compact(doc);
            String pretty = " \n\t" + compact.replace(",", " ,\r\n ").replace(":", " : ") + "\n";
            if (!compact.contains("\\")) {
                // Commas and colons inside strings would be changed by the replace above.
                if (!compact.contains("\"é") && !compact.startsWith("\"")) {
                    assertThat(JsonText.compact(pretty)).as(pretty).isEqualTo(compact);
                }
                assertThat(JsonText.compact(compact)).isSameAs(compact);
            }
            assertThat(JsonText.compact(compact)).isEqualTo(compact);
        }
    }

    @Test
    void escapesAreNormalisedAndNumbersKeepTheirText() {
        assertThat(JsonText.compact("\"\\u00e9\\/\\u0041\"")).isEqualTo("\"é/A\"");
        assertThat(JsonText.compact("[ 1.50 , 1e400 , -0 ]")).isEqualTo("[1.50,1e400,-0]");
        assertThat(JsonText.compact("\"\\ud83d\\ude00\"")).isEqualTo("\"😀\"");
        assertThat(JsonText.compact("\"tab\\tnul\\u0000\"")).isEqualTo("\"tab\\tnul\\u0000\"");
    }

    @Test
    void invalidDocumentsAreRefusedOnTheShortcutToo() {
        for (String bad : List.of("{\"a\":}", "[1,]", "{\"a\"1}", "01", "[1]]", "tru", "{'a':1}", "", "[1][2]")) {
            assertThatThrownBy(() -> JsonText.compact(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThat(JsonText.isValid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void deepAndLargeDocumentsAreAccepted() {
        String deep = "[".repeat(5000) + "1" + "]".repeat(5000);
        assertThat(JsonText.compact(deep.replace("[", "[ "))).isEqualTo(deep);
        String longString = "\"" + "x".repeat(30_000_000) + "\"";
        assertThat(JsonText.compact(" " + longString)).hasSize(longString.length());
        String longNumber = "1" + "0".repeat(5000);
        assertThat(JsonText.compact(" " + longNumber)).isEqualTo(longNumber);
    }

    @Test
    void copyCurrentCopiesOneEmbeddedValueExactly() throws IOException {
        try (JsonParser p = StagingJson.FACTORY.createParser("{\"x\": [1e400, {\"k\": \"v\"}], \"y\": 2}")) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            assertThat(JsonText.copyCurrent(p)).isEqualTo("[1e400,{\"k\":\"v\"}]");
            p.nextToken();
            assertThat(p.currentName())
                    .as("the parser is left on the value's last token")
                    .isEqualTo("y");
        }
    }
}
