package dev.migrate.core.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical uuid text is recognised exactly, the same over a String and over its UTF-8. */
class UuidTextTest {

    private static boolean both(String s) {
        byte[] utf8 = ("xx" + s + "yy").getBytes(StandardCharsets.UTF_8);
        boolean bytes = UuidText.isCanonical(utf8, 2, utf8.length - 4);
        assertThat(UuidText.isCanonical(s))
                .as("String and bytes agree on %s", s)
                .isEqualTo(bytes);
        return bytes;
    }

    @Test
    void theLowerCaseHyphenatedFormIsCanonical() {
        assertThat(both("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")).isTrue();
        assertThat(both("00000000-0000-0000-0000-000000000000")).isTrue();
        assertThat(both("ffffffff-ffff-ffff-ffff-ffffffffffff")).isTrue();
        for (int i = 0; i < 1000; i++) {
            UUID u = new UUID(
                    ThreadLocalRandom.current().nextLong(),
                    ThreadLocalRandom.current().nextLong());
            assertThat(both(u.toString())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "A0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", // upper case
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380A11",
                "g0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", // not hex
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1/",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1:",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1`",
                "a0eebc999-c0b-4ef8-bb6d-6bb9bd380a11", // hyphen misplaced
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", // short
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111", // long
                "a0eebc999c0b4ef8bb6d6bb9bd380a11", // no hyphens
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\u00e9", // non-ASCII, 37 UTF-8 bytes
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380\u00e91", // non-ASCII, 37 UTF-8 bytes
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd3\u0660a11", // a digit that is not ASCII
                " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1",
                "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\0",
                ""
            })
    void anythingElseIsNot(String s) {
        assertThat(both(s)).isFalse();
    }

    @Test
    void aNonAsciiCharOfThirtySixBytesIsNot() {
        // 34 ASCII chars and one two-byte char: 36 bytes, 35 chars.
        byte[] utf8 = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(utf8).hasSize(UuidText.LENGTH);
        assertThat(UuidText.isCanonical(utf8, 0, utf8.length)).isFalse();
    }

    @Test
    void theCodecTakesTheCanonicalFormAsItIsAndLowersTheRest() {
        ValueCodec codec = Codecs.forType(StagingType.of(StagingKind.UUID));
        String canonical = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
        assertThat(codec.canonical(canonical)).isSameAs(canonical);
        assertThat(codec.canonical("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")).isEqualTo(canonical);
    }
}
