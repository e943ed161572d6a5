package dev.migrate.core.mapping;

import static dev.migrate.core.types.StagingKind.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping tables, rule by rule, and the round trips that PostgreSQL → SQLite → PostgreSQL rests on. */
class TypeMappingsTest {

    private static StagingType t(StagingKind kind) {
        return StagingType.of(kind);
    }

    /** {@code format_type()} spellings as the exporter sees them (checked against a real server in TypeMappingsOnRealDatabasesTest). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            smallint                         | int16
            integer                          | int32
            bigint                           | int64
            numeric                          | decimal
            numeric(10,2)                    | decimal(10,2)
            numeric(5)                       | decimal(5,0)
            numeric(5,-2)                    | decimal(5,-2)
            money                            | decimal
            real                             | float32
            double precision                 | float64
            boolean                          | boolean
            text                             | text
            name                             | text
            citext                           | text
            character varying(255)           | varchar(255)
            character varying                | varchar
            character(1)                     | char(1)
            bpchar                           | char
            uuid                             | uuid
            json                             | json
            jsonb                            | jsonb
            bytea                            | bytes
            date                             | date
            time without time zone           | time
            time(3) without time zone        | time(3)
            time with time zone              | timetz
            time(6) with time zone           | timetz(6)
            timestamp without time zone      | timestamp
            timestamp(0) without time zone   | timestamp(0)
            timestamp with time zone         | timestamptz
            timestamp(3) with time zone      | timestamptz(3)
            interval                         | interval
            interval year to month           | interval
            interval day to second(3)        | interval
            interval(3)                      | interval
            bit(8)                           | source_text(bit(8))
            bit varying(5)                   | source_text(bit varying(5))
            inet                             | source_text(inet)
            cidr                             | source_text(cidr)
            macaddr                          | source_text(macaddr)
            tsvector                         | source_text(tsvector)
            xml                              | source_text(xml)
            point                            | source_text(point)
            int4range                        | source_text(int4range)
            "char"                           | source_text("char")
            "MyType"                         | source_text("MyType")
            geometry(Point,4326)             | source_text(geometry(Point,4326))
            """)
    void postgresTypeNames(String formatType, String staging) {
        assertThat(TypeMappings.fromPostgres(formatType, null, 0)).hasToString(staging);
    }

    @Test
    void postgresArraysAndEnums() {
        assertThat(TypeMappings.fromPostgres("integer[]", null, 1)).isEqualTo(StagingType.array(t(INT32), 1));
        assertThat(TypeMappings.fromPostgres("integer[]", null, 2)).isEqualTo(StagingType.array(t(INT32), 2));
        assertThat(TypeMappings.fromPostgres("character varying(10)[]", null, 1))
                .isEqualTo(StagingType.array(StagingType.varchar(10), 1));
        assertThat(TypeMappings.fromPostgres("mood", "mood", 0)).isEqualTo(StagingType.enumOf("mood"));
        assertThat(TypeMappings.fromPostgres("\"Mood\"[]", "Mood", 1))
                .isEqualTo(StagingType.array(StagingType.enumOf("Mood"), 1));
    }

    /** Declared types from pgloader's sqlite test databases and the usual ORMs, mapped as the table says. */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            tinyint                  | int16           | SMALLINT, INT2, TINYINT
            smallint                 | int16           | SMALLINT, INT2, TINYINT
            int2                     | int16           | SMALLINT, INT2, TINYINT
            smallint unsigned        | int64           | other, containing INT
            short integer            | int64           | other, containing INT
            integer                  | int32           | INTEGER, INT, MEDIUMINT, INT4
            int                      | int32           | INTEGER, INT, MEDIUMINT, INT4
            int(5)                   | int32           | INTEGER, INT, MEDIUMINT, INT4
            mediumint                | int32           | INTEGER, INT, MEDIUMINT, INT4
            integer auto_increment   | int64           | other, containing INT
            intege                   | int64           | other, containing INT
            bigint                   | int64           | BIGINT, INT8, UNSIGNED BIG INT
            bigint unsigned          | int64           | other, containing INT
            unsigned big int         | int64           | BIGINT, INT8, UNSIGNED BIG INT
            text                     | text            | TEXT, CLOB
            clob                     | text            | TEXT, CLOB
            text nocase              | text            | other, containing CHAR, CLOB or TEXT
            varchar                  | varchar         | VARCHAR[(n)], NVARCHAR[(n)], CHARACTER VARYING[(n)]
            varchar(255)             | varchar(255)    | VARCHAR[(n)], NVARCHAR[(n)], CHARACTER VARYING[(n)]
            nvarchar(100)            | varchar(100)    | VARCHAR[(n)], NVARCHAR[(n)], CHARACTER VARYING[(n)]
            character varying(20)    | varchar(20)     | VARCHAR[(n)], NVARCHAR[(n)], CHARACTER VARYING[(n)]
            varying character(10)    | varchar(10)     | VARCHAR[(n)], NVARCHAR[(n)], CHARACTER VARYING[(n)]
            native character(70)     | varchar(70)     | VARCHAR[(n)], NVARCHAR[(n)], CHARACTER VARYING[(n)]
            char(70)                 | char(70)        | CHAR(n), CHARACTER(n), NCHAR(n)
            character(20)            | char(20)        | CHAR(n), CHARACTER(n), NCHAR(n)
            nchar(55)                | char(55)        | CHAR(n), CHARACTER(n), NCHAR(n)
            char                     | text            | CHAR(n), CHARACTER(n), NCHAR(n)
            real                     | float64         | REAL, FLOAT, FLOAT8, DOUBLE, DOUBLE PRECISION
            float                    | float64         | REAL, FLOAT, FLOAT8, DOUBLE, DOUBLE PRECISION
            double                   | float64         | REAL, FLOAT, FLOAT8, DOUBLE, DOUBLE PRECISION
            double precision         | float64         | REAL, FLOAT, FLOAT8, DOUBLE, DOUBLE PRECISION
            float4                   | float32         | FLOAT4
            numeric                  | decimal         | NUMERIC(p,s), DECIMAL(p,s)
            decimal                  | decimal         | NUMERIC(p,s), DECIMAL(p,s)
            numeric(20, 6)           | decimal(20,6)   | NUMERIC(p,s), DECIMAL(p,s)
            NUMERIC(10,2)            | decimal(10,2)   | NUMERIC(p,s), DECIMAL(p,s)
            decimal(12,4)            | decimal(12,4)   | NUMERIC(p,s), DECIMAL(p,s)
            numeric(10)              | decimal(10,0)   | NUMERIC(p,s), DECIMAL(p,s)
            boolean                  | boolean         | BOOLEAN, BOOL
            bool                     | boolean         | BOOLEAN, BOOL
            date                     | date            | DATE
            DATETIME                 | timestamp       | DATETIME, TIMESTAMP
            TIMESTAMP                | timestamp       | DATETIME, TIMESTAMP
            timestamp(3)             | timestamp(3)    | DATETIME, TIMESTAMP
            timestamp without time zone | timestamp    | DATETIME, TIMESTAMP
            timestamptz              | timestamptz     | TIMESTAMPTZ
            timestamp with time zone | timestamptz     | TIMESTAMPTZ
            time                     | time            | TIME
            time with time zone      | timetz          | TIMETZ
            interval                 | interval        | INTERVAL
            uuid                     | uuid            | UUID, GUID
            json                     | json            | JSON
            jsonb                    | jsonb           | JSONB
            BLOB                     | bytes           | BLOB, BYTEA, no declared type
            byte[]                   | bytes           | BLOB, BYTEA, no declared type
            ''                       | bytes           | BLOB, BYTEA, no declared type
            money                    | decimal         | anything else (NUMERIC affinity)
            geometry                 | decimal         | anything else (NUMERIC affinity)
            """)
    void sqliteDeclaredTypes(String declared, String staging, String rule) {
        assertThat(TypeMappings.declaredSqlite(declared)).hasToString(staging);
        assertThat(TypeMappings.sqliteRule(declared).source()).isEqualTo(rule);
    }

    @Test
    void noDeclaredTypeAtAllIsBlob() {
        assertThat(TypeMappings.declaredSqlite(null)).isEqualTo(t(BYTES));
        assertThat(TypeMappings.declaredSqlite("   ")).isEqualTo(t(BYTES));
    }

    @Test
    void declaredTypesWrittenByImportSqliteAreRecognised() {
        assertThat(TypeMappings.declaredSqlite("DECIMAL TEXT(10,2)")).isEqualTo(StagingType.decimal(10, 2));
        assertThat(TypeMappings.declaredSqlite("decimal text ( 10 , 2 )")).isEqualTo(StagingType.decimal(10, 2));
        assertThat(TypeMappings.declaredSqlite("JSON TEXT")).isEqualTo(t(JSON));
        assertThat(TypeMappings.declaredSqlite("JSONB TEXT")).isEqualTo(t(JSONB));
        assertThat(TypeMappings.declaredSqlite("MOOD ENUM TEXT")).isEqualTo(StagingType.enumOf("mood"));
        assertThat(TypeMappings.declaredSqlite("ENUM TEXT")).isEqualTo(StagingType.enumOf(null));
        assertThat(TypeMappings.declaredSqlite("INET TEXT")).isEqualTo(StagingType.sourceText("inet"));
        assertThat(TypeMappings.declaredSqlite("X_706F696E74 TEXT")).isEqualTo(StagingType.sourceText("point"));
        assertThat(TypeMappings.declaredSqlite("TEXT ARRAY")).isEqualTo(StagingType.array(t(TEXT), 1));
        assertThat(TypeMappings.declaredSqlite("INTEGER ARRAY ARRAY")).isEqualTo(StagingType.array(t(INT32), 2));
        assertThat(TypeMappings.declaredSqlite("VARCHAR ARRAY(10)"))
                .isEqualTo(StagingType.array(StagingType.varchar(10), 1));
        assertThat(TypeMappings.declaredSqlite("BPCHAR")).isEqualTo(StagingType.character(null));
    }

    /** Every staging type the exporters can produce, with and without parameters. */
    static List<StagingType> allStagingTypes() {
        List<StagingType> scalars = new ArrayList<>(List.of(
                t(INT16),
                t(INT32),
                t(INT64),
                StagingType.decimal(null, null),
                StagingType.decimal(10, 2),
                StagingType.decimal(38, 0),
                StagingType.decimal(5, -2),
                StagingType.decimal(1000, 500),
                t(FLOAT32),
                t(FLOAT64),
                t(BOOLEAN),
                t(TEXT),
                StagingType.varchar(null),
                StagingType.varchar(255),
                StagingType.character(null),
                StagingType.character(1),
                t(UUID),
                t(JSON),
                t(JSONB),
                t(BYTES),
                t(DATE),
                StagingType.temporal(TIME, null),
                StagingType.temporal(TIME, 0),
                StagingType.temporal(TIMETZ, null),
                StagingType.temporal(TIMETZ, 3),
                StagingType.temporal(TIMESTAMP, null),
                StagingType.temporal(TIMESTAMP, 6),
                StagingType.temporal(TIMESTAMPTZ, null),
                StagingType.temporal(TIMESTAMPTZ, 3),
                t(INTERVAL),
                StagingType.enumOf(null),
                StagingType.enumOf("mood"),
                StagingType.enumOf("Mood"),
                StagingType.enumOf("point_kind"),
                StagingType.enumOf("my schema.my-enum"),
                StagingType.enumOf("x_ab"),
                StagingType.enumOf("text"),
                StagingType.enumOf("état"),
                StagingType.sourceText("inet"),
                StagingType.sourceText("tsvector"),
                StagingType.sourceText("point"),
                StagingType.sourceText("int4range"),
                StagingType.sourceText("bit(8)"),
                StagingType.sourceText("bit varying(5)"),
                StagingType.sourceText("\"char\""),
                StagingType.sourceText("\"MyType\""),
                StagingType.sourceText("geometry(Point,4326)"),
                StagingType.sourceText("public.hstore")));
        List<StagingType> all = new ArrayList<>(scalars);
        for (StagingType element : scalars) {
            all.add(StagingType.array(element, 1));
            all.add(StagingType.array(element, 2));
        }
        return all;
    }

    @Test
    void theTestCoversEveryKind() {
        Set<StagingKind> covered = allStagingTypes().stream()
                .map(StagingType::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StagingKind.class)));
        assertThat(covered).containsExactlyInAnyOrder(StagingKind.values());
    }

    /** The core of PostgreSQL → SQLite → PostgreSQL fidelity: the declared type gives back the staging type. */
    @Test
    void toSqliteThenDeclaredSqliteGivesBackEveryStagingType() {
        for (StagingType type : allStagingTypes()) {
            String declared = TypeMappings.toSqlite(type);
            assertThat(TypeMappings.declaredSqlite(declared))
                    .as("%s written as %s", type, declared)
                    .isEqualTo(type);
        }
    }

    /** And staging → PostgreSQL → staging, as import-postgres then a later export-postgres see it. */
    @Test
    void toPostgresThenFromPostgresGivesBackEveryStagingType() {
        for (StagingType type : allStagingTypes()) {
            StagingType leaf = type.leaf();
            String pg = TypeMappings.toPostgres(type, true);
            String enumName = leaf.kind() == ENUM ? leaf.name() : null;
            if (leaf.kind() == ENUM && leaf.name() == null) {
                continue; // an enum without a name cannot be created in PostgreSQL (import-postgres makes it text)
            }
            int dims = type.kind() == ARRAY ? type.dimensions() : 0;
            assertThat(TypeMappings.fromPostgres(pg, enumName, dims))
                    .as("%s created as %s", type, pg)
                    .isEqualTo(type);
        }
    }

    @Test
    void declaredTypesNeverGetIntegerOrRealAffinityWhenValuesMayLookNumeric() {
        for (StagingType type : allStagingTypes()) {
            String declared = TypeMappings.toSqlite(type);
            StagingKind kind = type.kind();
            boolean textMayLookNumeric = kind == DECIMAL
                    || kind == TEXT
                    || kind == VARCHAR
                    || kind == CHAR
                    || kind == JSON
                    || kind == JSONB
                    || kind == ENUM
                    || kind == SOURCE_TEXT;
            if (textMayLookNumeric) {
                assertThat(SqliteAffinity.of(declared)).as(declared).isEqualTo("TEXT");
            }
        }
    }

    @Test
    void namesThatCannotBeBareWordsAreHexEncoded() {
        assertThat(TypeMappings.toSqlite(StagingType.sourceText("point"))).isEqualTo("X_706F696E74 TEXT");
        assertThat(TypeMappings.toSqlite(StagingType.sourceText("inet"))).isEqualTo("INET TEXT");
        assertThat(TypeMappings.toSqlite(StagingType.enumOf("mood"))).isEqualTo("MOOD ENUM TEXT");
        assertThat(TypeMappings.toSqlite(StagingType.enumOf("Mood"))).isEqualTo("X_4D6F6F64 ENUM TEXT");
        assertThat(TypeMappings.toSqlite(StagingType.array(StagingType.decimal(10, 2), 2)))
                .isEqualTo("DECIMAL TEXT ARRAY ARRAY(10,2)");
        assertThat(TypeMappings.toSqlite(StagingType.character(null))).isEqualTo("BPCHAR");
        assertThat(TypeMappings.toPostgres(StagingType.character(null), false)).isEqualTo("bpchar");
        // a plain word that merely looks like hex is not decoded
        assertThat(TypeMappings.declaredSqlite("X_ZZ TEXT")).isEqualTo(StagingType.sourceText("x_zz"));
    }
}
