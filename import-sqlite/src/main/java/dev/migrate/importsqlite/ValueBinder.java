package dev.migrate.importsqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.migrate.core.canonical.SqliteValues;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.Codecs;
import dev.migrate.core.types.StagingType;
import dev.migrate.core.types.ValueCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds one canonical staging value (see {@link dev.migrate.core.types.StagingKind}) as the SQLite
 * value it is stored as. Each column's declared type (from {@code TypeMappings.toSqlite}) has an
 * affinity that leaves these values exactly as bound:
 *
 * <ul>
 *   <li>int16/32/64 → INTEGER; boolean → INTEGER 0/1;
 *   <li>decimal → TEXT, the exact decimal text ({@code 12.50} stays {@code 12.50}; {@code NaN},
 *       {@code Infinity} as text);
 *   <li>float32/float64 → REAL, including ±Infinity; two values SQLite cannot hold as REAL are
 *       stored as TEXT: NaN as {@code 'NaN'} (SQLite turns a NaN REAL into NULL) and -0.0 as
 *       {@link #NEGATIVE_ZERO} (a REAL column stores integral values as integers on disk, so -0.0
 *       would come back as 0.0, and so would the texts {@code '-0.0'} or {@code '-0'}, which REAL
 *       affinity converts);
 *   <li>text, varchar, char, uuid, json, jsonb, enum, source_text and every temporal kind → TEXT,
 *       the canonical text as is (temporal values: {@code YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]},
 *       {@code infinity}, ISO-8601 intervals: none of them looks like a number, so the NUMERIC
 *       affinity of {@code DATE}, {@code TIMESTAMPTZ}, {@code UUID} or {@code INTERVAL} keeps them
 *       as text). Never {@code java.sql.Timestamp}, which sqlite-jdbc would store as epoch
 *       milliseconds;
 *   <li>bytes → BLOB (an empty array stays an empty BLOB, not NULL);
 *   <li>arrays → TEXT holding the staging JSON array, elements written by the element type's
 *       codec, so export-sqlite reads them back with the same codec.
 * </ul>
 */
final class ValueBinder {

    /**
     * How -0.0 is stored in a float column. It is not a well-formed number, so REAL affinity leaves
     * it as TEXT, yet its numeric prefix makes {@code CAST(x AS REAL)} and {@code
     * sqlite3_column_double} return -0.0, so applications reading it as a number get the right value.
     * Defined in core, where export-sqlite and the validator read it back.
     */
    static final String NEGATIVE_ZERO = SqliteValues.NEGATIVE_ZERO;

    /** How NaN is stored in a float column (SQLite stores a NaN REAL as NULL). */
    static final String NAN = SqliteValues.NAN;

    private final StagingType type;
    private final ValueCodec arrayCodec;
    private final StringWriter buffer = new StringWriter();

    ValueBinder(StagingType type) {
        this.type = type;
        this.arrayCodec = type.kind() == dev.migrate.core.types.StagingKind.ARRAY ? Codecs.forType(type) : null;
    }

    /** Binds {@code value} (canonical, or null) to parameter {@code index}. */
    void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.NULL);
            return;
        }
        switch (type.kind()) {
            case INT16, INT32, INT64 -> ps.setLong(index, (Long) value);
            case BOOLEAN -> ps.setLong(index, ((Boolean) value) ? 1 : 0);
            case FLOAT32, FLOAT64 -> bindFloat(ps, index, (Double) value);
            case BYTES -> ps.setBytes(index, (byte[]) value);
            case ARRAY -> ps.setString(index, arrayJson(value));
            default -> ps.setString(index, (String) value);
        }
    }

    /** The stored form of a float, as bound: a Double, or the text that stands for it. */
    static Object storedFloat(double d) {
        if (Double.isNaN(d)) {
            return NAN;
        }
        if (d == 0.0 && Double.doubleToRawLongBits(d) != 0L) {
            return NEGATIVE_ZERO;
        }
        return d;
    }

    private static void bindFloat(PreparedStatement ps, int index, double d) throws SQLException {
        Object stored = storedFloat(d);
        if (stored instanceof String s) {
            ps.setString(index, s);
        } else {
            ps.setDouble(index, d);
        }
    }

    /** The array as the staging JSON text ({@code ["a",null,"b"]}, nested lists for more dimensions). */
    String arrayJson(Object value) {
        buffer.getBuffer().setLength(0);
        try (JsonGenerator g = StagingJson.FACTORY.createGenerator(buffer)) {
            arrayCodec.write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return buffer.toString();
    }
}
