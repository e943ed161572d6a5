package dev.migrate.exportpg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.schema.ColumnSchema;
import dev.migrate.core.schema.EnumType;
import dev.migrate.core.schema.ForeignKey;
import dev.migrate.core.schema.Identity;
import dev.migrate.core.schema.IndexSchema;
import dev.migrate.core.schema.SchemaSnapshot;
import dev.migrate.core.schema.TableSchema;
import dev.migrate.core.schema.UniqueConstraint;
import dev.migrate.core.staging.StagingReader;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every type the PostgreSQL mapping knows, with edge values, exported and read back through the
 * verifying {@link StagingReader}: each value is asserted, not only counted.
 */
class TypeCoverageTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    static Path tmp;

    static Path dir;
    static ExportResult result;
    static SchemaSnapshot schema;

    @BeforeAll
    static void export() throws Exception {
        db.runScript(
                Path.of(TypeCoverageTest.class.getResource("type_coverage.sql").toURI()));
        dir = tmp.resolve("staging");
        result = new PostgresExporter(Staged.options(db, dir).build()).run();
        schema = StagingReader.open(dir).manifest().schema();
    }

    /** The values of one column in id order. */
    private static List<Object> column(String table, String column) {
        return Staged.rows(dir, table).stream()
                .sorted((a, b) -> Long.compare((Long) a.get("id"), (Long) b.get("id")))
                .map(r -> r.get(column))
                .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
    }

    private static StagingType type(String table, String column) {
        return schema.table(table).orElseThrow().column(column).orElseThrow().type();
    }

    private static List<Object> values(Object... v) {
        return Arrays.asList(v);
    }

    @Test
    void floatsKeepNaNInfinitiesNegativeZeroAndEveryDigit() {
        assertThat(type("floats", "f8").kind()).isEqualTo(StagingKind.FLOAT64);
        assertThat(type("floats", "f4").kind()).isEqualTo(StagingKind.FLOAT32);
        assertThat(column("floats", "f8"))
                .containsExactly(
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        -0.0,
                        0.30000000000000004,
                        1e-300,
                        1.7976931348623157e308,
                        4.9e-324,
                        null);
        assertThat(column("floats", "f4"))
                .containsExactly(
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        -0.0,
                        24.123457,
                        1e-30,
                        3.4028235e38,
                        1.4e-45,
                        null);
    }

    @Test
    void numericsKeepEveryDigitScaleAndSpecialValues() {
        assertThat(type("numerics", "n")).isEqualTo(StagingType.decimal(null, null));
        assertThat(type("numerics", "n4020")).isEqualTo(StagingType.decimal(40, 20));
        assertThat(column("numerics", "n"))
                .containsExactly(
                        "1234567890123456789012345678901234567890",
                        "NaN",
                        "Infinity",
                        "-Infinity",
                        "-0.000000000000000000000000000001",
                        "12.50",
                        "0.00001",
                        null);
        assertThat(column("numerics", "n4020"))
                .containsExactly(
                        "12345678901234567890.12345678901234567890",
                        "-0.00000000000000000001",
                        "0.00000000000000000000",
                        null,
                        "1.50000000000000000000",
                        "2.50000000000000000000",
                        null,
                        null);
    }

    @Test
    void moneyIsExportedAsPlainNumeric() {
        ColumnSchema m = schema.table("numerics").orElseThrow().column("m").orElseThrow();
        assertThat(m.sourceType()).isEqualTo("money");
        assertThat(m.type().kind()).isEqualTo(StagingKind.DECIMAL);
        assertThat(column("numerics", "m"))
                .containsExactly("12.34", "-1234567.89", "0.00", null, "0.01", "92233720368547758.07", null, null);
    }

    @Test
    void domainsResolveToTheirBaseTypeAndAreNamedAsNotMigrated() {
        ColumnSchema p = schema.table("numerics").orElseThrow().column("p").orElseThrow();
        assertThat(p.sourceType()).isEqualTo("price");
        assertThat(p.type()).isEqualTo(StagingType.decimal(10, 2));
        assertThat(p.note()).contains("domain price over numeric(10,2)");
        // A domain over a domain resolves to the innermost base type and typmod.
        assertThat(type("numerics", "sp")).isEqualTo(StagingType.decimal(10, 2));
        assertThat(column("numerics", "sp")).containsExactly("0.50", "0.00", null, null, "1.00", "12.50", null, null);
        assertThat(type("texts", "em")).isEqualTo(StagingType.varchar(64));
        assertThat(type("arrays", "il")).isEqualTo(StagingType.array(StagingType.of(StagingKind.INT32), 1));
        assertThat(type("arrays", "pos")).isEqualTo(StagingType.array(StagingType.of(StagingKind.INT32), 1));
        assertThat(result.warnings())
                .contains(
                        "not migrated: domain posint (domains are not migrated: their columns are exported as the base"
                                + " type and the domain's constraints are lost)");
        assertThat(schema.skipped()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo("domain");
            assertThat(s.name()).isEqualTo("short_email");
            assertThat(s.definition()).contains("CHECK").contains("@");
        });
    }

    @Test
    void temporalValuesTakeTheCanonicalForms() {
        assertThat(column("temporals", "d"))
                .containsExactly(
                        "2024-02-29",
                        "-0043-03-15",
                        "0000-01-01",
                        "infinity",
                        "-infinity",
                        "5874897-12-31",
                        "-4712-01-01",
                        null);
        assertThat(column("temporals", "ts"))
                .containsExactly(
                        "2024-01-01 10:00:00.123456",
                        "-0043-03-15 12:00:00",
                        "infinity",
                        "-infinity",
                        "294276-12-31 23:59:59.999999",
                        "-4712-01-01 00:00:00",
                        null,
                        null);
        assertThat(column("temporals", "tstz"))
                .containsExactly(
                        "2024-01-01 08:00:00.123456+00:00",
                        "0000-01-01 00:00:00+00:00",
                        "infinity",
                        "-infinity",
                        "1969-07-21 01:17:40+00:00",
                        "1999-12-31 10:00:00.000001+00:00",
                        null,
                        null);
        assertThat(column("temporals", "t"))
                .containsExactly("24:00:00", "00:00:00", "12:00:00.5", "23:59:59.999999", null, null, null, null);
        assertThat(column("temporals", "ttz"))
                .containsExactly(
                        "07:30:00+02:00",
                        "23:15:30.25-03:30",
                        "12:00:00+00:00",
                        "12:00:00-09:30",
                        null,
                        null,
                        null,
                        null);
        assertThat(column("temporals", "iv"))
                .containsExactly(
                        "P1Y2M3DT4H5M6.789S", "PT-5H", "PT0S", "P1DT-2H", "PT-0.5S", "P178000000Y", "P1MT-3S", null);
        assertThat(type("temporals", "ts3")).isEqualTo(StagingType.temporal(StagingKind.TIMESTAMP, 3));
        assertThat(column("temporals", "ts3").get(0)).isEqualTo("2024-01-01 10:00:00.124");
        assertThat(type("temporals", "t0")).isEqualTo(StagingType.temporal(StagingKind.TIME, 0));
        assertThat(column("temporals", "t0").get(0)).isEqualTo("10:00:01");
    }

    @Test
    void textLikeValuesAreExact() {
        assertThat(column("texts", "t"))
                .containsExactly(
                        "plain",
                        "",
                        "quotes ' \" and \\ backslash",
                        "line\nbreak\ttab\rcr and emoji 😀 東京 e\u0301",
                        "NULL",
                        null,
                        null);
        assertThat(type("texts", "vc")).isEqualTo(StagingType.varchar(10));
        assertThat(column("texts", "vc")).containsExactly("abc", "", "0123456789", "NULL", null, null, null);
        // char(n) keeps its blank padding
        assertThat(type("texts", "c")).isEqualTo(StagingType.character(5));
        assertThat(column("texts", "c")).containsExactly("ab   ", "     ", "abcde", null, null, null, null);
        assertThat(type("texts", "nm").kind()).isEqualTo(StagingKind.TEXT);
        assertThat(column("texts", "nm")).containsExactly("pg_name", "", "x", null, null, null, null);
        assertThat(column("texts", "u"))
                .containsExactly(
                        "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                        "00000000-0000-0000-0000-000000000000",
                        null,
                        null,
                        null,
                        null,
                        null);
        assertThat(column("texts", "b")).containsExactly(true, false, null, null, null, null, null);
    }

    @Test
    void jsonKeepsItsExactTextAndJsonbIsCompact() {
        assertThat(column("texts", "j"))
                .containsExactly(
                        "{\"a\": 1,  \"a\":2}", "[]", "{\n\t\"x\": 1.0e2\n}", "\"just a string\"", null, null, null);
        assertThat(column("texts", "jb"))
                .containsExactly(
                        "{\"a\":[1,null,\"x\"],\"b\":2,\"u\":\"é\"}",
                        "null",
                        "12.50",
                        "{\"deep\":{\"a\":[[],{}],\"b\":null}}",
                        "[1,2.0,1" + "0".repeat(400) + "]",
                        null,
                        null);
    }

    @Test
    void byteaKeepsEveryByte() {
        List<Object> bins = column("texts", "bin");
        assertThat((byte[]) bins.get(0)).containsExactly(0, 1, 2);
        assertThat((byte[]) bins.get(1)).isEmpty();
        assertThat((byte[]) bins.get(2)).containsExactly(0);
        assertThat(bins.get(3)).isNull();
        byte[] all = (byte[]) bins.get(6);
        assertThat(all).hasSize(256);
        for (int i = 0; i < 256; i++) {
            assertThat(all[i]).isEqualTo((byte) i);
        }
    }

    @Test
    void enumsCarryTheirNameAndLabels() {
        assertThat(type("texts", "e")).isEqualTo(StagingType.enumOf("mood"));
        assertThat(schema.enums()).containsExactly(new EnumType("mood", List.of("happy", "sad", "it's complicated")));
        assertThat(column("texts", "e")).containsExactly("happy", "it's complicated", "sad", null, null, null, null);
    }

    @Test
    void arraysKeepNullsQuotesCommasDimensionsAndElementForms() {
        List<Map<String, Object>> rows = Staged.rows(dir, "arrays").stream()
                .sorted((a, b) -> Long.compare((Long) a.get("id"), (Long) b.get("id")))
                .toList();
        Map<String, Object> r = rows.get(0);
        assertThat(r.get("ints")).isEqualTo(values(1L, null, 3L));
        assertThat(r.get("grid")).isEqualTo(List.of(List.of(1L, 2L), List.of(3L, 4L)));
        assertThat(type("arrays", "grid").dimensions()).isEqualTo(2);
        assertThat(r.get("txt")).isEqualTo(values("a,b", "say \"hi\"", null, "NULL", "", "back\\slash", "{braces}"));
        assertThat(r.get("txt2")).isEqualTo(List.of(values("a", null), values("", "d")));
        assertThat(r.get("f8s"))
                .isEqualTo(values(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1.5));
        assertThat(r.get("nums")).isEqualTo(values("1.50", "NaN", "-0.001"));
        assertThat(r.get("tstz")).isEqualTo(values("2024-01-01 08:00:00+00:00", "infinity"));
        assertThat(r.get("dates")).isEqualTo(values("-0043-03-15", "2024-01-01"));
        List<?> bins = (List<?>) r.get("bins");
        assertThat((byte[]) bins.get(0)).containsExactly(0, 255);
        assertThat(bins.get(1)).isNull();
        assertThat((byte[]) bins.get(2)).isEmpty();
        assertThat(r.get("bools")).isEqualTo(values(true, false, null));
        assertThat(r.get("jbs")).isEqualTo(values("{\"a\":2,\"b\":1}", "null"));
        assertThat(r.get("uuids")).isEqualTo(values("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(r.get("chars")).isEqualTo(values("a  ", "abc"));
        assertThat(r.get("moods")).isEqualTo(values("happy", "it's complicated"));
        assertThat(r.get("money")).isEqualTo(values("12.34", "-1.00"));
        assertThat(r.get("ivs")).isEqualTo(values("P1D", "PT-5H"));
        assertThat(r.get("il")).isEqualTo(values(7L, 8L));
        assertThat(r.get("pos")).isEqualTo(values(1L, 2L));
        for (Map.Entry<String, Object> e : rows.get(1).entrySet()) {
            if (!e.getKey().equals("id")) {
                assertThat(e.getValue()).as(e.getKey()).isEqualTo(List.of());
            }
        }
        rows.get(2)
                .forEach((k, v) -> assertThat(k.equals("id") || v == null).as(k).isTrue());
        assertThat(type("arrays", "moods")).isEqualTo(StagingType.array(StagingType.enumOf("mood"), 1));
    }

    @Test
    void typesWithoutARuleFallBackToTheirTextAndAreNamed() {
        Map<String, Object> r = Staged.rows(dir, "fallbacks").stream()
                .filter(m -> m.get("id").equals(1L))
                .findFirst()
                .orElseThrow();
        assertThat(r)
                .containsEntry("ip", "192.168.0.1/24")
                .containsEntry("net", "10.0.0.0/8")
                .containsEntry("mac", "08:00:2b:01:02:03")
                .containsEntry("tsv", "'a' 'cat' 'fat' 'sat'")
                .containsEntry("doc", "<a>1</a>")
                .containsEntry("pt", "(1,2)")
                .containsEntry("bits", "1010")
                .containsEntry("rng", "[1,5)")
                .containsEntry("ch", "x");
        TableSchema t = schema.table("fallbacks").orElseThrow();
        for (String c : List.of("ip", "net", "mac", "tsv", "doc", "pt", "bits", "rng", "ch")) {
            ColumnSchema col = t.column(c).orElseThrow();
            assertThat(col.type().kind()).as(c).isEqualTo(StagingKind.SOURCE_TEXT);
            assertThat(col.note()).as(c).contains("source_text");
            assertThat(result.warnings())
                    .as(c)
                    .anyMatch(w -> w.startsWith("column fallbacks." + c + " (") && w.contains("source_text"));
        }
        assertThat(t.column("tsv").orElseThrow().type().sourceType()).isEqualTo("tsvector");
    }

    @Test
    void generatedAndIdentityColumnsAreRecordedWithTheirSequencePositions() {
        TableSchema t = schema.table("generated").orElseThrow();
        assertThat(t.column("id").orElseThrow().identity())
                .isEqualTo(new Identity("identity_always", "generated_id_seq", 2L));
        assertThat(t.column("serial_no").orElseThrow().identity())
                .isEqualTo(new Identity("serial", "generated_serial_no_seq", 2L));
        assertThat(t.column("serial_no").orElseThrow().defaultExpression())
                .isEqualTo("nextval('generated_serial_no_seq'::regclass)");
        assertThat(t.column("total").orElseThrow().generated()).isEqualTo("((qty)::numeric * unit)");
        assertThat(t.column("pid").orElseThrow().defaultExpression()).isEqualTo("1");
        assertThat(column("generated", "total")).containsExactly("2.50", "30.00");
        assertThat(t.primaryKey()).containsExactly("id");
    }

    @Test
    void everyTableIsInTheManifestWithItsRowCount() {
        assertThat(result.tables())
                .extracting(TableStats::table, TableStats::rows)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("floats", 9L),
                        org.assertj.core.groups.Tuple.tuple("numerics", 8L),
                        org.assertj.core.groups.Tuple.tuple("temporals", 8L),
                        org.assertj.core.groups.Tuple.tuple("texts", 7L),
                        org.assertj.core.groups.Tuple.tuple("arrays", 3L),
                        org.assertj.core.groups.Tuple.tuple("fallbacks", 2L),
                        org.assertj.core.groups.Tuple.tuple("generated", 2L),
                        org.assertj.core.groups.Tuple.tuple("no_columns", 2L));
        assertThat(Staged.rows(dir, "no_columns")).containsExactly(Map.of(), Map.of());
        assertThat(result.manifest().source().dialect()).isEqualTo("postgresql");
        // The version matrix (-Ppg15 / -Ppg16 / -Ppg18) really runs against that server.
        assertThat(result.manifest().source().serverVersion())
                .startsWith(System.getProperty("migrate.pg.version", "17") + ".");
        assertThat(result.manifest().source().database()).isEqualTo(db.name());
        assertThat(result.manifest().tenant()).isNull();
    }

    @Test
    void keysForeignKeyActionsAndIndexesAreRecorded() {
        TableSchema parent = schema.table("parent_keys").orElseThrow();
        assertThat(parent.primaryKey()).containsExactly("a", "b");
        assertThat(parent.uniqueConstraints()).containsExactly(new UniqueConstraint("parent_keys_b_key", List.of("b")));
        TableSchema child = schema.table("child_keys").orElseThrow();
        assertThat(child.foreignKeys())
                .containsExactlyInAnyOrder(
                        new ForeignKey(
                                "child_keys_ab_fkey",
                                List.of("a", "b"),
                                "parent_keys",
                                List.of("a", "b"),
                                "SET NULL",
                                "CASCADE",
                                "DEFERRABLE INITIALLY DEFERRED"),
                        new ForeignKey(
                                "child_keys_b_fkey",
                                List.of("b"),
                                "parent_keys",
                                List.of("b"),
                                "RESTRICT",
                                "NO ACTION",
                                "DEFERRABLE INITIALLY IMMEDIATE"));
        assertThat(child.checks()).containsExactly("CHECK ((b <> 0))");
        Map<String, IndexSchema> indexes = new java.util.HashMap<>();
        child.indexes().forEach(i -> indexes.put(i.name(), i));
        assertThat(indexes.keySet())
                .containsExactlyInAnyOrder(
                        "child_keys_plain",
                        "child_keys_expr",
                        "child_keys_desc",
                        "child_keys_partial",
                        "child_keys_hash");
        assertThat(indexes.get("child_keys_plain").portable()).isTrue();
        assertThat(indexes.get("child_keys_plain").columns()).containsExactly("b", "a");
        assertThat(indexes.get("child_keys_expr").portable()).isFalse();
        assertThat(indexes.get("child_keys_expr").columns()).isEmpty();
        assertThat(indexes.get("child_keys_expr").definition()).contains("((a + b))");
        assertThat(indexes.get("child_keys_desc").portable()).isFalse();
        assertThat(indexes.get("child_keys_partial").unique()).isTrue();
        assertThat(indexes.get("child_keys_partial").where()).isEqualTo("(b > 0)");
        assertThat(indexes.get("child_keys_partial").portable()).isFalse();
        assertThat(indexes.get("child_keys_hash").portable()).isFalse();
        assertThat(result.warnings())
                .contains(
                        "index child_keys.child_keys_expr is not portable (expression): recorded with its definition;"
                                + " importers to SQLite may not recreate it",
                        "index child_keys.child_keys_hash is not portable (hash): recorded with its definition;"
                                + " importers to SQLite may not recreate it");
        // Referenced tables come first.
        List<String> order = schema.tables().stream().map(TableSchema::name).toList();
        assertThat(order.indexOf("parent_keys")).isLessThan(order.indexOf("child_keys"));
    }
}
