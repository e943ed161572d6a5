package dev.migrate.core.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts that let a canonical temporal text skip {@link TemporalText#parse}'s regular
 * expression ({@link TemporalText#isCanonicalDate}, {@link TemporalText#isCanonicalTimestamp},
 * {@link TemporalText#isCanonicalTime}): whatever they take, the parse path gives back unchanged,
 * so reading a value through either gives the same answer. Checked on hand-picked edges and on
 * thousands of mutations of canonical texts.
 */
class CanonicalTemporalShortcutTest {

    @Test
    void takesTheFormsImportSqliteWrites() {
        assertThat(TemporalText.isCanonicalDate("2024-02-29")).isTrue();
        assertThat(TemporalText.isCanonicalTimestamp("2024-02-29 13:45:01", false))
                .isTrue();
        assertThat(TemporalText.isCanonicalTimestamp("2024-02-29 13:45:01.123456", false))
                .isTrue();
        assertThat(TemporalText.isCanonicalTimestamp("2024-02-29 13:45:01.5+00:00", true))
                .isTrue();
        assertThat(TemporalText.isCanonicalTimestamp("1999-12-31 23:59:59-08:00", true))
                .isTrue();
        assertThat(TemporalText.isCanonicalTime("13:45:01.25")).isTrue();
        assertThat(TemporalText.isCanonicalTime("24:00:00")).isTrue();
    }

    @Test
    void leavesEveryOtherSpellingToParse() {
        for (String s : List.of("2024-02-30", "2023-02-29", "2024-2-29", "+2024-01-01", "-0000-01-01", "20240-01-01")) {
            assertThat(TemporalText.isCanonicalDate(s)).as(s).isFalse();
        }
        for (String s : List.of(
                "2024-02-29T13:45:01",
                "2024-02-29 13:45",
                "2024-02-29 13:45:01.500",
                "2024-02-29 13:45:01.1234567",
                "2024-02-29 24:00:00",
                "2024-02-29 13:60:00",
                "2024-02-30 13:45:01",
                "2024-02-29 13:45:01Z")) {
            assertThat(TemporalText.isCanonicalTimestamp(s, false)).as(s).isFalse();
        }
        for (String s : List.of(
                "2024-02-29 13:45:01",
                "2024-02-29 13:45:01Z",
                "2024-02-29 13:45:01+0530",
                "2024-02-29 13:45:01+05",
                "2024-02-29 13:45:01-00:00",
                "2024-02-29 13:45:01+16:00",
                "2024-02-29 13:45:01+05:30:00",
                "2024-02-29 13:45:01.10+00:00")) {
            assertThat(TemporalText.isCanonicalTimestamp(s, true)).as(s).isFalse();
        }
        for (String s : List.of("13:45", "13:45:01.50", "24:00:01", "13:45:01+00:00", "1:45:01")) {
            assertThat(TemporalText.isCanonicalTime(s)).as(s).isFalse();
        }
    }

    @Test
    void whatTheShortcutsTakeParseGivesBackUnchanged() {
        int taken = 0;
        for (String s : catalogue()) {
            if (TemporalText.isCanonicalDate(s)) {
                TemporalText.Parsed p = TemporalText.parse(s);
                assertThat(p).as(s).isNotNull();
                assertThat(p.form()).as(s).isEqualTo(TemporalText.Form.DATE);
                assertThat(p.date()).as(s).isEqualTo(s);
                taken++;
            }
            if (TemporalText.isCanonicalTimestamp(s, false)) {
                TemporalText.Parsed p = TemporalText.parse(s);
                assertThat(p).as(s).isNotNull();
                assertThat(p.offset()).as(s).isNull();
                assertThat(p.timestamp()).as(s).isEqualTo(s);
                taken++;
            }
            if (TemporalText.isCanonicalTimestamp(s, true)) {
                TemporalText.Parsed p = TemporalText.parse(s);
                assertThat(p).as(s).isNotNull();
                assertThat(p.timestamptz("+00:00")).as(s).isEqualTo(s);
                taken++;
            }
            if (TemporalText.isCanonicalTime(s)) {
                assertThat(TemporalText.time(s)).as(s).isEqualTo(s);
                taken++;
            }
        }
        assertThat(taken).isGreaterThan(1000);
    }

    /** Canonical texts of each kind and single-character mutations of them. */
    private static List<String> catalogue() {
        Random random = new Random(20261122);
        List<String> base = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String day = String.format(
                    "%04d-%02d-%02d", random.nextInt(3000), 1 + random.nextInt(12), 1 + random.nextInt(31));
            String clock = String.format("%02d:%02d:%02d", random.nextInt(25), random.nextInt(61), random.nextInt(61));
            String fraction = random.nextBoolean() ? "" : "." + Integer.toString(1 + random.nextInt(999999));
            String offset = switch (random.nextInt(4)) {
                case 0 -> "+00:00";
                case 1 -> String.format("-%02d:%02d", random.nextInt(17), random.nextInt(60));
                case 2 -> String.format("+%02d:%02d", random.nextInt(17), random.nextInt(60));
                default -> String.format("+%02d:%02d:%02d", random.nextInt(16), random.nextInt(60), random.nextInt(60));
            };
            base.add(day);
            base.add(day + " " + clock + fraction);
            base.add(day + " " + clock + fraction + offset);
            base.add(clock + fraction);
        }
        String alphabet = "0123456789-: .+TZ";
        List<String> out = new ArrayList<>(base);
        for (String s : base) {
            for (int k = 0; k < 6; k++) {
                StringBuilder b = new StringBuilder(s);
                int at = random.nextInt(b.length());
                switch (random.nextInt(3)) {
                    case 0 -> b.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> b.deleteCharAt(at);
                    default -> b.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
