package dev.migrate.core.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.types.TemporalText.Form;
import org.junit.jupiter.api.Test;

/** The ISO-8601 texts and epoch numbers applications store in SQLite (export-sqlite's profiling rule 12-14). */
class SqliteTemporalTextTest {

    @Test
    void readsTheIsoFormsApplicationsStore() {
        assertThat(TemporalText.parse("2024-02-29").form()).isEqualTo(Form.DATE);
        assertThat(TemporalText.parse("2024-02-29 13:45:01").timestamp()).isEqualTo("2024-02-29 13:45:01");
        assertThat(TemporalText.parse("2024-02-29T13:45:01.123456").timestamp())
                .isEqualTo("2024-02-29 13:45:01.123456");
        assertThat(TemporalText.parse("2024-02-29T13:45").timestamp()).isEqualTo("2024-02-29 13:45:00");
        assertThat(TemporalText.parse("2024-02-29 13:45:01.500").timestamp()).isEqualTo("2024-02-29 13:45:01.5");
        assertThat(TemporalText.parse("2024-02-29 13:45:01.1234560").timestamp())
                .isEqualTo("2024-02-29 13:45:01.123456");
    }

    @Test
    void readsAstronomicalYearsAsImportSqliteWritesThem() {
        assertThat(TemporalText.parse("-0043-03-15").date()).isEqualTo("-0043-03-15");
        assertThat(TemporalText.parse("10000-01-01 00:00:00").timestamp()).isEqualTo("10000-01-01 00:00:00");
        assertThat(TemporalText.parse("0000-02-29")).isNotNull(); // year 0 (1 BC) is a leap year
        assertThat(TemporalText.parse("-0001-02-29")).isNull();
    }

    @Test
    void keepsTheWrittenOffsetInCanonicalSpelling() {
        assertThat(TemporalText.parse("2024-01-01T10:00:00Z").timestamptz("?")).isEqualTo("2024-01-01 10:00:00+00:00");
        assertThat(TemporalText.parse("2024-01-01 10:00:00+0530").timestamptz("?"))
                .isEqualTo("2024-01-01 10:00:00+05:30");
        assertThat(TemporalText.parse("2024-01-01 10:00:00-08").timestamptz("?"))
                .isEqualTo("2024-01-01 10:00:00-08:00");
        assertThat(TemporalText.parse("2024-01-01 10:00:00").timestamptz("+00:00"))
                .isEqualTo("2024-01-01 10:00:00+00:00");
    }

    @Test
    void refusesWhatIsNotAValidDateOrWouldBeRounded() {
        assertThat(TemporalText.parse("2023-02-29")).isNull();
        assertThat(TemporalText.parse("2023-13-01")).isNull();
        assertThat(TemporalText.parse("2023-01-01 25:00:00")).isNull();
        assertThat(TemporalText.parse("2023-01-01 10:00:60")).isNull();
        assertThat(TemporalText.parse("2023-01-01 10:00:00.1234567")).isNull();
        assertThat(TemporalText.parse("2023-01-01 10:00:00+16:00")).isNull();
        assertThat(TemporalText.parse("01/02/2023")).isNull();
        assertThat(TemporalText.parse("2023-01-01 ")).isNull();
        assertThat(TemporalText.parse("now")).isNull();
    }

    @Test
    void convertsEpochNumbersToUtc() {
        assertThat(TemporalText.fromEpoch(1_627_303_906L, false)).isEqualTo("2021-07-26 12:51:46+00:00");
        assertThat(TemporalText.fromEpoch(1_627_303_906_122L, true)).isEqualTo("2021-07-26 12:51:46.122+00:00");
        assertThat(TemporalText.isMidnight(1_609_459_200L, false)).isTrue();
        assertThat(TemporalText.dateFromEpoch(1_609_459_200_000L, true)).isEqualTo("2021-01-01");
    }

    @Test
    void readsTimesOfDay() {
        assertThat(TemporalText.time("08:30")).isEqualTo("08:30:00");
        assertThat(TemporalText.time("24:00:00")).isEqualTo("24:00:00");
        assertThat(TemporalText.time("08:30:00+02:00")).isNull();
        assertThat(TemporalText.timeWithOffset("08:30:00.250+0200")).isEqualTo("08:30:00.25+02:00");
    }
}
