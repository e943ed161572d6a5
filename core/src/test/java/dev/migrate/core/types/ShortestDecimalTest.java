package dev.migrate.core.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.canonical.SqliteValues;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShortestDecimalTest {

    @Test
    void shortestDecimalReadsBackAsTheSameDouble() {
        assertThat(ShortestDecimal.plain(0.1)).isEqualTo("0.1");
        assertThat(ShortestDecimal.plain(1.98)).isEqualTo("1.98");
        // JDK 17's Double.toString gives 1.9999999999999998E23 here; the shortest form is 2E23.
        assertThat(ShortestDecimal.plain(2e23)).isEqualTo("200000000000000000000000");
        assertThat(ShortestDecimal.plain(1e23)).isEqualTo("100000000000000000000000");
        for (double d : new double[] {0.1, 1e23, 2e23, 123456789012345.6, 5e-324, Double.MAX_VALUE, -3.14}) {
            assertThat(Double.parseDouble(ShortestDecimal.plain(d))).isEqualTo(d);
        }
    }

    @Test
    void realTextLooksLikeSqlite() {
        assertThat(SqliteValues.realText(12.0)).isEqualTo("12.0");
        assertThat(SqliteValues.realText(-3.14)).isEqualTo("-3.14");
        assertThat(SqliteValues.realText(1e20)).isEqualTo("1.0e+20");
        assertThat(SqliteValues.realText(1e-5)).isEqualTo("1.0e-05");
        assertThat(SqliteValues.realText(Double.POSITIVE_INFINITY)).isEqualTo("Inf");
    }

    @Test
    void randomDoublesRoundTripAndAreNeverLongerThanDoubleToString() {
        Random random = new Random(17);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            BigDecimal shortest = ShortestDecimal.of(d);
            assertThat(shortest.doubleValue()).isEqualTo(d);
            assertThat(shortest.stripTrailingZeros().precision())
                    .isLessThanOrEqualTo(new BigDecimal(Double.toString(d))
                            .stripTrailingZeros()
                            .precision());
        }
    }

    @Test
    void floatsToo() {
        assertThat(ShortestDecimal.of(0.1f)).isEqualByComparingTo("0.1");
        assertThat(ShortestDecimal.of(3.4028235e38f).floatValue()).isEqualTo(3.4028235e38f);
        assertThat(ShortestDecimal.of(-0.0f)).isEqualTo(BigDecimal.ZERO);
    }
}
