package dev.migrate.exportpg;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.migrate.core.staging.StagingJson;
import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Chooses, per staging type, the select expression and converter that give the exact canonical
 * value. The rule of thumb: PostgreSQL's own text output is the most faithful form, so most types
 * are read as text and only reshaped where the staging form differs (BC years, offsets); numbers,
 * booleans and bytea use their JDBC getters, which are exact.
 *
 * <ul>
 *   <li>numeric as text keeps every digit, NaN and ±Infinity; money goes through numeric;
 *   <li>real as text: shortest exact decimal, the form the staging codec uses for float32;
 *   <li>char(n) without a cast: {@code ::text} would strip the blank padding;
 *   <li>arrays as {@code array_to_json(col::text[])}: each element keeps its text form, nested
 *       dimensions stay nested and NULL elements stay null (array_to_json of the array itself
 *       would rewrite timestamps and floats). Lower bounds other than 1 are not kept.
 * </ul>
 */
final class ColumnReaders {

    private ColumnReaders() {}

    /**
     * The reader of a column.
     *
     * @param type its staging type
     * @param money whether the (leaf) PostgreSQL type is {@code money}, read through numeric
     */
    static ColumnReader forType(StagingType type, boolean money) {
        if (type.kind() == StagingKind.ARRAY) {
            StagingKind leaf = type.leaf().kind();
            String cast = leaf == StagingKind.CHAR
                    ? ""
                    : money ? "::pg_catalog.numeric[]::pg_catalog.text[]" : "::pg_catalog.text[]";
            return new ArrayReader(cast, fromText(leaf));
        }
        return switch (type.kind()) {
            case INT16, INT32, INT64 -> LONG;
            case FLOAT64 -> DOUBLE;
            case FLOAT32 -> new TextReader("::pg_catalog.text", Double::valueOf);
            case DECIMAL ->
                new TextReader(money ? "::pg_catalog.numeric::pg_catalog.text" : "::pg_catalog.text", s -> s);
            case BOOLEAN -> BOOLEAN;
            case BYTES -> BYTES;
            // Plain getString: the type's output text (uuid, json exactly as stored, enum label,
            // char(n) with its padding).
            case TEXT, VARCHAR, CHAR, UUID, JSON, JSONB, ENUM -> new TextReader("", s -> s);
            case SOURCE_TEXT, TIME, INTERVAL -> new TextReader("::pg_catalog.text", s -> s);
            case DATE, TIMESTAMP -> new TextReader("::pg_catalog.text", TextForms::dateOrTimestamp);
            case TIMESTAMPTZ -> new TextReader("::pg_catalog.text", TextForms::timestamptz);
            case TIMETZ -> new TextReader("::pg_catalog.text", TextForms::timetz);
            case ARRAY -> throw new IllegalStateException("handled above");
        };
    }

    /** Converts one array element's text form to its canonical value. */
    static Function<String, Object> fromText(StagingKind kind) {
        return switch (kind) {
            case INT16, INT32, INT64 -> Long::valueOf;
            case FLOAT32, FLOAT64 -> Double::valueOf;
            case BOOLEAN -> TextForms::bool;
            case BYTES -> TextForms::bytea;
            case DATE, TIMESTAMP -> TextForms::dateOrTimestamp;
            case TIMESTAMPTZ -> TextForms::timestamptz;
            case TIMETZ -> TextForms::timetz;
            case DECIMAL, TEXT, VARCHAR, CHAR, UUID, JSON, JSONB, ENUM, SOURCE_TEXT, TIME, INTERVAL -> s -> s;
            case ARRAY -> throw new IllegalArgumentException("array elements are never arrays");
        };
    }

    private static final ColumnReader LONG = new ColumnReader() {
        @Override
        public String expression(String column) {
            return column;
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            long v = rs.getLong(index);
            return rs.wasNull() ? null : v;
        }
    };

    private static final ColumnReader DOUBLE = new ColumnReader() {
        @Override
        public String expression(String column) {
            return column;
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            double v = rs.getDouble(index);
            return rs.wasNull() ? null : v;
        }
    };

    private static final ColumnReader BOOLEAN = new ColumnReader() {
        @Override
        public String expression(String column) {
            return column;
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            boolean v = rs.getBoolean(index);
            return rs.wasNull() ? null : v;
        }
    };

    private static final ColumnReader BYTES = new ColumnReader() {
        @Override
        public String expression(String column) {
            return column;
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            return rs.getBytes(index);
        }
    };

    /** A column read as text, then reshaped. */
    private record TextReader(String cast, Function<String, Object> convert) implements ColumnReader {
        @Override
        public String expression(String column) {
            return cast.isEmpty() ? column : column + cast;
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String s = rs.getString(index);
            return s == null ? null : convert.apply(s);
        }
    }

    /** An array read as a JSON array of text elements, nested per dimension. */
    private record ArrayReader(String cast, Function<String, Object> element) implements ColumnReader {
        @Override
        public String expression(String column) {
            return "pg_catalog.array_to_json(" + column + cast + ")";
        }

        @Override
        public Object read(ResultSet rs, int index) throws SQLException {
            String json = rs.getString(index);
            if (json == null) {
                return null;
            }
            try (JsonParser p = StagingJson.FACTORY.createParser(json)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("expected a JSON array, found " + TextForms.abbreviate(json));
                }
                return list(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private List<Object> list(JsonParser p) throws IOException {
            List<Object> out = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NULL) {
                    out.add(null);
                } else if (t == JsonToken.START_ARRAY) {
                    out.add(list(p));
                } else if (t == JsonToken.VALUE_STRING) {
                    out.add(element.apply(p.getText()));
                } else {
                    throw new IllegalArgumentException("unexpected " + t + " in array text");
                }
            }
            return out;
        }
    }
}
