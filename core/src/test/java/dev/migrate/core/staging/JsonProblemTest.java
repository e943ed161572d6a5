package dev.migrate.core.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonProblemTest {

    private static JsonProcessingException parse(byte[] json) {
        return catchThrowableOfType(JsonProcessingException.class, () -> StagingJson.MAPPER.readTree(json));
    }

    private static JsonProcessingException parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnclosedObjectSaysWhereTheInputEnds() {
        assertThat(JsonProblem.describe(parse("{\n  \"a\": {\n    \"b\": 1")))
                .isEqualTo(" at line 3, column 11: unexpected end of input (an object is not closed)");
    }

    @Test
    void anUnexpectedCharacterIsNamedWithoutItsCode() {
        assertThat(JsonProblem.describe(parse("{ nope }")))
                .isEqualTo(" at line 1, column 3: unexpected character 'n': expected double-quote to start field name");
    }

    @Test
    void invalidUtf8() {
        assertThat(JsonProblem.describe(parse(new byte[] {'[', '"', (byte) 0xff, '"', ']'})))
                .startsWith(" at line 1, column ")
                .contains("invalid UTF-8 start byte 0xff")
                .doesNotContain("Source")
                .doesNotContain("code");
    }

    @Test
    void jacksonsLocationBoilerplateIsDropped() {
        assertThat(JsonProblem.words("Unexpected end-of-input: expected close marker for Object (start marker at"
                        + " [Source: REDACTED (StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION disabled); line: 49,"
                        + " column: 8])"))
                .isEqualTo("unexpected end of input (an object is not closed)");
        assertThat(JsonProblem.words("Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped"))
                .isEqualTo("illegal unquoted character (control character 10): has to be escaped");
        assertThat(JsonProblem.words(null)).isEqualTo("unreadable JSON");
    }
}
