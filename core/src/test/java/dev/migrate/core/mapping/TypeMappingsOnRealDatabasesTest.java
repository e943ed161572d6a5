package dev.migrate.core.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.migrate.core.mapping.TypeMappingDocument.PostgresSample;
import dev.migrate.core.mapping.TypeMappingDocument.StorageForm;
import dev.migrate.core.sql.PostgresDialect;
import dev.migrate.core.sql.SqliteDialect;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.ValueCodec;
import dev.migrate.testing.PostgresDatabase;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mapping tables and the claims of the type-mapping document, checked against a real SQLite
 * file and a real PostgreSQL server.
 */
class TypeMappingsOnRealDatabasesTest {

    @RegisterExtension
    static final PostgresDatabase db = new PostgresDatabase();

    @TempDir
    Path dir;

    private Connection sqlite(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(name));
    }

    /** SQLite's affinity never changes a canonical value stored under the declared type toSqlite gives. */
    @Test
    void sqliteAffinityNeverChangesACanonicalValue() throws Exception {
        assertThat(EnumSet.copyOf(TypeMappingDocument.coveredKinds())).containsExactlyInAnyOrder(StagingKind.values());
        try (Connection c = sqlite("forms.db")) {
            int n = 0;
            for (StorageForm form : TypeMappingDocument.STORAGE_FORMS) {
                String table = "t" + n++;
                String declared = TypeMappings.toSqlite(form.type());
                try (Statement s = c.createStatement()) {
                    s.execute("create table " + table + " (id integer primary key, v " + declared + ")");
                }
                for (Object example : form.examples()) {
                    assertCanonical(form.type(), example);
                    try (PreparedStatement ps = c.prepareStatement("insert into " + table + " (v) values (?)")) {
                        bind(ps, example);
                        ps.executeUpdate();
                    }
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select typeof(v), v, hex(v) from " + table + " order by id")) {
                    for (Object example : form.examples()) {
                        assertThat(rs.next()).isTrue();
                        String what = form.type() + " as " + declared + ": " + describe(example);
                        assertThat(rs.getString(1)).as(what).isEqualTo(form.storageClass());
                        assertSameValue(rs, example, what);
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement ps, Object example) throws SQLException {
        if (example instanceof Long l) {
            ps.setLong(1, l);
        } else if (example instanceof Double d) {
            ps.setDouble(1, d);
        } else if (example instanceof byte[] b) {
            ps.setBytes(1, b);
        } else {
            ps.setString(1, (String) example);
        }
    }

    private static void assertSameValue(ResultSet rs, Object example, String what) throws SQLException {
        if (example instanceof Long l) {
            assertThat(rs.getLong(2)).as(what).isEqualTo(l);
        } else if (example instanceof Double d) {
            assertThat(Double.doubleToRawLongBits(rs.getDouble(2))).as(what).isEqualTo(Double.doubleToRawLongBits(d));
        } else if (example instanceof byte[] b) {
            assertThat(rs.getBytes(2) == null ? new byte[0] : rs.getBytes(2))
                    .as(what)
                    .isEqualTo(b);
        } else {
            String text = (String) example;
            assertThat(rs.getString(2)).as(what).isEqualTo(text);
            // byte for byte, not just equal after the driver's decoding
            assertThat(rs.getString(3))
                    .as(what)
                    .isEqualTo(java.util.HexFormat.of()
                            .withUpperCase()
                            .formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** The examples are the staging codecs' canonical forms, not something merely similar. */
    private static void assertCanonical(StagingType type, Object example) throws Exception {
        ValueCodec codec = Codecs.forType(type);
        StagingKind kind = type.kind();
        if (kind == StagingKind.BOOLEAN) {
            assertThat(example).isIn(0L, 1L);
        } else if (kind == StagingKind.ARRAY) {
            // the stored text is what the array codec writes for the value it reads from that text
            Object value;
            try (JsonParser p = StagingJson.FACTORY.createParser((String) example)) {
                p.nextToken();
                value = codec.read(p);
            }
            StringWriter out = new StringWriter();
            try (JsonGenerator g = StagingJson.FACTORY.createGenerator(out)) {
                codec.write(g, value);
            }
            assertThat(out.toString()).isEqualTo(example);
        } else if ((kind == StagingKind.FLOAT32 || kind == StagingKind.FLOAT64) && example instanceof String s) {
            assertThat(s).isIn("NaN", "-0.0 (negative zero)");
        } else if (example instanceof byte[] b) {
            assertThat((byte[]) codec.canonical(b)).isEqualTo(b);
        } else {
            assertThat(codec.canonical(example))
                    .as("%s %s", type, describe(example))
                    .isEqualTo(example);
        }
    }

    private static String describe(Object v) {
        return v instanceof byte[] b ? b.length + " bytes" : "'" + v + "'";
    }

    /** Every declared type toSqlite writes is valid SQLite, reported back verbatim, and gives back its staging type. */
    @Test
    void everyDeclaredTypeIsValidSqliteAndReadsBack() throws Exception {
        List<StagingType> all = TypeMappingsTest.allStagingTypes();
        try (Connection c = sqlite("declared.db");
                Statement s = c.createStatement()) {
            for (int i = 0; i < all.size(); i++) {
                String declared = TypeMappings.toSqlite(all.get(i));
                String table = SqliteDialect.INSTANCE.quote("t" + i);
                s.execute("create table " + table + " (v " + declared + ")");
                // '12.50' and '007' are the values affinity would convert: TEXT affinity keeps them
                s.execute("insert into " + table + " values ('12.50'), ('007')");
                try (ResultSet rs = s.executeQuery("select type from pragma_table_info('t" + i + "')")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(declared);
                    assertThat(TypeMappings.declaredSqlite(rs.getString(1))).isEqualTo(all.get(i));
                }
                // INTEGER, REAL and NUMERIC affinity turn '12.50' into the REAL 12.5; TEXT and BLOB keep it
                String affinity = SqliteAffinity.of(declared);
                String expectedClass = affinity.equals("TEXT") || affinity.equals("BLOB") ? "text" : "real";
                try (ResultSet rs = s.executeQuery("select typeof(v) from " + table + " where rowid = 1")) {
                    rs.next();
                    // proves our model of SQLite's affinity rules, used by the other tests
                    assertThat(rs.getString(1)).as(declared).isEqualTo(expectedClass);
                }
            }
        }
    }

    /** format_type() as a real server prints it, through fromPostgres. */
    @Test
    void formatTypeOutputOfARealServerMapsAsTheTableSays() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"smallint", "smallint", "int16"},
                new String[] {"int", "integer", "int32"},
                new String[] {"serial", "integer", "int32"},
                new String[] {"bigserial", "bigint", "int64"},
                new String[] {"numeric(10,2)", "numeric(10,2)", "decimal(10,2)"},
                new String[] {"decimal", "numeric", "decimal"},
                new String[] {"money", "money", "decimal"},
                new String[] {"float4", "real", "float32"},
                new String[] {"float", "double precision", "float64"},
                new String[] {"bool", "boolean", "boolean"},
                new String[] {"varchar(255)", "character varying(255)", "varchar(255)"},
                new String[] {"varchar", "character varying", "varchar"},
                new String[] {"char", "character(1)", "char(1)"},
                new String[] {"char(2)", "character(2)", "char(2)"},
                new String[] {"bpchar", "bpchar", "char"},
                new String[] {"name", "name", "text"},
                new String[] {"timestamptz(3)", "timestamp(3) with time zone", "timestamptz(3)"},
                new String[] {"timestamp", "timestamp without time zone", "timestamp"},
                new String[] {"time", "time without time zone", "time"},
                new String[] {"timetz(6)", "time(6) with time zone", "timetz(6)"},
                new String[] {"interval year to month", "interval year to month", "interval"},
                new String[] {"interval(3)", "interval(3)", "interval"},
                new String[] {"bit(8)", "bit(8)", "source_text(bit(8))"},
                new String[] {"varbit(5)", "bit varying(5)", "source_text(bit varying(5))"},
                new String[] {"inet", "inet", "source_text(inet)"},
                new String[] {"tsvector", "tsvector", "source_text(tsvector)"},
                new String[] {"point", "point", "source_text(point)"},
                new String[] {"\"char\"", "\"char\"", "source_text(\"char\")"},
                new String[] {"int[]", "integer[]", "array<int32>"},
                new String[] {"int[][]", "integer[]", "array<int32>[2]"},
                new String[] {"varchar(10)[]", "character varying(10)[]", "array<varchar(10)>"},
                new String[] {"mood", "mood", "enum(mood)"},
                new String[] {"mood[]", "mood[]", "array<enum(mood)>"});
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("create type mood as enum ('happy', 'sad')");
            StringBuilder ddl = new StringBuilder("create table ft (");
            for (int i = 0; i < cases.size(); i++) {
                ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(' ').append(cases.get(i)[0]);
            }
            s.execute(ddl.append(")").toString());
            try (ResultSet rs = s.executeQuery("""
                    select a.attname, format_type(a.atttypid, a.atttypmod), a.attndims,
                           case when e.typtype = 'e' then e.typname end
                      from pg_attribute a
                      join pg_type t on t.oid = a.atttypid
                      join pg_type e on e.oid = case when t.typelem <> 0 and t.typlen = -1 then t.typelem else t.oid end
                     where a.attrelid = 'ft'::regclass and a.attnum > 0
                     order by a.attnum""")) {
                for (String[] expected : cases) {
                    assertThat(rs.next()).isTrue();
                    String formatType = rs.getString(2);
                    assertThat(formatType).as(expected[0]).isEqualTo(expected[1]);
                    int dims = rs.getInt(3);
                    StagingType type = TypeMappings.fromPostgres(formatType, rs.getString(4), dims);
                    assertThat(type).as(expected[0]).hasToString(expected[2]);
                }
            }
        }
    }

    /** Each documented round trip, replayed on the server: same format_type unless the document says it changes. */
    @Test
    void postgresToSqliteToPostgresKeepsTypesOnARealServer() throws Exception {
        String database = db.createDatabase("roundtrip");
        try (Connection c = db.connect(database);
                Statement s = c.createStatement()) {
            s.execute("create type \"Mood Ring\" as enum ('red', 'blue')");
            s.execute("create type mood as enum ('happy', 'sad')");
            int i = 0;
            for (PostgresSample sample : TypeMappingDocument.POSTGRES_SAMPLES) {
                String original = sample.formatType() + (sample.dimensions() > 1 ? "[]" : "");
                String roundTrip = sample.enumName() == null
                        ? sample.roundTrip()
                        : PostgresDialect.INSTANCE.quote(sample.enumName())
                                + sample.roundTrip().substring(sample.enumName().length());
                String before = formatTypeOf(s, "rt_a" + i, original);
                String after = formatTypeOf(s, "rt_b" + i, roundTrip);
                if (sample.change() == null) {
                    assertThat(after).as("%s → %s", original, roundTrip).isEqualTo(before);
                } else {
                    assertThat(after).as("%s is documented to change", original).isNotEqualTo(before);
                }
                i++;
            }
        }
    }

    private static String formatTypeOf(Statement s, String table, String type) throws SQLException {
        s.execute("create table " + table + " (c " + type + ")");
        try (ResultSet rs = s.executeQuery("select format_type(atttypid, atttypmod) from pg_attribute"
                + " where attrelid = '" + table + "'::regclass and attname = 'c'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
