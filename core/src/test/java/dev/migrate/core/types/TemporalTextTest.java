package dev.migrate.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemporalTextTest {

    @Test
    void eras() {
        assertThat(TemporalText.fromPostgresEra("0044-03-15 BC")).isEqualTo("-0043-03-15");
        assertThat(TemporalText.fromPostgresEra("0001-01-01 00:00:00+00 BC")).isEqualTo("0000-01-01 00:00:00+00");
        assertThat(TemporalText.fromPostgresEra("4714-11-24 BC")).isEqualTo("-4713-11-24");
        assertThat(TemporalText.fromPostgresEra("10000-01-01")).isEqualTo("10000-01-01");
    }

    @Test
    void offsets() {
        assertThat(TemporalText.normalizeOffset("Z")).isEqualTo("+00:00");
        assertThat(TemporalText.normalizeOffset("-03")).isEqualTo("-03:00");
        assertThat(TemporalText.normalizeOffset("+0530")).isEqualTo("+05:30");
        assertThat(TemporalText.normalizeOffset("+05:30:15")).isEqualTo("+05:30:15");
        assertThat(TemporalText.normalizeOffset("+05:30:00")).isEqualTo("+05:30");
        assertThatThrownBy(() -> TemporalText.normalizeOffset("+5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TemporalText.withNormalizedOffset("-0043-03-15 10:00:00-05"))
                .isEqualTo("-0043-03-15 10:00:00-05:00");
    }

    @Test
    void utc() {
        assertThat(TemporalText.toUtc("2024-01-01 01:00:00.500+05:30")).isEqualTo("2023-12-31 19:30:00.5+00:00");
        assertThat(TemporalText.toUtc("2024-01-01 10:00:00+00:00")).isEqualTo("2024-01-01 10:00:00+00:00");
        assertThat(TemporalText.toUtc("-0043-03-15 23:00:00-02:00")).isEqualTo("-0043-03-16 01:00:00+00:00");
        assertThat(TemporalText.toUtc("infinity")).isEqualTo("infinity");
        assertThatThrownBy(() -> TemporalText.toUtc("2024-01-01 10:00:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fractions() {
        assertThat(TemporalText.trimFraction("10:00:00.000")).isEqualTo("10:00:00");
        assertThat(TemporalText.trimFraction("10:00:00.120+05:30")).isEqualTo("10:00:00.12+05:30");
        assertThat(TemporalText.trimFraction("10:00:00.123456")).isEqualTo("10:00:00.123456");
    }
}
