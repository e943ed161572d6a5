package dev.migrate.importpg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** COPY text as the server reads it: integers in decimal, text escaped and UTF-8 encoded. */
class CopyBufferTest {

    private static String encoded(CopyBuffer b) {
        return new String(b.array(), 0, b.length(), StandardCharsets.UTF_8);
    }

    @Test
    void integersAreWrittenAsLongToStringWritesThem() {
        long[] values = {
            0,
            1,
            -1,
            9,
            10,
            99,
            100,
            1234567890,
            -2147483648L,
            2147483647L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            Long.MIN_VALUE + 1,
            1_000_000_000_000_000_000L,
            -999_999_999_999_999_999L
        };
        CopyBuffer b = new CopyBuffer();
        StringBuilder expected = new StringBuilder();
        for (long v : values) {
            b.decimal(v);
            b.tab();
            expected.append(v).append('\t');
        }
        assertThat(encoded(b)).isEqualTo(expected.toString());
    }

    @Test
    void textIsEscapedWhereverTheSpecialCharacterIs() {
        CopyBuffer b = new CopyBuffer();
        b.text("plain ascii ~");
        b.tab();
        b.text("a\\b\tc\nd\re");
        b.tab();
        b.text("\\start");
        b.tab();
        b.text("end\n");
        b.tab();
        b.text("caf\u00e9 \u20ac \ud83d\ude00 x\u007f");
        b.tab();
        b.text("");
        assertThat(encoded(b))
                .isEqualTo("plain ascii ~\ta\\\\b\\tc\\nd\\re\t\\\\start\tend\\n\tcaf\u00e9 \u20ac \ud83d\ude00"
                        + " x\u007f\t");
    }

    @Test
    void nulAndUnpairedSurrogatesAreRefusedAfterAnAsciiPrefix() {
        assertThatThrownBy(() -> new CopyBuffer().text("abc\0def")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> new CopyBuffer().text("abc\ud800")).hasMessageContaining("surrogate");
    }

    @Test
    void longTextGrowsTheBuffer() {
        String big = "x".repeat(300_000) + "\u00e9";
        CopyBuffer b = new CopyBuffer();
        b.text(big);
        assertThat(encoded(b)).isEqualTo(big);
    }
}
